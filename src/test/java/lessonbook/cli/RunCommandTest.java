package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/** The headless command as a user runs it: a separate JVM, its exit code, what it prints, the file it writes. */
class RunCommandTest {
    @TempDir
    Path dir;

    private LessonbookCli.Run lessonbook(String... args) throws IOException, InterruptedException {
        return LessonbookCli.run(dir, args);
    }

    private Path lesson(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String cell(String code) {
        return "```java\n" + code + "\n```\n\n";
    }

    @Test
    void printsEachCellUnderItsExecutionCountAndExitsZero() throws Exception {
        Path file = lesson("ok.md", "# Sums\n\n" + cell("int x = 20;") + "Then:\n\n"
                + cell("System.out.println(\"twice \" + (2 * x));\nx + 22"));

        LessonbookCli.Run run = lessonbook("run", file.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("[1]\nx ==> 20\n").contains("[2]\ntwice 40\n").contains("==> 42");
    }

    @Test
    void stopsAtTheFirstFailingCellWithExitCodeOne() throws Exception {
        Path file = lesson("fail.md", cell("int y = \"not a number\";") + cell("System.out.println(\"never\");"));

        LessonbookCli.Run run = lessonbook("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("[1]").contains("Error").doesNotContain("never");
    }

    @Test
    void allowErrorsRunsEveryCellButStillExitsOne() throws Exception {
        Path file = lesson("errors.md", cell("throw new IllegalStateException(\"boom\");")
                + cell("System.out.println(\"still ran\");"));

        LessonbookCli.Run run = lessonbook("run", file.toString(), "--allow-errors");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("IllegalStateException").contains("boom").contains("still ran");
    }

    @Test
    void cellTimeoutInterruptsARunawayCellAndCountsItAsFailed() throws Exception {
        Path file = lesson("loop.md", cell("while (true) { }") + cell("System.out.println(\"after\");"));

        LessonbookCli.Run run = lessonbook("run", file.toString(), "--cell-timeout", "2", "--allow-errors");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("interrupted").contains("after");
    }

    @Tag("slow")
    @Test
    void aCellPrintingForeverAtASmallHeapIsCutAndTheFileReopens() throws Exception {
        Path file = lesson("flood.md", cell("int kept = 41;")
                + cell("long i = 0; while (true) System.out.println(\"line \" + (i++));")
                + cell("System.out.println(kept + 1);"));
        Path out = dir.resolve("flooded.md");

        LessonbookCli.Run run = LessonbookCli.runWithHeap(dir, "256m", "run", file.toString(), "--cell-timeout", "8",
                "--allow-errors", "--output", out.toString());

        assertThat(run.stderr()).doesNotContain("OutOfMemoryError");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("[2]\nline 0\nline 1\n").contains("not kept").contains("[3]\n42\n");
        assertThat(Files.size(out)).isLessThan(2L * 1024 * 1024);
        Notebook reopened = LessonFiles.read(out);
        CodeCell flooded = reopened.codeCells().get(1);
        assertThat(flooded.outputs()).filteredOn(Output.Omitted.class::isInstance).isNotEmpty();
        assertThat(flooded.outputText()).startsWith("line 0\n");
    }

    @Test
    void outputOptionWritesTheLessonWithItsNewOutputs() throws Exception {
        Path file = lesson("save.md", "Intro\n\n" + cell("System.out.println(\"saved line\");"));
        Path saved = dir.resolve("saved.md");

        LessonbookCli.Run run = lessonbook("run", file.toString(), "--output", saved.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String text = Files.readString(saved);
        assertThat(text).startsWith("Intro\n").contains("```output\nsaved line\n```");
        assertThat(Files.readString(file)).doesNotContain("saved line\n```");
    }

    @Test
    void aMalformedLessonIsRefusedWithItsFileAndLineAndExitCodeTwo() throws Exception {
        Path file = lesson("broken.md", "Prose\n\n```java\nint z = 1;\n");

        LessonbookCli.Run run = lessonbook("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("broken.md:3").doesNotContain("Exception in thread")
                .doesNotContain("\tat ");
    }

    @Test
    void runsAJupyterNotebookAndWritesItBackAsIpynb() throws Exception {
        Path file = lesson("nb.ipynb", """
                {"cells": [{"cell_type": "code", "execution_count": null, "id": "c1", "metadata": {"tags": ["keep"]},
                  "outputs": [], "source": ["int a = 6;\\n", "a * 7"]},
                 {"cell_type": "code", "execution_count": null, "id": "c2", "metadata": {}, "outputs": [],
                  "source": "%maven org.example:lib:1.0"}],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"},
                  "language_info": {"name": "Java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Path saved = dir.resolve("out.ipynb");

        LessonbookCli.Run run = lessonbook("run", file.toString(), "--allow-errors", "--output", saved.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("==> 42").contains("%maven is not supported");
        assertThat(Files.readString(saved)).contains("\"execute_result\"").contains("\"keep\"")
                .contains("\"nbformat_minor\": 5");
    }

    @Test
    void refusesToRunANotebookInAnotherLanguage() throws Exception {
        Path file = lesson("py.ipynb", """
                {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                  "source": "print('hi')"}],
                 "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                  "language_info": {"name": "python"}},
                 "nbformat": 4, "nbformat_minor": 4}
                """);

        LessonbookCli.Run run = lessonbook("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("py.ipynb").contains("not run");
    }
}
