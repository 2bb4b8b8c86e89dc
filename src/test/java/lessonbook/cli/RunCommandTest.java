package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.LessonFiles;
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
        assertThat(run.stdout()).contains("[1]\n|  x ==> 20\n").contains("[2]\ntwice 40\n").contains("==> 42");
    }

    /**
     * The host JVM of a run steps its JIT back as the app's window does (HostCompilers): a cell, in the kernel, reads
     * its parent's compiler threads' niceness from /proc (field 19 of a thread's stat).
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void theRunsOwnCompilerThreadsStepBackToNiceNineteen() throws Exception {
        Path file = lesson("nice.md", cell("""
                import java.nio.file.*;
                String compilerNiceness() throws Exception {
                    long host = ProcessHandle.current().parent().orElseThrow().pid();
                    StringBuilder found = new StringBuilder();
                    try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + host + "/task"))) {
                        for (Path task : tasks) {
                            String stat = Files.readString(task.resolve("stat"));
                            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            if (name.contains("CompilerThre")) found.append(name).append('=').append(fields[16]).append(' ');
                        }
                    }
                    return found.toString().trim();
                }""") + cell("""
                String seen = compilerNiceness();
                for (int i = 0; i < 200 && !seen.contains("C2 CompilerThre=19"); i++) {
                    Thread.sleep(50);
                    seen = compilerNiceness();
                }
                System.out.println("host compilers: " + seen);"""));

        // the trace, on stderr, says what the host's renice did when the niceness is not what this test expects
        LessonbookCli.Run run = LessonbookCli.runWithOptions(dir, List.of("-Dlessonbook.jit.trace=true"),
                "run", file.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        // a system without renice (util-linux) keeps the priorities, as the product documents; nothing to check then
        org.junit.jupiter.api.Assumptions.assumeFalse(run.stderr().contains("no renice on this system"), run.stderr());
        assertThat(run.stderr()).containsPattern("lessonbook: jit: compiler threads at nice 19: \\[\\S*renice\\b.* exited 0")
                .contains("lessonbook: jit: C1 only: directive added");
        assertThat(run.stdout()).as(run.stderr()).contains("host compilers: ").contains("C2 CompilerThre=19")
                .doesNotContainPattern("CompilerThre=(?!19)");
    }

    @Test
    void stopsAtTheFirstFailingCellWithExitCodeOne() throws Exception {
        Path file = lesson("fail.md", cell("int y = \"not a number\";") + cell("System.out.println(\"never\");"));

        LessonbookCli.Run run = lessonbook("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("[1]").contains("Error").doesNotContain("never");
    }

    @Test
    void allowErrorsRunsEveryCellAndExitsZeroAsNbconvertDoes() throws Exception {
        Path file = lesson("errors.md", cell("throw new IllegalStateException(\"boom\");")
                + cell("System.out.println(\"still ran\");"));

        LessonbookCli.Run run = lessonbook("run", file.toString(), "--allow-errors");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("1 cell(s) failed; kept going (--allow-errors)");
        assertThat(run.stdout()).contains("IllegalStateException").contains("boom").contains("still ran");
    }

    @Test
    void cellTimeoutInterruptsARunawayCellAndCountsItAsFailed() throws Exception {
        Path file = lesson("loop.md", cell("while (true) { }") + cell("System.out.println(\"after\");"));

        LessonbookCli.Run run = lessonbook("run", file.toString(), "--cell-timeout", "2", "--allow-errors");

        assertThat(run.exitCode()).as("a timeout fails the run even with --allow-errors, as in nbclient").isEqualTo(1);
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
    void aNotebookRunAndSavedCarriesTheOutputsIjavaSavesForTheSameCells() throws Exception {
        Path file = lesson("ijava.ipynb", """
                {"cells": [
                  {"cell_type": "code", "execution_count": null, "id": "c1", "metadata": {}, "outputs": [],
                   "source": "void hello(){ System.out.println(\\"Hello\\"); }\\nhello();"},
                  {"cell_type": "code", "execution_count": null, "id": "c2", "metadata": {}, "outputs": [],
                   "source": "int y = 5;"},
                  {"cell_type": "code", "execution_count": null, "id": "c3", "metadata": {}, "outputs": [],
                   "source": "\\"ab\\" + \\"c\\""},
                  {"cell_type": "code", "execution_count": null, "id": "c4", "metadata": {}, "outputs": [],
                   "source": "{ System.out.println(\\"A\\"); System.err.println(\\"B\\"); System.out.println(\\"C\\"); }"},
                  {"cell_type": "code", "execution_count": null, "id": "c5", "metadata": {}, "outputs": [],
                   "source": "int z = y + missing;"}],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Path saved = dir.resolve("saved.ipynb");

        LessonbookCli.Run run = lessonbook("run", file.toString(), "--allow-errors", "--output", saved.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("|  created method hello()\nHello\n").contains("|  y ==> 5\n")
                .contains("A\nB\nC\n").contains("|  int z = y + missing;\n|              ^-----^\n");
        com.fasterxml.jackson.databind.JsonNode cells = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(saved)).get("cells");
        assertThat(cells.get(0).get("outputs").toString())
                .isEqualTo("[{\"name\":\"stdout\",\"output_type\":\"stream\",\"text\":[\"Hello\\n\"]}]");
        assertThat(cells.get(1).get("outputs")).isEmpty();
        assertThat(cells.get(2).get("outputs").get(0).get("output_type").asText()).isEqualTo("execute_result");
        assertThat(cells.get(2).get("outputs").get(0).get("data").get("text/plain").asText()).isEqualTo("abc");
        assertThat(cells.get(3).get("outputs")).extracting(o -> o.get("name").asText() + ":" + o.get("text"))
                .containsExactly("stdout:[\"A\\n\"]", "stderr:[\"B\\n\"]", "stdout:[\"C\\n\"]");
        assertThat(cells.get(4).get("outputs").get(0).get("output_type").asText()).isEqualTo("error");
        assertThat(cells.get(4).get("outputs").get(0).get("traceback").toString()).doesNotContain("location:");
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
                  "source": "%%bash\\necho hi"}],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"},
                  "language_info": {"name": "Java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Path saved = dir.resolve("out.ipynb");

        LessonbookCli.Run run = lessonbook("run", file.toString(), "--allow-errors", "--output", saved.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("==> 42").contains("%%bash is not supported");
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
        assertThat(run.stderr()).contains("py.ipynb").contains("written in python").contains("not run")
                .doesNotContain("..").doesNotContain(".;");
    }

    @Test
    void aLessonWithoutCodeSaysSoInsteadOfRunningNothingSilently() throws Exception {
        Path file = dir.resolve("prose.md");
        Files.writeString(file, "# Only prose\n\nNothing to run here.\n");

        LessonbookCli.Run run = lessonbook("run", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).contains("prose.md has no code cells; nothing to run.");
    }
}
