package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.LessonFiles;
import lessonbook.format.html.HtmlExporter;
import lessonbook.model.Cell;
import lessonbook.model.CellRole;
import lessonbook.model.Cells;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * An output hidden with O, and code folded away (JupyterLab's collapsed input), stay hidden in the file: a teacher's "guess the output first" survives a save and a
 * reopen, in a lesson file, in an .ipynb (JupyterLab's and the classic Notebook's keys) and in the HTML export.
 */
class HiddenOutputFilesTest {
    @TempDir
    Path dir;

    private static CodeCell ran(String id, String source, String printed) {
        return new CodeCell(id, source).withOutputs(List.of(new Output.Stream(StreamName.STDOUT, printed)))
                .withExecutionCount(1);
    }

    @Test
    void theMetadataSaysItInBothJupyterToolsKeysAndKeepsTheRest() {
        CodeCell cell = new CodeCell("c", "1", List.of(), null,
                Map.of("jupyter", Map.of("source_hidden", false), "tags", List.of("x")));

        CodeCell hidden = cell.withOutputHidden(true);
        assertThat(hidden.outputHidden()).isTrue();
        assertThat(hidden.metadata()).containsEntry("collapsed", true).containsEntry("tags", List.of("x"))
                .containsEntry("jupyter", Map.of("source_hidden", false, "outputs_hidden", true));
        assertThat(hidden.withOutputHidden(false).metadata()).isEqualTo(cell.metadata());
        assertThat(Cells.isOutputHidden(new CodeCell("k", "", List.of(), null, Map.of("collapsed", true))))
                .as("the classic Notebook's key alone").isTrue();
    }

    @Test
    void aLessonFileWritesItOnTheFenceAndReadsItBack() throws Exception {
        Path lesson = dir.resolve("lesson.md");
        LessonFiles.write(lesson, new Notebook(List.of(new MarkdownCell("m", "# Guess"),
                ran("a", "System.out.println(6 * 7);", "42\n").withOutputHidden(true),
                ran("b", "int x = 1;", "").withRole(CellRole.exercise("ex")).withOutputHidden(true),
                ran("c", "2 + 2", "4\n"),
                ran("d", "setUp();", "").withSourceHidden(true).withOutputHidden(true))));

        String text = Files.readString(lesson);
        assertThat(text).contains("```java output=hidden\nSystem.out.println(6 * 7);\n```\n```output\n42\n```")
                .contains("```java exercise id=ex output=hidden\n").contains("```java\n2 + 2\n```");
        assertThat(text).contains("```java input=hidden output=hidden\nsetUp();");
        List<Cell> cells = LessonFiles.read(lesson).cells();
        assertThat(cells).hasSize(5);
        assertThat(((CodeCell) cells.get(4)).sourceHidden()).isTrue();
        assertThat(((CodeCell) cells.get(4)).outputHidden()).isTrue();
        assertThat(((CodeCell) cells.get(1)).sourceHidden()).isFalse();
        assertThat(((CodeCell) cells.get(1)).outputHidden()).isTrue();
        assertThat(((CodeCell) cells.get(1)).outputText()).isEqualTo("42\n");
        assertThat(((CodeCell) cells.get(2)).outputHidden()).isTrue();
        assertThat(((CodeCell) cells.get(2)).role().exerciseId()).isEqualTo("ex");
        assertThat(((CodeCell) cells.get(3)).outputHidden()).isFalse();
    }

    @Test
    void aLessonKeptByteForByteIsRewrittenWhereOnlyTheHiddenMarkChanged() throws Exception {
        Path lesson = dir.resolve("kept.md");
        String original = "# Kept\n\nSome  *odd*   spacing.\n\n```java\nint a = 1;\n```\n\n```java prose\nnot a cell\n```\n";
        Files.writeString(lesson, original);
        Notebook read = LessonFiles.read(lesson);
        assertThat(read.cells()).filteredOn(c -> c instanceof CodeCell).hasSize(1);

        CodeCell code = (CodeCell) read.cells().stream().filter(c -> c instanceof CodeCell).findFirst().orElseThrow();
        LessonFiles.write(lesson, read.map(code.id(), c -> code.withOutputHidden(true)));

        assertThat(Files.readString(lesson)).contains("Some  *odd*   spacing.").contains("```java output=hidden\nint a = 1;")
                .contains("```java prose\nnot a cell");
    }

    @Test
    void anIpynbFromJupyterLabOpensHiddenAndKeepsItsKeys() throws Exception {
        Path notebook = dir.resolve("lab.ipynb");
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "execution_count": 1, "id": "a1",
                  "metadata": {"jupyter": {"outputs_hidden": true, "source_hidden": true}},
                  "outputs": [{"name": "stdout", "output_type": "stream", "text": ["42\\n"]}],
                  "source": ["System.out.println(42);"]}],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        CodeCell cell = (CodeCell) LessonFiles.read(notebook).cells().get(0);
        assertThat(cell.outputHidden()).isTrue();
        assertThat(cell.sourceHidden()).isTrue();
        assertThat(cell.withSourceHidden(false).metadata().get("jupyter")).isEqualTo(Map.of("outputs_hidden", true));

        Path saved = dir.resolve("saved.ipynb");
        LessonFiles.write(saved, new Notebook(List.of(cell.withOutputHidden(false).withOutputHidden(true))));
        assertThat(Files.readString(saved)).contains("\"outputs_hidden\": true").contains("\"collapsed\": true");
    }

    @Test
    void theHtmlExportPutsAHiddenOutputBehindAClick() {
        String html = new HtmlExporter().render(new Notebook(List.of(ran("a", "1", "first\n").withOutputHidden(true),
                ran("b", "2", "second\n"))), "t");

        int details = html.indexOf("<details class=\"hidden-output\">");
        assertThat(details).isPositive();
        assertThat(html.indexOf("first")).isGreaterThan(details);
        assertThat(html.indexOf("</details>")).isBetween(html.indexOf("first"), html.indexOf("second"));

        String folded = new HtmlExporter().render(new Notebook(List.of(ran("a", "int secret = 1;", "")
                .withSourceHidden(true))), "t");
        assertThat(folded).contains("<details class=\"hidden-code\"><summary>Code (hidden in the lesson: click to "
                + "show)</summary>\n<pre class=\"code\">");
    }
}
