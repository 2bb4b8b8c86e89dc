package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import lessonbook.format.ipynb.NbformatCheck;

/**
 * Notebooks written by others for Jupyter's Java kernels (see src/test/resources/notebooks/NOTICE.md) run headless
 * as issue 6 asks: {@code run --allow-errors --cell-timeout 10 --output}, and come back as valid nbformat 4.5 with
 * their metadata intact. Their cells need libraries we do not have (Tribuo, rapaio) and IJava magics, so cells
 * fail; what must hold is that every cell gets a clear result and nothing of the notebook is lost.
 */
class PublicNotebooksRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tribuo-anomaly-tribuo-v4.ipynb", "tribuo-clustering-tribuo-v4.ipynb",
            "rapaio-bootstrap.ipynb"})
    void runsHeadlessAndSavesBackValidNotebookWithItsMetadata(String name) throws Exception {
        Path original = Path.of("src", "test", "resources", "notebooks", "public", name);
        Path saved = dir.resolve("out.ipynb");

        LessonbookCli.Run run = LessonbookCli.run(dir, "run", original.toString(), "--allow-errors",
                "--cell-timeout", "10", "--output", saved.toString());

        assertThat(run.exitCode()).as(run.stderr()).isIn(0, 1);
        assertThat(run.stderr()).doesNotContain("Exception in thread").doesNotContain("\tat ");
        JsonNode before = JSON.readTree(original.toFile());
        JsonNode after = JSON.readTree(saved.toFile());
        NbformatCheck.assertValid(after);
        assertThat(after.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(after.get("cells")).hasSameSizeAs(before.get("cells"));
        assertContains(after.get("metadata"), before.get("metadata"), "metadata");
        long codeCells = 0;
        for (int i = 0; i < before.get("cells").size(); i++) {
            JsonNode cellBefore = before.get("cells").get(i);
            JsonNode cellAfter = after.get("cells").get(i);
            assertThat(cellAfter.get("cell_type")).isEqualTo(cellBefore.get("cell_type"));
            assertThat(joined(cellAfter.get("source"))).isEqualTo(joined(cellBefore.get("source")));
            assertContains(cellAfter.get("metadata"), cellBefore.get("metadata"), "cell " + i + " metadata");
            if (cellBefore.get("cell_type").asText().equals("code")) {
                codeCells++;
            }
        }
        assertThat(run.stdout().lines().filter(l -> l.matches("\\[(\\d+|-)\\]"))).hasSize((int) codeCells);
    }

    /** Every field of {@code expected} is in {@code actual} with the same value (the writer may add fields). */
    private static void assertContains(JsonNode actual, JsonNode expected, String where) {
        if (expected == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            assertThat(actual.has(field.getKey())).as(where + " keeps " + field.getKey()).isTrue();
            if (!field.getKey().equals("language_info") && !field.getKey().equals("kernelspec")) {
                assertThat(actual.get(field.getKey())).as(where + "." + field.getKey()).isEqualTo(field.getValue());
            }
        }
    }

    private static String joined(JsonNode source) {
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }
}
