package lessonbook.format.ipynb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lessonbook.format.LessonFormatException;
import lessonbook.model.Cell;
import lessonbook.model.CellIds;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/** Reads a Jupyter notebook (nbformat 4.0 to 4.5) into our model, keeping what we do not use for the save. */
public final class IpynbReader {
    static final Pattern VALID_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Set<String> CELL_FIELDS = Set.of("cell_type", "id", "metadata", "source", "outputs",
            "execution_count");
    private static final Set<String> NOTEBOOK_FIELDS = Set.of("cells", "metadata", "nbformat", "nbformat_minor");

    private IpynbReader() {
    }

    public static Notebook parse(Path file, String text) throws LessonFormatException {
        JsonNode root;
        try {
            root = JupyterJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // Jackson names where an unclosed array began as "(start marker at [Source: REDACTED (`...` disabled);
            // line: 1, column: 11])": parser internals in a message for a teacher, and the line is said already
            String reason = String.valueOf(e.getOriginalMessage())
                    .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "");
            throw new LessonFormatException(file, Math.max(line, 0), "not valid JSON, so not a Jupyter notebook: "
                    + reason);
        }
        int major = root == null ? -1 : root.path("nbformat").asInt(-1);
        // an nbformat 3 notebook (IPython 2 and older) keeps its cells under "worksheets": say which format it is
        boolean olderFormat = major > 0 && major < 4;
        if (root == null || !root.isObject() || (!root.has("cells") && !olderFormat)) {
            throw new LessonFormatException(file, 1, "not a Jupyter notebook (no \"cells\" list at the top level)");
        }
        if (major != 4) {
            throw new LessonFormatException(file, 0, "nbformat " + (major < 0 ? "(missing)" : major)
                    + " is not supported; Lessonbook reads nbformat 4 (open and save it once in Jupyter to upgrade)");
        }
        if (!root.get("cells").isArray()) {
            throw new LessonFormatException(file, 0, "\"cells\" is not a list");
        }
        JsonNode metadataNode = root.path("metadata");
        List<String> notes = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        Map<String, IpynbLayout.CellJson> layouts = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : root.get("cells")) {
            index++;
            Cell cell = cell(file, node, index, ids, notes, layouts);
            cells.add(cell);
        }
        Map<String, Object> metadata = JupyterJson.toMap(metadataNode);
        Optional<String> language = JavaKernel.language(metadataNode);
        if (language.isPresent() && !JavaKernel.isJava(language.get())) {
            metadata.put(Notebook.READ_ONLY_KEY, JavaKernel.readOnlyReason(language.get(), metadataNode));
        }
        if (!notes.isEmpty()) {
            metadata.put(Notebook.NOTES_KEY, List.copyOf(notes));
        }
        metadata.put(IpynbLayout.KEY, new IpynbLayout(layouts, extras(root, NOTEBOOK_FIELDS)));
        return new Notebook(cells, java.util.Collections.unmodifiableMap(metadata));
    }

    private static Cell cell(Path file, JsonNode node, int index, Set<String> ids, List<String> notes,
                             Map<String, IpynbLayout.CellJson> layouts) throws LessonFormatException {
        if (!node.isObject()) {
            throw new LessonFormatException(file, 0, "cell " + index + " is not a JSON object");
        }
        String type = node.path("cell_type").asText("");
        if (!type.equals("code") && !type.equals("markdown") && !type.equals("raw")) {
            throw new LessonFormatException(file, 0, "cell " + index + " has an unknown cell_type '" + type + "'");
        }
        JsonNode sourceNode = node.get("source");
        if (sourceNode != null && !sourceNode.isTextual() && !sourceNode.isArray()) {
            throw new LessonFormatException(file, 0, "cell " + index + ": source is neither text nor a list of lines");
        }
        String source = JupyterJson.multiline(sourceNode);
        String id = node.path("id").asText("");
        if (!VALID_ID.matcher(id).matches() || !ids.add(id)) {
            id = freshId(ids);
        }
        Map<String, Object> metadata = java.util.Collections.unmodifiableMap(JupyterJson.toMap(node.get("metadata")));
        if (node.has("attachments") && node.get("attachments").size() > 0) {
            notes.add("Cell " + index + " has attachments (images pasted into its text): Lessonbook does not show "
                    + "them but keeps them when it saves the notebook.");
        }
        List<Output> outputs = List.of();
        Cell cell;
        if (type.equals("code")) {
            Integer count = node.path("execution_count").isInt() ? node.get("execution_count").asInt() : null;
            outputs = JupyterOutputs.read(node.get("outputs"), count, source);
            cell = new CodeCell(id, source, outputs, count, metadata);
        } else {
            cell = new MarkdownCell(id, source, metadata);
        }
        String outputsJson = node.has("outputs") ? node.get("outputs").toString() : "[]";
        layouts.put(id, new IpynbLayout.CellJson(type, source, sourceNode == null ? "\"\"" : sourceNode.toString(),
                outputs, outputsJson, extras(node, CELL_FIELDS)));
        return cell;
    }

    private static String freshId(Set<String> ids) {
        String id;
        do {
            id = CellIds.next();
        } while (!ids.add(id));
        return id;
    }

    private static String extras(JsonNode node, Set<String> known) {
        ObjectNode extras = JupyterJson.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!known.contains(field.getKey())) {
                extras.set(field.getKey(), field.getValue());
            }
        }
        return extras.toString();
    }
}
