package lessonbook.format.ipynb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lessonbook.format.LessonFormatException;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.Cell;
import lessonbook.model.Cells;
import lessonbook.model.CodeCell;
import lessonbook.model.Diagnostic;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

class IpynbTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void uneditedNotebookSavesToTheSameJsonAndTheSameText() throws Exception {
        Path file = copy("own/ijava-features.ipynb");
        String before = Files.readString(file);

        LessonFiles.write(file, LessonFiles.read(file));

        assertThat(JSON.readTree(Files.readString(file))).isEqualTo(JSON.readTree(before));
        NbformatCheck.assertValid(JSON.readTree(Files.readString(file)));
        // Jupyter escapes ESC as \u001b, Jackson as \u001B: the only textual difference allowed
        assertThat(Files.readString(file)).isEqualToIgnoringCase(before);
    }

    @Test
    void everyOutputTypeReadsAsTheTextAReaderExpects() throws Exception {
        Notebook notebook = LessonFiles.read(copy("own/ijava-features.ipynb"));
        List<Cell> cells = notebook.cells();

        assertThat(cells).extracting(Cell::id).containsExactly("intro", "def-fact", "value", "streams", "display",
                "error", "compile", "magic", "attach", "raw");
        assertThat(cells.get(0)).isInstanceOf(MarkdownCell.class);
        assertThat(cells.get(0).source()).isEqualTo(
                "# Factorials in Java\n\nA notebook written the way IJava saves one. Émojis ✓ stay as they are.");
        assertThat(cells.get(2).source()).isEqualTo("factorial(10)");
        assertThat(code(cells.get(2)).outputs()).containsExactly(new Output.Value("Out[2]", "", "3628800"));
        assertThat(code(cells.get(3)).outputs()).containsExactly(
                new Output.Stream(StreamName.STDOUT, "1! = 1\n2! = 2\n"),
                new Output.Stream(StreamName.STDERR, "warning: slow\n"),
                new Output.WorkerLine("worker-1", 4242, StreamName.STDOUT, "hello from a worker"));
        assertThat(code(cells.get(4)).outputs()).containsExactly(
                new Output.Stream(StreamName.STDOUT, "java.awt.image.BufferedImage@5f3a4b\n"),
                new Output.Notice("[text/html output: shown in the exported page, not here]"));
        assertThat(code(cells.get(5)).outputs()).containsExactly(
                new Output.Error("java.lang.ArithmeticException", "/ by zero", List.of(".(#14:1)")));
        Output compile = code(cells.get(6)).outputs().get(0);
        assertThat(compile.text()).doesNotContain("\u001B")
                .contains("String s = 42;").contains("incompatible types: int cannot be converted to java.lang.String");
        assertThat(code(cells.get(5)).executionCount()).isEqualTo(5);
        assertThat(code(cells.get(7)).executionCount()).isNull();
        assertThat(cells.get(9)).isInstanceOf(MarkdownCell.class);
    }

    @Test
    void metadataIsKeptAndNbgraderLockedCellsAreNotEditable() throws Exception {
        Notebook notebook = LessonFiles.read(copy("own/ijava-features.ipynb"));

        assertThat(notebook.metadata()).containsKeys("celltoolbar", "toc", "widgets", "kernelspec");
        assertThat(notebook.cells().get(0).metadata()).containsEntry("tags", List.of("intro"));
        assertThat(Cells.isEditable(notebook.cells().get(1))).isFalse();
        assertThat(Cells.isEditable(notebook.cells().get(2))).isTrue();
        assertThat(Cells.isEditable(new CodeCell("x", "", List.of(), null,
                Map.of("nbgrader", Map.of("locked", true))))).isFalse();
        assertThat(notebook.readOnlyReason()).isEmpty();
        assertThat(notebook.notes()).singleElement().asString().contains("Cell 9 has attachments");
    }

    @Test
    void editingCellsRewritesThemAndKeepsEverythingElse() throws Exception {
        Path file = copy("own/ijava-features.ipynb");
        JsonNode before = JSON.readTree(Files.readString(file));
        Notebook notebook = LessonFiles.read(file);
        List<Cell> cells = new ArrayList<>(notebook.cells());
        cells.set(2, code(cells.get(2)).withSource("factorial(5)")
                .withOutputs(List.of(new Output.Value("$1", "long", "120"))).withExecutionCount(7));
        cells.add(new CodeCell("not a valid id!", "System.out.println(1);"));

        LessonFiles.write(file, notebook.withCells(cells));
        JsonNode after = JSON.readTree(Files.readString(file));

        assertThat(after.get("metadata")).isEqualTo(before.get("metadata"));
        for (int i : new int[] {0, 1, 3, 4, 5, 6, 7, 8, 9}) {
            assertThat(after.get("cells").get(i)).isEqualTo(before.get("cells").get(i));
        }
        JsonNode edited = after.get("cells").get(2);
        assertThat(edited.get("source").toString()).isEqualTo("[\"factorial(5)\"]");
        assertThat(edited.get("execution_count").asInt()).isEqualTo(7);
        assertThat(edited.get("outputs").get(0).get("output_type").asText()).isEqualTo("execute_result");
        assertThat(edited.get("outputs").get(0).get("data").get("text/plain").asText()).isEqualTo("120");
        JsonNode added = after.get("cells").get(10);
        assertThat(added.get("id").asText()).matches("[a-z0-9]{8}");
        assertThat(added.get("outputs").size()).isZero();
        assertThat(LessonFiles.read(file).cells().get(2)).isEqualTo(cells.get(2));
    }

    @Test
    void ourOutputsMapToJupyterTypesAndBack() throws Exception {
        CodeCell cell = new CodeCell("c1", "work()", List.of(
                new Output.Stream(StreamName.STDOUT, "start\n"),
                new Output.WorkerLine("worker-2", 77, StreamName.STDOUT, "hi"),
                new Output.WorkerEvent("worker-2", 77, Output.WorkerEvent.Phase.EXITED, 1L, 0, 5L),
                new Output.Stream(StreamName.STDERR, "careful\n"),
                new Output.Value("$3", "int", "42"),
                new Output.Error("java.lang.IllegalStateException", "boom", List.of("work (#3:2)")),
                new Output.CompileError(List.of(new Diagnostic(true, 0, 4, 1, 1, "cannot find symbol\n  symbol: x")))),
                3, Map.of());

        SavedAlone saved = saveAlone(cell, "ours.ipynb");
        JsonNode outputs = saved.outputs();
        CodeCell reread = saved.reread();

        assertThat(outputs).extracting(o -> o.get("output_type").asText())
                .containsExactly("stream", "stream", "execute_result", "error", "error", "display_data");
        assertThat(outputs.get(0).get("text").toString()).isEqualTo("[\"start\\n\",\"[worker-2 77] hi\\n\"]");
        assertThat(outputs.get(3).get("ename").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(outputs.get(4).get("ename").asText()).isEqualTo("CompilationException");
        assertThat(reread.outputText()).isEqualTo(cell.outputText());
        assertThat(reread.outputs()).filteredOn(o -> !(o instanceof Output.CompileError))
                .containsExactly(cell.outputs().get(0), cell.outputs().get(1), cell.outputs().get(3),
                        cell.outputs().get(4), cell.outputs().get(5), cell.outputs().get(2));
        assertThat(reread.outputs().get(5)).isInstanceOf(Output.CompileError.class);
    }

    @Test
    void tablesChartsAndWorkerTimelinesSurviveANotebook() throws Exception {
        Output.Table table = new Output.Table("Timings", List.of("strategy", "s"), List.of(List.of("pool", "1.5")));
        Output.Chart chart = new Output.Chart(Output.Chart.Kind.LINE, "Speed", "n", "s", List.of(
                new Output.Chart.Series("pool", List.of(new Output.Chart.Point("1", 2.0), new Output.Chart.Point("2", 1.1)))));
        Output started = new Output.WorkerEvent("worker-1", 9, Output.WorkerEvent.Phase.STARTED, 1_000_000L, null, 0);
        Output exited = new Output.WorkerEvent("worker-1", 9, Output.WorkerEvent.Phase.EXITED, 1_002_000L, 0, 900);
        CodeCell cell = new CodeCell("c1", "show();", List.of(new Output.Stream(StreamName.STDOUT, "a\n"), started,
                table, chart, exited), 2, Map.of());

        SavedAlone saved = saveAlone(cell, "rich.ipynb");
        JsonNode outputs = saved.outputs();
        CodeCell reread = saved.reread();

        assertThat(outputs).extracting(o -> o.get("output_type").asText())
                .containsExactly("stream", "display_data", "display_data", "display_data");
        assertThat(outputs.get(1).get("data").get("text/plain").toString()).contains("Timings");
        assertThat(reread.outputs()).containsExactly(new Output.Stream(StreamName.STDOUT, "a\n"), table, chart,
                started, exited);
    }

    @Test
    void olderNbformatWithoutIdsSavesAs45WithIds() throws Exception {
        Path file = copy("own/java-other-kernel-4.2.ipynb");

        Notebook notebook = LessonFiles.read(file);
        LessonFiles.write(file, notebook);
        JsonNode saved = JSON.readTree(Files.readString(file));

        assertThat(notebook.readOnlyReason()).as("recognised as Java by kernelspec.language").isEmpty();
        NbformatCheck.assertValid(saved);
        assertThat(saved.get("cells").get(0).get("id").asText()).isEqualTo(notebook.cells().get(0).id());
        assertThat(saved.get("metadata").get("kernelspec").get("name").asText()).isEqualTo("rapaio-jupyter-kernel");
        assertThat(saved.get("metadata").has("language_info")).as("filled in as IJava writes it").isTrue();
    }

    @Test
    void aPythonNotebookOpensReadOnlyWithAReason() throws Exception {
        Notebook notebook = LessonFiles.read(copy("own/python-4.0.ipynb"));

        assertThat(notebook.readOnlyReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("python").contains("Python 3").contains("read-only"));
        assertThat(notebook.cells()).hasSize(2);
        assertThat(code(notebook.cells().get(1)).outputText()).isEqualTo("hi\n");
    }

    @Test
    void aLessonConvertedToIpynbAndBackKeepsItsCells() throws Exception {
        Path md = dir.resolve("lesson.md");
        try (InputStream in = getClass().getResourceAsStream("/lessons/tricky.md")) {
            Files.write(md, in.readAllBytes());
        }
        Notebook lesson = LessonFiles.read(md);
        Path ipynb = dir.resolve("lesson.ipynb");
        Path back = dir.resolve("back.md");

        LessonFiles.write(ipynb, lesson);
        JsonNode json = JSON.readTree(Files.readString(ipynb));
        NbformatCheck.assertValid(json);
        LessonFiles.write(back, LessonFiles.read(ipynb));
        Notebook roundTripped = LessonFiles.read(back);

        assertThat(json.get("metadata").get("kernelspec").toString())
                .isEqualTo("{\"display_name\":\"Java\",\"language\":\"java\",\"name\":\"java\"}");
        assertThat(json.get("metadata").get("language_info").get("file_extension").asText()).isEqualTo(".jshell");
        assertThat(json.get("metadata").has("lessonbook.markdown-layout")).isFalse();
        assertThat(roundTripped.cells()).extracting(Cell::source)
                .containsExactlyElementsOf(lesson.cells().stream().map(Cell::source).toList());
        assertThat(roundTripped.cells()).extracting(c -> c.getClass().getSimpleName())
                .containsExactlyElementsOf(lesson.cells().stream().map(c -> c.getClass().getSimpleName()).toList());
        // jshell's feedback ("|  created method square(int)") is the app's annotation, not a notebook output
        assertThat(roundTripped.codeCells()).extracting(CodeCell::outputText)
                .containsExactlyElementsOf(lesson.codeCells().stream().map(c -> c.outputs().stream()
                        .filter(o -> !(o instanceof Output.Info)).map(Output::text)
                        .collect(java.util.stream.Collectors.joining())).toList());
    }

    @Test
    void aCellSavesTheOutputsIjavaSavesForItAndNoFeedback() throws Exception {
        CodeCell cell = new CodeCell("c1", "void hello(){ System.out.println(\"Hello\"); }\nhello();\nint y = 5;\n"
                + "List<String> l = new ArrayList();\n\"a\" + \"bc\"", List.of(
                new Output.Info("created method hello()"),
                new Output.Stream(StreamName.STDOUT, "Hello\n"),
                new Output.CompileError(List.of(new Diagnostic(false, 0, 1, 4, 18, "unchecked conversion",
                        "List<String> l = new ArrayList();\n                 ^-------------^"))),
                new Output.Info("y ==> 5"),
                new Output.Info("  update replaced variable pet, reset to null"),
                new Output.Value("$4", "String", "\"abc\"", "abc")), null, Map.of());

        SavedAlone saved = saveAlone(cell, "ijava.ipynb");

        assertThat(saved.outputs()).isEqualTo(JSON.readTree("[{\"output_type\":\"stream\",\"name\":\"stdout\","
                + "\"text\":[\"Hello\\n\"]},{\"output_type\":\"execute_result\",\"data\":{\"text/plain\":\"abc\"},"
                + "\"metadata\":{\"lessonbook\":{\"name\":\"$4\",\"type\":\"String\",\"value\":\"\\\"abc\\\"\"}},"
                + "\"execution_count\":null}]"));
        assertThat(saved.reread().outputs()).containsExactly(new Output.Stream(StreamName.STDOUT, "Hello\n"),
                new Output.Value("$4", "String", "\"abc\"", "abc"));
    }

    @Test
    void aValueReadFromALessonFileSavesAsIjavaWould() throws Exception {
        Path md = dir.resolve("values.md");
        Files.writeString(md, "```java\n\"ab\" + \"c\"\n```\n```output\n$1 ==> \"abc\"\n```\n\n"
                + "```java\n'x'\n```\n```output\n$2 ==> 'x'\n```\n\n"
                + "```java\n\"a\\\\b\"\n```\n```output\n$3 ==> \"a\\\\b\"\n```\n\n"
                + "```java\nString n = null; n\n```\n```output\nn ==> null\n```\n");
        Path ipynb = dir.resolve("values.ipynb");

        LessonFiles.write(ipynb, LessonFiles.read(md));

        JsonNode cells = JSON.readTree(Files.readString(ipynb)).get("cells");
        assertThat(cells.get(0).get("outputs").get(0).get("data").get("text/plain").asText()).isEqualTo("abc");
        assertThat(cells.get(1).get("outputs").get(0).get("data").get("text/plain").asText()).isEqualTo("x");
        assertThat(cells.get(2).get("outputs").get(0).get("data").get("text/plain").asText())
                .as("an escape is kept as jshell wrote it: the lesson file cannot tell it apart")
                .isEqualTo("\"a\\\\b\"");
        assertThat(cells.get(3).get("outputs")).isEmpty();
    }

    @Test
    void aNullResultIsNotSavedAsIjavaSavesNone() throws Exception {
        CodeCell cell = new CodeCell("c1", "String s = null;\ns", List.of(new Output.Value("s", "String", "null", null)),
                null, Map.of());

        assertThat(saveAlone(cell, "null.ipynb").outputs()).isEmpty();
    }

    @Test
    void malformedNotebooksNameTheFileAndTheProblem() throws Exception {
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "{\n \"cells\": [\n  {\"cell_type\": \"code\",,}\n ]\n}\n");
        Path old = dir.resolve("old.ipynb");
        // nbformat 3 (IPython 2 and older) keeps its cells in worksheets, with no "cells" list
        Files.writeString(old, "{\"worksheets\": [{\"cells\": [{\"cell_type\": \"code\", \"input\": \"int x = 3;\","
                + " \"outputs\": []}]}], \"metadata\": {\"name\": \"old\"}, \"nbformat\": 3, \"nbformat_minor\": 0}");
        Path notNotebook = dir.resolve("array.ipynb");
        Files.writeString(notNotebook, "[1, 2, 3]");

        LessonFormatException json = catchThrowableOfType(LessonFormatException.class, () -> LessonFiles.read(broken));
        LessonFormatException version = catchThrowableOfType(LessonFormatException.class, () -> LessonFiles.read(old));
        LessonFormatException shape = catchThrowableOfType(LessonFormatException.class,
                () -> LessonFiles.read(notNotebook));

        assertThat(json.getMessage()).startsWith(broken + ":3:").contains("not valid JSON");
        assertThat(version.getMessage()).contains("old.ipynb").contains("nbformat 3 is not supported")
                .contains("save it once in Jupyter to upgrade");
        assertThat(shape.getMessage()).contains("array.ipynb").contains("not a Jupyter notebook");
    }

    /** A code cell saved as a notebook of its own: the outputs written (nbformat-valid), and the cell read back. */
    private record SavedAlone(JsonNode outputs, CodeCell reread) {
    }

    private SavedAlone saveAlone(CodeCell cell, String fileName) throws Exception {
        Path file = dir.resolve(fileName);
        LessonFiles.write(file, new Notebook(List.of(cell)));
        JsonNode json = JSON.readTree(Files.readString(file));
        NbformatCheck.assertValid(json);
        return new SavedAlone(json.get("cells").get(0).get("outputs"), code(LessonFiles.read(file).cells().get(0)));
    }

    private static CodeCell code(Cell cell) {
        return (CodeCell) cell;
    }

    private Path copy(String resource) throws IOException {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream("/notebooks/" + resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
