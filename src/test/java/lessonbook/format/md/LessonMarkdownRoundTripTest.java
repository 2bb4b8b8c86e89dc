package lessonbook.format.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import lessonbook.format.LessonFormatException;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

class LessonMarkdownRoundTripTest {
    @TempDir
    Path dir;

    static Stream<String> trickyFiles() throws IOException {
        String fixture;
        try (InputStream in = LessonMarkdownRoundTripTest.class.getResourceAsStream("/lessons/tricky.md")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Stream.of(
                fixture,
                fixture.replace("\n", "\r\n"),
                fixture.substring(0, fixture.length() - 1),
                "",
                "\n\n\n",
                "Only prose, no newline at the end",
                "```java\nSystem.out.println(1);\n```",
                "```java\r\nSystem.out.println(1);\r\n```\r\n```output\r\n1\r\n```",
                "\uFEFF# With a byte order mark\n\n```java\nint x = 1;\n```\n",
                "```java\n```\n\n```java\n\n\n```\n<!-- cell -->\n\n\n",
                "text\n```java\nint a;\n```\ntext right after\n```output\nnot an output: prose follows\n```\n",
                "```java\nint a;\n```\n\n\n\n```output\n|  Error at line 1, column 5:\n|  cannot find symbol\n|    symbol: x\n```\n\n\nEnd\n");
    }

    @Test
    void aCompileErrorWithJshellsSourceLineAndCaretReadsBackAsTheSameDiagnostic() {
        String source = "int fine = 1;\nint sum = fine + undefinedThing;";
        lessonbook.model.Diagnostic diagnostic = new lessonbook.model.Diagnostic(true, 31, 45, 2, 18,
                "cannot find symbol\n  symbol:   variable undefinedThing",
                lessonbook.model.Diagnostic.excerpt(source, 31, 45));
        Output.CompileError error = new Output.CompileError(List.of(diagnostic,
                new lessonbook.model.Diagnostic(false, 0, 3, 1, 1, "a warning", "")));
        assertThat(error.text()).isEqualTo("|  Error at line 2, column 18:\n|  cannot find symbol\n"
                + "|    symbol:   variable undefinedThing\n|  int sum = fine + undefinedThing;\n"
                + "|                   ^------------^\n|  Warning at line 1, column 1:\n|  a warning\n");

        List<Output> read = OutputTextParser.parse(error.text(), source);

        assertThat(read).singleElement().isInstanceOf(Output.CompileError.class);
        Output.CompileError back = (Output.CompileError) read.get(0);
        assertThat(back.text()).isEqualTo(error.text());
        assertThat(back.diagnostics().get(0).message()).isEqualTo(diagnostic.message());
        assertThat(source.substring(back.diagnostics().get(0).start(), back.diagnostics().get(0).end()))
                .isEqualTo("undefinedThing");
        assertThat(back.failed()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("trickyFiles")
    void uneditedFileSavesToTheSameBytes(String text) throws Exception {
        Path file = dir.resolve("lesson.md");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);

        Notebook notebook = LessonFiles.read(file);
        LessonFiles.write(file, notebook);

        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void fixtureReadsAsTheCellsAReaderSees() throws Exception {
        Notebook notebook = read("/lessons/tricky.md");
        List<Cell> cells = notebook.cells();

        assertThat(cells).extracting(c -> c instanceof CodeCell ? "code" : "prose")
                .containsExactly("prose", "code", "prose", "code", "code", "prose", "prose");
        assertThat(cells.get(0).source()).startsWith("# Processes in Java").endsWith("only an info string of exactly `java` makes a cell\n```");
        assertThat(cells.get(1).source()).isEqualTo("int square(int x) {\n    return x * x;\n}");
        assertThat(((CodeCell) cells.get(1)).outputs()).containsExactly(new Output.Info("created method square(int)"));
        assertThat(cells.get(2).source()).startsWith("A second prose cell").endsWith("    ```");
        assertThat(cells.get(3).source()).isEqualTo("String fence = \"\"\"\n```\n\"\"\";\nSystem.out.println(fence);");
        CodeCell withOutputs = (CodeCell) cells.get(3);
        assertThat(withOutputs.outputs()).hasSize(4);
        assertThat(withOutputs.outputs().get(0)).isEqualTo(new Output.Stream(lessonbook.model.StreamName.STDOUT, "```\n\n"));
        assertThat(withOutputs.outputs().get(1)).isInstanceOf(Output.Value.class);
        assertThat(withOutputs.outputs().get(2)).isEqualTo(new Output.WorkerLine("worker-1", 4242,
                lessonbook.model.StreamName.STDOUT, "hello from a worker"));
        assertThat(withOutputs.outputs().get(3)).isEqualTo(new Output.Error("java.lang.IllegalStateException",
                "boom", List.of("f (#3:2)")));
        assertThat(cells.get(4).source()).isEqualTo("var x = 1;\n  var y = 2;");
        assertThat(cells.get(5).source()).isEqualTo("Closing prose, no blank line before it.");
        assertThat(cells.get(6).source()).isEqualTo("Last words.");
        assertThat(cells).extracting(Cell::id).doesNotHaveDuplicates();
    }

    @Test
    void editingOneCellRewritesOnlyThatCell() throws Exception {
        Path file = copy("/lessons/tricky.md");
        String before = Files.readString(file);
        Notebook notebook = LessonFiles.read(file);
        String squareId = notebook.cells().get(1).id();

        LessonFiles.write(file, notebook.map(squareId, c -> c.withSource("int square(int x) {\n    return x * x * 1;\n}")));

        String after = Files.readString(file);
        String oldCell = "~~~java\nint square(int x) {\n    return x * x;\n}\n~~~\n```output\n|  created method square(int)\n```\n";
        String newCell = "```java\nint square(int x) {\n    return x * x * 1;\n}\n```\n```output\n|  created method square(int)\n```\n";
        assertThat(before).contains(oldCell);
        assertThat(after).isEqualTo(before.replace(oldCell, newCell));
    }

    @Test
    void newOutputsReplaceTheOutputBlockInCanonicalForm() throws Exception {
        Path file = dir.resolve("lesson.md");
        Files.writeString(file, "Intro\n\n~~~java\nSystem.out.println(\"```\");\n~~~\n\nOutro\n");
        Notebook notebook = LessonFiles.read(file);
        String id = notebook.cells().get(1).id();

        LessonFiles.write(file, notebook.map(id, c -> ((CodeCell) c).withOutput(
                new Output.Stream(lessonbook.model.StreamName.STDOUT, "```\n"))));

        assertThat(Files.readString(file)).isEqualTo(
                "Intro\n\n````java\nSystem.out.println(\"```\");\n````\n````output\n```\n````\n\nOutro\n");
        Notebook reread = LessonFiles.read(file);
        assertThat(((CodeCell) reread.cells().get(1)).outputText()).isEqualTo("```\n");
    }

    @Test
    void insertedDeletedAndConvertedCellsKeepTheCellStructure() throws Exception {
        Path file = copy("/lessons/tricky.md");
        Notebook notebook = LessonFiles.read(file);
        List<Cell> cells = new java.util.ArrayList<>(notebook.cells());
        cells.remove(3); // the code cell between two prose cells
        cells.add(0, new CodeCell("new1", "String s = \"````\";"));
        cells.add(new MarkdownCell("new2", "A new closing cell."));
        cells.set(2, cells.get(2).convert()); // first code cell becomes prose: it must not merge with its neighbours

        LessonFiles.write(file, notebook.withCells(cells));
        Notebook reread = LessonFiles.read(file);

        assertThat(reread.cells()).extracting(Cell::source)
                .containsExactlyElementsOf(cells.stream().map(Cell::source).toList());
        assertThat(reread.cells().stream().map(c -> c.getClass().getSimpleName()).toList())
                .isEqualTo(cells.stream().map(c -> c.getClass().getSimpleName()).toList());
        LessonFiles.write(file, reread);
        assertThat(LessonFiles.read(file).cells()).extracting(Cell::source)
                .containsExactlyElementsOf(cells.stream().map(Cell::source).toList());
    }

    @Test
    void editsInACrlfFileKeepItsLineEndings() throws Exception {
        Path file = dir.resolve("windows.md");
        Files.writeString(file, "Intro\r\n\r\n```java\r\nint a = 1;\r\n```\r\n");
        Notebook notebook = LessonFiles.read(file);
        List<Cell> cells = new java.util.ArrayList<>(notebook.cells());
        cells.set(1, ((CodeCell) cells.get(1)).withSource("int a = 2;\nint b = 3;")
                .withOutputs(List.of(new Output.Value("b", "int", "3"))));
        cells.add(new MarkdownCell("m2", "Outro\nin two lines"));

        LessonFiles.write(file, notebook.withCells(cells));

        assertThat(Files.readString(file)).isEqualTo("Intro\r\n\r\n```java\r\nint a = 2;\r\nint b = 3;\r\n```\r\n"
                + "```output\r\nb ==> 3\r\n```\r\n\r\nOutro\r\nin two lines\r\n");
    }

    @Test
    void proseThatLooksLikeCellsStaysOneProseCell() throws Exception {
        Path file = dir.resolve("from-notebook.md");
        Notebook notebook = new Notebook(List.of(
                new CodeCell("c1", "int x = 1;"),
                new MarkdownCell("m1", "```output\nnot an output\n```\n\nAn example:\n\n```java\nint y = 2;\n```\n"
                        + "<!-- cell -->\n\nstill the same cell"),
                new MarkdownCell("m2", "An unclosed fence:\n\n~~~~\nforever"),
                new CodeCell("c2", "int z = 3;")));

        LessonFiles.write(file, notebook);
        Notebook reread = LessonFiles.read(file);

        assertThat(reread.cells()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("CodeCell", "MarkdownCell", "MarkdownCell", "CodeCell");
        assertThat(((CodeCell) reread.cells().get(0)).outputs()).isEmpty();
        assertThat(reread.cells().get(1).source()).contains("```java prose\nint y = 2;\n```")
                .contains("still the same cell");
        assertThat(reread.cells().get(2).source()).isEqualTo("An unclosed fence:\n\n~~~~\nforever\n~~~~");
        assertThat(reread.cells().get(3).source()).isEqualTo("int z = 3;");
    }

    @Test
    void newNotebookIsWrittenInCanonicalForm() throws Exception {
        Path file = dir.resolve("new.md");
        Notebook notebook = new Notebook(List.of(
                new MarkdownCell("a", "# Title"),
                new MarkdownCell("b", "Second prose cell"),
                new CodeCell("c", "int x = 42;\nx").withOutputs(List.of(new Output.Value("x", "int", "42"))),
                new CodeCell("d", "System.out.print(\"no newline\");").withOutputs(
                        List.of(new Output.Stream(lessonbook.model.StreamName.STDOUT, "no newline")))));

        LessonFiles.write(file, notebook);

        assertThat(Files.readString(file)).isEqualTo("""
                # Title

                <!-- cell -->

                Second prose cell

                ```java
                int x = 42;
                x
                ```
                ```output
                x ==> 42
                ```

                ```java
                System.out.print("no newline");
                ```
                ```output
                no newline
                ```
                """);
        Notebook reread = LessonFiles.read(file);
        assertThat(reread.cells()).extracting(Cell::source).containsExactly(
                "# Title", "Second prose cell", "int x = 42;\nx", "System.out.print(\"no newline\");");
        assertThat(((CodeCell) reread.cells().get(2)).outputs()).containsExactly(new Output.Value("x", "", "42"));
    }

    @Test
    void aLessonWhoseLinesEndInCarriageReturnsAloneReadsAsCellsAndSavesWithNewlines() throws Exception {
        Path file = dir.resolve("classic-mac.md");
        Files.writeString(file, "# Old Mac\r\rSome prose.\r\r```java\rint y = 2;\rSystem.out.println(y);\r```\r");

        Notebook read = LessonFiles.read(file);

        assertThat(read.cells()).extracting(Cell::source)
                .containsExactly("# Old Mac\n\nSome prose.", "int y = 2;\nSystem.out.println(y);");
        Path saved = dir.resolve("saved.md");
        LessonFiles.write(saved, read);
        assertThat(Files.readString(saved)).doesNotContain("\r").contains("```java\nint y = 2;\n");
    }

    private Notebook read(String resource) throws IOException, LessonFormatException {
        return LessonFiles.read(copy(resource));
    }

    private Path copy(String resource) throws IOException {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
