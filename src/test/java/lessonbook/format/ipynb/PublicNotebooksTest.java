package lessonbook.format.ipynb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lessonbook.format.Magics;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/** Real notebooks written by others for a Java kernel (see src/test/resources/notebooks/NOTICE.md). */
class PublicNotebooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tribuo-anomaly-tribuo-v4.ipynb", "tribuo-clustering-tribuo-v4.ipynb",
            "rapaio-bootstrap.ipynb", "tribuo-liblinear-GenerateTestData.ipynb"})
    void opensAndSavesBackToValidNbformatWithItsMetadataAndCellsIntact(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/notebooks/public/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        JsonNode original = JSON.readTree(Files.readString(file));

        Notebook notebook = LessonFiles.read(file);
        LessonFiles.write(file, notebook);
        JsonNode saved = JSON.readTree(Files.readString(file));

        NbformatCheck.assertValid(saved);
        assertThat(saved.get("metadata")).isEqualTo(original.get("metadata"));
        assertThat(saved.get("cells").size()).isEqualTo(original.get("cells").size());
        Iterator<JsonNode> before = original.get("cells").elements();
        for (JsonNode cell : saved.get("cells")) {
            ObjectNode withoutId = ((ObjectNode) cell.deepCopy());
            withoutId.remove("id"); // nbformat 4.5 requires ids; the originals are 4.2 and 4.4
            assertThat(withoutId).isEqualTo(before.next());
        }
        assertThat(notebook.cells()).hasSize(original.get("cells").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tribuo-anomaly-tribuo-v4.ipynb", "tribuo-clustering-tribuo-v4.ipynb",
            "rapaio-bootstrap.ipynb"})
    void javaNotebooksOpenEditableAndTheirMagicsAreNamed(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/notebooks/public/" + name)) {
            Files.write(file, in.readAllBytes());
        }

        Notebook notebook = LessonFiles.read(file);
        CodeCell first = notebook.codeCells().get(0);

        assertThat(notebook.readOnlyReason()).isEmpty();
        if (first.source().startsWith("%jars")) {
            assertThat(Magics.unsupported(first.source())).isEmpty();   // Tribuo's: runs in the kernel
        } else {
            assertThat(Magics.unsupported(first.source())).hasValueSatisfying(message ->
                    assertThat(message).startsWith("The magic %dependency is not supported by Lessonbook"));
        }
        assertThat(notebook.codeCells()).allSatisfy(cell -> assertThat(cell.outputText()).doesNotContain("\u001B"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tribuo-liblinear-GenerateTestData.ipynb"})
    void aPythonNotebookIsReadOnly(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/notebooks/public/" + name)) {
            Files.write(file, in.readAllBytes());
        }

        assertThat(LessonFiles.read(file).readOnlyReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("python").contains("mlkit"));
    }
}
