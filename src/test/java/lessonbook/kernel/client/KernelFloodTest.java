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
    /** The kernel's head (256 KB) plus generous room for the tails sent while the test watches. */
    private static final long MAX_RECEIVED_CHARS = 4L * 1024 * 1024;
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    @Test
    void linesPrintedForeverSendTheHeadAndATailAndTheCellCanBeInterrupted() throws Exception {
        harness.run("int kept = 42;");
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> run = harness.startRunning(cell,
                "long i = 0; while (true) System.out.println(\"line \" + (i++));");
        long omittedBytes = awaitOmittedBytes(cell, 50L * 1024 * 1024);

        harness.kernel.interrupt();
        CellRun ended = run.get(30, TimeUnit.SECONDS);

        assertThat(ended.outcome()).isEqualTo(Outcome.INTERRUPTED);
        List<Output> outputs = harness.outputsOf(cell);
        assertThat(receivedChars(outputs)).isLessThan(MAX_RECEIVED_CHARS).isLessThan(omittedBytes / 10);
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
        CompletableFuture<CellRun> run = harness.startRunning(cell, "while (true) System.out.print(\"xyz\");");
        awaitOmittedBytes(cell, 20L * 1024 * 1024);
        harness.kernel.interrupt();
        run.get(30, TimeUnit.SECONDS);

        List<Output> outputs = harness.outputsOf(cell);
        assertThat(receivedChars(outputs)).isLessThan(MAX_RECEIVED_CHARS);
        assertThat(outputs).filteredOn(Output.Omitted.class::isInstance)
                .allSatisfy(o -> assertThat(((Output.Omitted) o).lines()).isZero());
    }

    @Test
    void aHundredMegabytesInOneCallCrossAsHeadTailAndMarker() {
        KernelHarness.Ran ran = harness.run("System.out.print(\"y\".repeat(100_000_000)); System.out.println(\"end\");");

        assertThat(ran.run().ok()).isTrue();
        assertThat(receivedChars(ran.outputs())).isLessThan(512 * 1024);
        long omitted = ran.all(Output.Omitted.class).stream().mapToLong(Output.Omitted::bytes).sum();
        assertThat(omitted + receivedChars(ran.outputs())).isGreaterThanOrEqualTo(100_000_000L);
        String stdout = ran.stdout();
        assertThat(stdout.startsWith("yyyy") && stdout.endsWith("yyyyend\n"))
                .as("stdout keeps the head and the tail (%d chars)", stdout.length()).isTrue();
    }

    @Test
    void aBackgroundThreadFloodingAfterItsCellEndedLeavesTheKernelResponsive() {
        harness.run("volatile boolean flooding = true;");
        String cell = KernelHarness.newCellId();
        KernelHarness.Ran started = harness.run(cell,
                "Thread t = new Thread(() -> { long n = 0; while (flooding) System.out.println(\"bg \" + (n++)); });"
                        + " t.setDaemon(true); t.start();");
        assertThat(started.run().ok()).isTrue();
        awaitOmittedBytes(cell, 20L * 1024 * 1024);

        KernelHarness.Ran meanwhile = harness.run("6 * 7");
        assertThat(meanwhile.only(Output.Value.class).value()).isEqualTo("42");
        harness.run("flooding = false; t.join(5000);");
        assertThat(receivedChars(harness.outputsOf(cell))).isLessThan(MAX_RECEIVED_CHARS);
    }

    @Test
    void tenWorkersFloodingAreShedInTheKernel() throws Exception {
        harness.run("import lessonbook.workers.*;");
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> run = harness.startRunning(cell,
                "for (int w = 0; w < 10; w++) new Worker(() -> { long n = 0; while (true) System.out.println(\"w \" + (n++)); }).start();"
                        + " Thread.sleep(600_000);");
        awaitOmittedBytes(cell, 10L * 1024 * 1024);
        harness.kernel.interrupt();
        run.get(30, TimeUnit.SECONDS);

        List<Output> outputs = harness.outputsOf(cell);
        assertThat(outputs).filteredOn(Output.WorkerLine.class::isInstance).isNotEmpty();
        assertThat(receivedChars(outputs)).isLessThan(MAX_RECEIVED_CHARS);
    }

    private static long awaitOmittedBytes(String cell, long atLeast) {
        Await.until(atLeast + " bytes left out of " + cell, FLOOD_WAIT, () -> omittedBytes(cell) >= atLeast);
        return omittedBytes(cell);
    }

    private static long omittedBytes(String cell) {
        return harness.outputsOf(cell).stream().filter(Output.Omitted.class::isInstance)
                .mapToLong(o -> ((Output.Omitted) o).bytes()).sum();
    }

    private static long receivedChars(List<Output> outputs) {
        return outputs.stream().filter(o -> !(o instanceof Output.Omitted)).mapToLong(o -> o.text().length()).sum();
    }
}
