package lessonbook.format.ipynb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lessonbook.format.TextFiles;

/** JSON as Jupyter writes it: keys sorted, one-space indent, {@code "key": value}, {@code []} and {@code {}}. */
final class JupyterJson {
    /**
     * Any string a notebook within the size limit can hold is read: Jackson's own default (20 million
     * characters) refused a 30 MB image output as "not valid JSON" although notebooks up to 64 MB open.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength((int) TextFiles.MAX_NOTEBOOK_BYTES).build())
            .build());

    private JupyterJson() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writer(new JupyterPrinter()).writeValueAsString(sorted(node)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** A copy with every object's keys in sorted order, as nbformat's writer does. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = MAPPER.createObjectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            for (JsonNode element : node) {
                copy.add(sorted(element));
            }
            return copy;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new java.util.LinkedHashMap<>();
        }
        return MAPPER.convertValue(node, java.util.LinkedHashMap.class);
    }

    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A string or a list of strings (how nbformat stores multi-line text) as one string. */
    static String multiline(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode part = it.next();
                text.append(part.isTextual() ? part.asText() : part.toString());
            }
            return text.toString();
        }
        return node.toString();
    }

    /** Text split into lines that keep their "\n", as Jupyter stores sources and stream text. */
    static ArrayNode lines(String text) {
        ArrayNode lines = MAPPER.createArrayNode();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static final class JupyterPrinter extends DefaultPrettyPrinter {
        JupyterPrinter() {
            super(DefaultPrettyPrinter.DEFAULT_ROOT_VALUE_SEPARATOR);
            DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
            _separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            _objectFieldValueSeparatorWithSpaces = ": ";
        }

        JupyterPrinter(JupyterPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new JupyterPrinter(this);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (!_objectIndenter.isInline()) {
                --_nesting;
            }
            if (nrOfEntries > 0) {
                _objectIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (!_arrayIndenter.isInline()) {
                --_nesting;
            }
            if (nrOfValues > 0) {
                _arrayIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw(']');
        }
    }
}
