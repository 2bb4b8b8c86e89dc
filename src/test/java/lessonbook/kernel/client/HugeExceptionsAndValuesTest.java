package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.model.Output;
import lessonbook.model.TraceText;
import lessonbook.testkit.KernelHarness;

/**
 * Exceptions a loop can make: 200,000 causes (wrapping what it caught), a 50 MB message. Thrown by a cell, by a
 * thread it started, by a worker or a pool's task, each reaches the cell bounded and saying what it left out;
 * before, the cell's own ended in "The kernel failed to evaluate this cell: java.lang.StackOverflowError" and the
 * message crossed the socket whole. And a 60 MB value, which crossed whole (twice) and ran a host at 256 MB out of
 * memory, so that the cell showed nothing.
 */
class HugeExceptionsAndValuesTest {
    private static final String CHAIN = "RuntimeException e = new RuntimeException(\"root\");"
            + " for (int i = 0; i < 200_000; i++) e = new RuntimeException(\"level \" + i, e);";
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    @Test
    void aCellsExceptionWithTwoHundredThousandCausesShowsTheFirstAndCountsTheRest() {
        KernelHarness.Ran ran = harness.run(CHAIN + " throw e;");

        Output.Error error = ran.only(Output.Error.class);
        assertThat(error.message()).isEqualTo("level 199999");
        assertThat(error.frames()).filteredOn(f -> f.startsWith(Output.Error.CAUSE))
                .hasSize(TraceText.MAX_EXCEPTIONS - 1);
        // 200,001 exceptions, 32 shown
        assertThat(error.frames()).last().isEqualTo("... 199,969 more causes not kept");
        assertThat(harness.run("1 + 1").only(Output.Value.class).value()).isEqualTo("2");
        // a worker started later would get a copy of the chain, as fork would give one
        harness.run("e = null;");
    }

    @Test
    void aFiftyMegabyteMessageArrivesCut() {
        KernelHarness.Ran ran = harness.run("throw new IllegalStateException(\"m\".repeat(50_000_000));");

        Output.Error error = ran.only(Output.Error.class);
        assertThat(error.exceptionType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.message()).hasSize(TraceText.MAX_MESSAGE_CHARS + " ... (49,998,000 more characters not kept)".length())
                .endsWith(" ... (49,998,000 more characters not kept)");
    }

    @Test
    void aSixtyMegabyteValueArrivesCutAndTheNextCellRuns() {
        KernelHarness.Ran ran = harness.run("\"v\".repeat(60_000_000)");

        Output.Value value = ran.only(Output.Value.class);
        assertThat(value.value()).startsWith("\"vvvv").endsWith("vvvv ... (59,900,002 more characters not kept)");
        assertThat(value.notebookText()).endsWith("vvvv ... (59,900,000 more characters not kept)");
        KernelHarness.Ran declared = harness.run("String s = \"s\".repeat(60_000_000);");
        assertThat(declared.only(Output.Info.class).message()).startsWith("s ==> \"ssss")
                .endsWith("ssss ... (59,900,002 more characters not kept)");
        assertThat(harness.run("s.length()").only(Output.Value.class).value()).isEqualTo("60000000");
        // every worker started later would get a copy of them, as fork would give one
        harness.run("s = null; " + value.name() + " = null;");
    }

    @Test
    void aThreadOfTheCellEndingInTwoHundredThousandCausesPrintsABoundedTrace() {
        KernelHarness.Ran ran = harness.run("Thread t = new Thread(() -> { " + CHAIN + " throw e; }); t.start(); t.join();");

        String stderr = ran.stderr();
        assertThat(stderr).startsWith("Exception in thread \"Thread-").contains("java.lang.RuntimeException: level 199999\n")
                .endsWith("... 199,969 more exceptions (causes or suppressed) not kept\n");
        assertThat(stderr.lines().count()).isLessThan(TraceText.MAX_LINES);
    }

    @Test
    void aWorkersAThreadOfItsAndAPoolTasksExceptionsAreBoundedInTheWorker() {
        harness.run("import lessonbook.workers.*;");
        KernelHarness.Ran worker = harness.run("var w = new Worker(() -> { " + CHAIN + " throw e; }); w.start(); w.join();");
        assertThat(worker.all(Output.WorkerLine.class)).extracting(Output.WorkerLine::line)
                .contains("\t... 199,969 more exceptions (causes or suppressed) not kept")
                .hasSizeLessThan(TraceText.MAX_LINES);
        KernelHarness.Ran thread = harness.run("var v = new Worker(() -> { Thread t = new Thread(() -> { " + CHAIN
                + " throw e; }, \"helper\"); t.start(); try { t.join(); } catch (InterruptedException x) { } });"
                + " v.start(); v.join();");
        assertThat(thread.all(Output.WorkerLine.class)).extracting(Output.WorkerLine::line)
                .contains("Exception in thread \"helper\" java.lang.RuntimeException: level 199999",
                        "\t... 199,969 more exceptions (causes or suppressed) not kept");

        KernelHarness.Ran pool = harness.run("try (var pool = new WorkerPool(1)) { pool.map(x -> { if (x > 0) throw new"
                + " IllegalStateException(\"p\".repeat(30_000_000)); return x; }, java.util.List.of(1)); }");
        Output.Error error = pool.only(Output.Error.class);
        assertThat(error.exceptionType()).isEqualTo("lessonbook.workers.WorkerException");
        assertThat(error.message()).hasSizeLessThan(TraceText.MAX_MESSAGE_CHARS + 400)
                .endsWith(" ... (29,998,000 more characters not kept)");
    }
}
