package lessonbook.format.ipynb;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lessonbook.model.Cell;
import lessonbook.model.CellIds;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/**
 * Writes a notebook as nbformat 4.5 JSON, the way Jupyter formats it. A cell unchanged since it was read gives back
 * its original source and outputs JSON; others are mapped from our model. Metadata is written as held, minus the
 * app's own "lessonbook." keys; a notebook without a kernelspec gets IJava's Java kernelspec.
 */
public final class IpynbWriter {
    private static final String OWN_PREFIX = "lessonbook.";

    private IpynbWriter() {
    }

    public static String write(Notebook notebook) {
        IpynbLayout layout = notebook.metadata().get(IpynbLayout.KEY) instanceof IpynbLayout l ? l : null;
        ObjectNode root = layout == null ? JupyterJson.MAPPER.createObjectNode() : object(layout.notebookExtrasJson());
        ArrayNode cells = root.putArray("cells");
        Set<String> ids = new HashSet<>();
        for (Cell cell : notebook.cells()) {
            cells.add(cell(cell, layout == null ? null : layout.cells().get(cell.id()), ids));
        }
        ObjectNode metadata = ownKeysRemoved(notebook.metadata());
        JavaKernel.addWhereMissing(metadata);
        root.set("metadata", metadata);
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return JupyterJson.write(root);
    }

    private static ObjectNode cell(Cell cell, IpynbLayout.CellJson read, Set<String> ids) {
        boolean code = cell instanceof CodeCell;
        boolean sameKind = read != null && read.cellType().equals("code") == code;
        ObjectNode node = sameKind ? object(read.extrasJson()) : JupyterJson.MAPPER.createObjectNode();
        node.put("cell_type", code ? "code" : sameKind ? read.cellType() : "markdown");
        String id = IpynbReader.VALID_ID.matcher(cell.id()).matches() && ids.add(cell.id()) ? cell.id() : fresh(ids);
        node.put("id", id);
        node.set("metadata", ownKeysRemoved(cell.metadata()));
        boolean sourceUnchanged = sameKind && read.source().equals(cell.source());
        node.set("source", sourceUnchanged ? tree(read.sourceJson()) : JupyterJson.lines(cell.source()));
        if (cell instanceof CodeCell codeCell) {
            if (codeCell.executionCount() == null) {
                node.putNull("execution_count");
            } else {
                node.put("execution_count", codeCell.executionCount());
            }
            boolean outputsUnchanged = sameKind && read.outputs().equals(codeCell.outputs());
            node.set("outputs", outputsUnchanged ? tree(read.outputsJson())
                    : JupyterOutputs.write(codeCell.outputs(), codeCell.executionCount()));
        }
        return node;
    }

    private static String fresh(Set<String> ids) {
        String id;
        do {
            id = CellIds.next();
        } while (!ids.add(id));
        return id;
    }

    private static ObjectNode ownKeysRemoved(Map<String, Object> metadata) {
        ObjectNode node = JupyterJson.MAPPER.createObjectNode();
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            if (!entry.getKey().startsWith(OWN_PREFIX)) {
                node.set(entry.getKey(), JupyterJson.toTree(entry.getValue()));
            }
        }
        return node;
    }

    private static ObjectNode object(String json) {
        JsonNode node = tree(json);
        return node.isObject() ? (ObjectNode) node : JupyterJson.MAPPER.createObjectNode();
    }

    private static JsonNode tree(String json) {
        try {
            return JupyterJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON kept from reading no longer parses", e);
        }
    }
}
