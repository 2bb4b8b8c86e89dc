package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.Exporter;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/**
 * A notebook made elsewhere may hold a NUL or other control characters in its cells' sources and outputs (valid
 * JSON allows them). Whatever Lessonbook writes from it, it must read back: the lesson file's reader refuses a NUL as
 * binary data, so saving such a notebook as a lesson once gave a file that would not open again.
 */
class ControlCharactersRoundTripTest {
    private static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": "Hello\\u0000world\\u0007"},
              {"cell_type": "code", "metadata": {}, "execution_count": 1,
               "source": "String s = \\"a\\u0000b\\";",
               "outputs": [
                 {"output_type": "stream", "name": "stdout", "text": "a\\u0000b\\u001b[31mred\\u001b[0m\\n"},
                 {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                  "data": {"text/plain": "x\\u0001y"}},
                 {"output_type": "error", "ename": "E", "evalue": "bad\\u0000thing", "traceback": ["t\\u0000b"]}]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

    @TempDir
    Path dir;

    @Test
    void aNotebookWithNulAndControlCharactersSavesAsALessonThatOpensAgain() throws Exception {
        Path ipynb = dir.resolve("from-elsewhere.ipynb");
        Files.writeString(ipynb, NOTEBOOK);
        Notebook read = LessonFiles.read(ipynb);

        // outputs are kept as a cell's own printing is: escapes for control characters, no colour codes
        CodeCell code = read.codeCells().get(0);
        String shown = outputText(code.outputs());
        assertThat(shown).contains("a\\u0000bred").contains("x\\u0001y").contains("bad\\u0000thing")
                .doesNotContain("\u0000").doesNotContain("\u0001").doesNotContain("\u001b");

        Path md = dir.resolve("from-elsewhere.md");
        LessonFiles.write(md, read);
        assertThat(Files.readAllBytes(md)).doesNotContain((byte) 0);
        Notebook again = LessonFiles.read(md);

        // javac reads the escape as the same character: the code means what it meant
        assertThat(again.codeCells().get(0).source()).isEqualTo("String s = \"a\\u0000b\";");
        assertThat(again.cells().get(0).source()).contains("Hello\\u0000world");
        assertThat(outputText(again.codeCells().get(0).outputs())).contains("a\\u0000bred").contains("x\\u0001y");
    }

    @Test
    void theHtmlPageHoldsNoNul() throws Exception {
        Path ipynb = dir.resolve("from-elsewhere.ipynb");
        Files.writeString(ipynb, NOTEBOOK);
        Path html = Exporter.export(ipynb, "html", dir.resolve("page.html"));

        byte[] page = Files.readAllBytes(html);
        assertThat(page).doesNotContain((byte) 0);
        assertThat(new String(page, StandardCharsets.UTF_8)).contains("a\\u0000bred");
    }

    private static String outputText(List<Output> outputs) {
        StringBuilder text = new StringBuilder();
        for (Output output : outputs) {
            text.append(output).append('\n');
        }
        return text.toString();
    }
}
