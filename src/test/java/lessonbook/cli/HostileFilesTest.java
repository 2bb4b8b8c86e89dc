package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import lessonbook.format.files.LessonFiles;
import lessonbook.model.Notebook;

/**
 * A fuzz corpus of malformed and hostile files (src/test/resources/hostile, plus big ones made here rather than
 * committed) through {@code export} as a user runs it: each ends in a correct result or a clear error (exit 2,
 * "cannot read FILE: reason" or the reader's own message naming the file), never a trace, within a time bound.
 */
class HostileFilesTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static Stream<String> corpus() {
        return Stream.of("array.ipynb", "bad-output.ipynb", "binary.md", "cells-not-list.ipynb", "links.ipynb",
                "odd-output.md", "truncated.ipynb", "unclosed-fence.md", "wrong-types.ipynb", "workers-overflow.md",
                "workers-huge-seconds.md");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eachCorpusFileExportsOrIsRefusedClearly(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = HostileFilesTest.class.getResourceAsStream("/hostile/" + name)) {
            Files.copy(in, file);
        }
        assertClearOutcome(file, exportToHtml(file));
    }

    @Test
    void twentyThousandOddDiagnosticLinesExportInSeconds() throws Exception {
        Path file = write("quadratic.md", "```java\nint x = 1;\n```\n\n```output\n"
                + "|  Error at line 01, column 1:\n".repeat(20_000) + "```\n");

        LessonbookCli.Run run = exportToHtml(file);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("quadratic.html"))).contains("Error at line 01, column 1:");
    }

    @Test
    void markdownNestedTwoThousandDeepExportsWithTheTextShownPlainly() throws Exception {
        Path file = write("deep.md", "> ".repeat(2000) + "quoted\n\n" + "- ".repeat(2000) + "listed\n\n"
                + "*".repeat(2000) + "emphasised" + "*".repeat(2000) + "\n\n```java\nint x = 1;\n```\n");

        LessonbookCli.Run run = exportToHtml(file);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("deep.html"))).contains("quoted").contains("listed")
                .contains("emphasised");
    }

    @Test
    void aNotebookStringOverTwentyMillionCharactersReadsWhenTheFileIsWithinItsLimit()
            throws Exception {
        String big = "x".repeat(21_000_000);
        Path file = write("big.ipynb", "{\"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\""
                + big + "\"]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");

        Notebook notebook = assertTimeoutPreemptively(BOUND, () -> LessonFiles.read(file));

        assertThat(notebook.cells().get(0).source()).hasSize(big.length());
    }

    @Test
    void outputNamesWithPatternCharactersAndAFolderAsOutput() throws Exception {
        Path file = write("ok.md", "Text.\n\n```java\nint x = 1;\n```\n");

        LessonbookCli.Run brackets = LessonbookCli.run(dir, "export", file.toString(), "--to", "md",
                "--output", dir.resolve("a[1]{b}.md").toString());
        LessonbookCli.Run root = LessonbookCli.run(dir, "export", file.toString(), "--to", "html", "--output", "/");

        assertThat(brackets.exitCode()).as(brackets.stderr()).isZero();
        assertThat(brackets.stderr()).isEmpty();
        assertThat(dir.resolve("a[1]{b}.md")).exists();
        assertThat(root.exitCode()).isEqualTo(2);
        assertThat(root.stderr()).contains("cannot export").contains("folder").doesNotContain("Exception");
    }

    @Test
    void aMissingFileIsNamedOnceWithTheReason() throws Exception {
        LessonbookCli.Run run = LessonbookCli.run(dir, "run", dir.resolve("nowhere.md").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).containsOnlyOnce("nowhere.md").contains("no such file");
    }

    @Test
    void aCellTimeoutThatIsNotAboveZeroIsRefusedBeforeAnythingRuns() throws Exception {
        Path file = write("ok.md", "```java\nint x = 1;\n```\n");
        for (String timeout : List.of("-1", "NaN", "0", "1e300")) {
            LessonbookCli.Run run = LessonbookCli.run(dir, "run", file.toString(), "--cell-timeout", timeout);

            assertThat(run.exitCode()).as(timeout).isEqualTo(2);
            assertThat(run.stderr()).as(timeout).contains("--cell-timeout").doesNotContain("\tat ");
            assertThat(run.stdout()).as(timeout).doesNotContain("[1]");
        }
    }

    @Test
    void aCellTimeoutAboveZeroStillRunsTheLesson() throws Exception {
        Path file = write("ok.md", "```java\nint x = 41 + 1;\n```\n");

        LessonbookCli.Run run = LessonbookCli.run(dir, "run", file.toString(), "--cell-timeout", "30");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("x ==> 42");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private LessonbookCli.Run exportToHtml(Path file) {
        return assertTimeoutPreemptively(BOUND, () -> LessonbookCli.run(dir, "export", file.toString(), "--to",
                "html"), () -> "export of " + file.getFileName() + " took over " + BOUND.toSeconds() + " s");
    }

    private static void assertClearOutcome(Path file, LessonbookCli.Run run) {
        assertThat(run.stderr()).as(file.getFileName().toString()).doesNotContain("\tat ").doesNotContain("Exception in");
        if (run.exitCode() != 0) {
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertThat(run.stderr()).contains(file.getFileName().toString());
        }
    }
}
