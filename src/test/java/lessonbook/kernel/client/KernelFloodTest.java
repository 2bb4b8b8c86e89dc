package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;
import lessonbook.testkit.Await;

/**
 * A cell that prints forever, in every shape a beginner manages: the kernel sends its head, then only a rolling
 * tail behind markers counting what it left out, so what crosses the socket stays small however much is printed;
 * Interrupt still works and the kernel keeps its definitions.
 */
class KernelFloodTest {
    private static final Duration FLOOD_WAIT = Duration.ofSeconds(60);
    /** The kernel's promise (OutputHub): a run's head of 256 KB, then at most one 32 KB tail every 250 ms. */
    private static final long HEAD_BYTES = 256 * 1024;
    private static final long TAIL_BYTES = 32 * 1024;
    private static final long TAIL_WINDOW_MS = 250;
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    @Test
    void linesPrintedForeverSendTheHeadAndATailAndTheCellCanBeInterrupted() throws Exception {
        harness.run("int kept = 42;");
        String cell = KernelHarness.newCellId();
        long started = System.nanoTime();
        CompletableFuture<CellRun> run = harness.startRunning(cell,
                "long i = 0; while (true) System.out.println(\"line \" + (i++));");
        long omittedBytes = awaitOmittedBytes(cell, 50L * 1024 * 1024);

        harness.kernel.interrupt();
        CellRun ended = run.get(30, TimeUnit.SECONDS);

        assertThat(ended.outcome()).isEqualTo(Outcome.INTERRUPTED);
        List<Output> outputs = harness.outputsOf(cell);
        assertThat(printedChars(outputs)).isLessThanOrEqualTo(sentAtMostSince(started, outputs))
                .isLessThan(omittedBytes / 10);
        String stdout = KernelHarness.streamText(outputs, lessonbook.model.StreamName.STDOUT);
        assertThat(stdout).startsWith("line 0\nline 1\nline 2\n");
        assertThat(outputs.get(outputs.size() - 1)).isInstanceOf(Output.Notice.class);
        KernelHarness.Ran next = harness.run("kept + 1");
        assertThat(next.only(Output.Value.class).value()).isEqualTo("43");
        assertThat(next.run().executionCount()).isEqualTo(ended.executionCount() + 1);
    }

    @Tag("slow")
    @Test
    void oneEndlessLineIsCutToo() throws Exception {
        String cell = KernelHarness.newCellId();
        long started = System.nanoTime();
        CompletableFuture<CellRun> run = harness.startRunning(cell, "while (true) System.out.print(\"xyz\");");
        awaitOmittedBytes(cell, 8L * 1024 * 1024);
        harness.kernel.interrupt();
        run.get(30, TimeUnit.SECONDS);

        List<Output> outputs = harness.outputsOf(cell);
        assertThat(printedChars(outputs)).isLessThanOrEqualTo(sentAtMostSince(started, outputs));
        assertThat(outputs).filteredOn(Output.Omitted.class::isInstance)
                .allSatisfy(o -> assertThat(((Output.Omitted) o).lines()).isZero());
    }

    @Test
    void aHundredMegabytesInOneCallCrossAsHeadTailAndMarker() {
        KernelHarness.Ran ran = harness.run("System.out.print(\"y\".repeat(100_000_000)); System.out.println(\"end\");");

        assertThat(ran.run().ok()).isTrue();
        assertThat(printedChars(ran.outputs())).isLessThan(512 * 1024);
        long omitted = ran.all(Output.Omitted.class).stream().mapToLong(Output.Omitted::bytes).sum();
        assertThat(omitted + printedChars(ran.outputs())).isGreaterThanOrEqualTo(100_000_000L);
        String stdout = ran.stdout();
        assertThat(stdout.startsWith("yyyy") && stdout.endsWith("yyyyend\n"))
                .as("stdout keeps the head and the tail (%d chars)", stdout.length()).isTrue();
    }

    @Test
    void aBackgroundFloodLeavesTheKernelResponsiveAndKeepsToItsTailRateWhileOtherCellsRun() {
        harness.run("volatile boolean flooding = true;");
        String cell = KernelHarness.newCellId();
        long since = System.nanoTime();
        KernelHarness.Ran started = harness.run(cell,
                "Thread t = new Thread(() -> { long n = 0; while (flooding) System.out.println(\"bg \" + (n++)); });"
                        + " t.setDaemon(true); t.start();");
        assertThat(started.run().ok()).isTrue();
        awaitOmittedBytes(cell, 20L * 1024 * 1024);

        // Each run of another cell sends events; none of them may hurry the flooding cell's tail.
        for (int i = 0; i < 20; i++) {
            KernelHarness.Ran meanwhile = harness.run("6 * " + i);
            assertThat(meanwhile.only(Output.Value.class).value()).isEqualTo(String.valueOf(6 * i));
        }
        harness.run("flooding = false; t.join(5000);");
        List<Output> outputs = harness.outputsOf(cell);
        assertThat(printedChars(outputs)).isLessThanOrEqualTo(sentAtMostSince(since, outputs));
    }

    @Test
    void tenWorkersFloodingAreShedInTheKernel() throws Exception {
        harness.run("import lessonbook.workers.*;");
        String cell = KernelHarness.newCellId();
        long started = System.nanoTime();
        CompletableFuture<CellRun> run = harness.startRunning(cell,
                "for (int w = 0; w < 10; w++) new Worker(() -> { long n = 0; while (true) System.out.println(\"w \" + (n++)); }).start();"
                        + " Thread.sleep(600_000);");
        awaitOmittedBytes(cell, 5L * 1024 * 1024);
        harness.kernel.interrupt();
        run.get(30, TimeUnit.SECONDS);

        List<Output> outputs = harness.outputsOf(cell);
        assertThat(outputs).filteredOn(Output.WorkerLine.class::isInstance).isNotEmpty();
        assertThat(printedChars(outputs)).isLessThanOrEqualTo(sentAtMostSince(started, outputs));
    }

    /**
     * What the kernel may have sent of what a run started at {@code startedNanos} printed: its head, a tail for
     * every tail window since and one for the window open at the start, and one more for each event of the cell's
     * own ({@code outputs}' notices and values, and its end), before which the kernel sends the tail early so the
     * printed text keeps its place. A slow machine floods for longer, so the bound is on the rate, not on a total.
     */
    private static long sentAtMostSince(long startedNanos, List<Output> outputs) {
        long windows = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos) / TAIL_WINDOW_MS + 1;
        long ownEvents = outputs.stream().filter(o -> !isPrinted(o) && !(o instanceof Output.Omitted)
                && !(o instanceof Output.WorkerEvent)).count() + 1;
        return HEAD_BYTES + (windows + ownEvents) * TAIL_BYTES;
    }

    private static long awaitOmittedBytes(String cell, long atLeast) {
        Await.until(atLeast + " bytes left out of " + cell, FLOOD_WAIT, () -> omittedBytes(cell) >= atLeast);
        return omittedBytes(cell);
    }

    private static long omittedBytes(String cell) {
        return harness.outputsOf(cell).stream().filter(Output.Omitted.class::isInstance)
                .mapToLong(o -> ((Output.Omitted) o).bytes()).sum();
    }

    /** What the cell printed and the kernel sent: stream text and worker lines (markers and notices are the kernel's). */
    private static long printedChars(List<Output> outputs) {
        return outputs.stream().filter(KernelFloodTest::isPrinted).mapToLong(o -> o.text().length()).sum();
    }

    private static boolean isPrinted(Output output) {
        return output instanceof Output.Stream || output instanceof Output.WorkerLine;
    }
}
