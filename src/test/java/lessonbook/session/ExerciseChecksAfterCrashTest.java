package lessonbook.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelLauncher;
import lessonbook.model.CellRole;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.NotebookDocument;
import lessonbook.model.Output;

/**
 * The Check button after the kernel died outside a Check: an earlier exercise that calls System.exit when the
 * student runs it (Run, not Check), or a first Check before the set-up ran; and after one that ran out of memory,
 * which the kernel survives. The later
 * exercise's Check runs the plain cells above again in the fresh kernel and passes; cells already run in the
 * kernel running now are not run twice. A real kernel with a small heap, so running out of memory is quick.
 */
class ExerciseChecksAfterCrashTest {
    private final ExecutorService documentThread = Executors.newSingleThreadExecutor();
    private NotebookDocument document;
    private NotebookSession session;
    private ExerciseChecks checks;

    private void open(String dies) throws Exception {
        List<String> options = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        options.add("-Xmx64m");
        JvmKernel kernel = JvmKernel.start(KernelLauncher.standard().withJvmOptions(options));
        kernel.ready().get(60, TimeUnit.SECONDS);
        onDocument(() -> {
            document = new NotebookDocument(new Notebook(List.of(
                    new CodeCell("setup", "int base = 20;"),
                    exercise("dies", "void die() {\n    " + dies + "\n}\ndie();", "dies"),
                    check("dies-check", "Check.that(\"alive\", true);", "dies"),
                    new CodeCell("more", "int more = base + 1;"),
                    exercise("plus", "int plusBase(int x) {\n    return x + more - 1;\n}", "plus-base"),
                    check("plus-check", "Check.equal(\"plusBase(1)\", 21, plusBase(1));", "plus-base"))), null);
            session = new NotebookSession(document, kernel, documentThread);
            checks = new ExerciseChecks(document, session);
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        onDocument(() -> {
            session.close();
            return null;
        });
        documentThread.shutdown();
    }

    /** Out of memory in an exercise's own code: the exercise fails as in jshell, and the kernel lives on. */
    @Test
    void aLaterCheckPassesInTheSameKernelAfterAnExerciseRanOutOfMemory() throws Exception {
        open("List<long[]> hoard = new ArrayList<>(); while (true) hoard.add(new long[1_000_000]);");
        assertThat(run("setup")).isEqualTo(CellState.DONE);
        assertThat(run("more")).isEqualTo(CellState.DONE);
        long before = onDocument(() -> session.kernel().pid());
        int setupCount = onDocument(() -> ((CodeCell) document.cell("setup")).executionCount());

        assertThat(run("dies")).isEqualTo(CellState.ERROR);
        assertThat(text("dies")).contains("java.lang.OutOfMemoryError: Java heap space").doesNotContain("kernel");

        assertThat(check("plus")).isEqualTo(CellState.DONE);
        assertThat(text("plus-check")).isEqualTo("[passed] plusBase(1): 21\n");
        assertThat(onDocument(() -> session.kernel().pid())).isEqualTo(before);
        assertThat(onDocument(() -> ((CodeCell) document.cell("setup")).executionCount())).isEqualTo(setupCount);
    }

    @Test
    void aLaterCheckPassesAfterAnExerciseCalledSystemExit() throws Exception {
        open("System.exit(4);");
        laterCheckPassesAfterTheEarlierExerciseKilledTheKernel("System.exit(4)");
    }

    private void laterCheckPassesAfterTheEarlierExerciseKilledTheKernel(String why) throws Exception {
        assertThat(run("setup")).isEqualTo(CellState.DONE);
        assertThat(run("more")).isEqualTo(CellState.DONE);
        long before = onDocument(() -> session.kernel().pid());

        assertThat(run("dies")).isEqualTo(CellState.ERROR);
        assertThat(text("dies")).contains(why);

        assertThat(check("plus")).isEqualTo(CellState.DONE);
        assertThat(text("plus-check")).isEqualTo("[passed] plusBase(1): 21\n");
        assertThat(onDocument(() -> session.kernel().pid())).isNotEqualTo(before);
        assertThat(onDocument(() -> session.ranInCurrentKernel("setup") && session.ranInCurrentKernel("more")))
                .isTrue();
    }

    @Test
    void aFirstCheckRunsTheSetUpOnceAndNotTheExercisesAbove() throws Exception {
        open("System.exit(4);");
        assertThat(check("plus")).isEqualTo(CellState.DONE);
        assertThat(text("plus-check")).isEqualTo("[passed] plusBase(1): 21\n");
        assertThat(onDocument(() -> document.runtime("dies").state())).isEqualTo(CellState.IDLE);
        int setupCount = onDocument(() -> ((CodeCell) document.cell("setup")).executionCount());

        assertThat(check("plus")).isEqualTo(CellState.DONE);
        assertThat(onDocument(() -> ((CodeCell) document.cell("setup")).executionCount())).isEqualTo(setupCount);
    }

    private CellState run(String cellId) throws Exception {
        return onDocument(() -> session.run(cellId)).get(60, TimeUnit.SECONDS);
    }

    private CellState check(String exerciseId) throws Exception {
        return onDocument(() -> checks.check(exerciseId)).get(90, TimeUnit.SECONDS);
    }

    private String text(String cellId) throws Exception {
        return onDocument(() -> ((CodeCell) document.cell(cellId)).outputs().stream().map(Output::text)
                .reduce("", String::concat));
    }

    private <T> T onDocument(Callable<T> task) throws Exception {
        return documentThread.submit(task).get(60, TimeUnit.SECONDS);
    }

    private static CodeCell exercise(String id, String source, String exercise) {
        return new CodeCell(id, source, List.of(), null, Map.of()).withRole(CellRole.exercise(exercise));
    }

    private static CodeCell check(String id, String source, String exercise) {
        return new CodeCell(id, source, List.of(), null, Map.of()).withRole(CellRole.check(exercise, 1));
    }
}
