package lessonbook.format.ipynb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of the nbformat 4.5 JSON schema that a writer can break: required and allowed fields of the notebook,
 * of each cell type and of each output type, cell ids, multi-line strings. (Checked by hand: the build has no JSON
 * schema validator; the same files also pass nbformat's own validator.)
 */
final class NbformatCheck {
    private static final Map<String, Set<String>> CELL_FIELDS = Map.of(
            "code", Set.of("cell_type", "id", "metadata", "source", "outputs", "execution_count"),
            "markdown", Set.of("cell_type", "id", "metadata", "source", "attachments"),
            "raw", Set.of("cell_type", "id", "metadata", "source", "attachments"));
    private static final Map<String, Set<String>> REQUIRED_CELL_FIELDS = Map.of(
            "code", Set.of("cell_type", "id", "metadata", "source", "outputs", "execution_count"),
            "markdown", Set.of("cell_type", "id", "metadata", "source"),
            "raw", Set.of("cell_type", "id", "metadata", "source"));
    private static final Map<String, Set<String>> OUTPUT_FIELDS = Map.of(
            "stream", Set.of("output_type", "name", "text"),
            "execute_result", Set.of("output_type", "data", "metadata", "execution_count"),
            "display_data", Set.of("output_type", "data", "metadata", "transient"),
            "error", Set.of("output_type", "ename", "evalue", "traceback"));

    private NbformatCheck() {
    }

    static void assertValid(JsonNode notebook) {
        assertThat(fields(notebook)).containsExactlyInAnyOrder("cells", "metadata", "nbformat", "nbformat_minor");
        assertThat(notebook.get("nbformat").asInt()).isEqualTo(4);
        assertThat(notebook.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(notebook.get("metadata").isObject()).isTrue();
        JsonNode kernelspec = notebook.get("metadata").get("kernelspec");
        if (kernelspec != null) {
            assertThat(kernelspec.get("name").isTextual() && kernelspec.get("display_name").isTextual()).isTrue();
        }
        JsonNode languageInfo = notebook.get("metadata").get("language_info");
        if (languageInfo != null) {
            assertThat(languageInfo.get("name").isTextual()).isTrue();
        }
        Set<String> ids = new java.util.HashSet<>();
        for (JsonNode cell : notebook.get("cells")) {
            String type = cell.path("cell_type").asText();
            assertThat(CELL_FIELDS).containsKey(type);
            assertThat(fields(cell)).containsAll(REQUIRED_CELL_FIELDS.get(type));
            assertThat(CELL_FIELDS.get(type)).containsAll(fields(cell));
            assertThat(cell.get("id").asText()).matches("[a-zA-Z0-9_-]{1,64}");
            assertThat(ids.add(cell.get("id").asText())).as("unique id").isTrue();
            assertThat(cell.get("metadata").isObject()).isTrue();
            assertMultiline(cell.get("source"));
            if (type.equals("code")) {
                assertThat(cell.get("execution_count").isNull() || cell.get("execution_count").isInt()).isTrue();
                for (JsonNode output : cell.get("outputs")) {
                    assertValidOutput(output);
                }
            }
        }
    }

    private static void assertValidOutput(JsonNode output) {
        String type = output.path("output_type").asText();
        assertThat(OUTPUT_FIELDS).containsKey(type);
        assertThat(OUTPUT_FIELDS.get(type)).containsAll(fields(output));
        switch (type) {
            case "stream" -> {
                assertThat(output.get("name").asText()).isIn("stdout", "stderr");
                assertMultiline(output.get("text"));
            }
            case "execute_result", "display_data" -> {
                assertThat(output.get("data").isObject()).isTrue();
                assertThat(output.get("metadata").isObject()).isTrue();
                if (type.equals("execute_result")) {
                    assertThat(output.has("execution_count")).isTrue();
                }
            }
            default -> {
                assertThat(output.get("ename").isTextual() && output.get("evalue").isTextual()).isTrue();
                output.get("traceback").forEach(line -> assertThat(line.isTextual()).isTrue());
            }
        }
    }

    private static void assertMultiline(JsonNode text) {
        assertThat(text.isTextual() || text.isArray()).isTrue();
        if (text.isArray()) {
            text.forEach(line -> assertThat(line.isTextual()).isTrue());
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
