package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;
import lessonbook.testkit.Await;
import lessonbook.testkit.TestJvm;

/** Interrupt, System.exit, restart, shutdown, kernel and host death, with real processes checked by pid. */
class KernelLifecycleTest {
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    /** A cell's code that starts a child process of the kernel (sleep 60) and prints its pid. */
    private static final String PRINT_SLEEPING_CHILD =
            "System.out.println(new ProcessBuilder(\"sleep\", \"60\").start().pid());";
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    @Test
    void interruptDropsQueuedCells() throws Exception {
        String running = KernelHarness.newCellId();
        CompletableFuture<CellRun> first = harness.startRunning(running, "while (true) {}");
        CompletableFuture<CellRun> queued = harness.kernel.execute("queued-" + running, "System.out.println(\"ran\");");
        harness.kernel.interrupt();
        assertThat(first.get(2, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.INTERRUPTED);
        CellRun dropped = queued.get(2, TimeUnit.SECONDS);
        assertThat(dropped.outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(dropped.executionCount()).isZero();
        assertThat(harness.outputsOf("queued-" + running)).isEmpty();
    }

    @Test
    void interruptEndsProcessesTheCellStarted() throws Exception {
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> run = harness.startRunning(cell,
                PRINT_SLEEPING_CHILD + " Thread.sleep(1_000_000);");
        long child = Long.parseLong(harness.awaitStdout(cell, "\n").strip());
        assertThat(ProcessHandle.of(child)).isPresent();
        harness.kernel.interrupt();
        assertThat(run.get(2, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.INTERRUPTED);
        KernelHarness.awaitGone(child, TWO_SECONDS);
    }

    @Test
    void kernelThatIgnoresInterruptIsKilledWithItsChildrenAndRestarted() throws Exception {
        try (KernelHarness h = new KernelHarness(KernelLauncher.standard()
                .withMainClass("lessonbook.kernel.client.faults.DeafKernelMain"))) {
            h.kernel.ready().get(30, TimeUnit.SECONDS);
            long oldPid = h.kernel.pid();
            String cell = KernelHarness.newCellId();
            CompletableFuture<CellRun> run = h.startRunning(cell, "while (true) {}");
            long child = Long.parseLong(h.awaitStdout(cell, "\n").replace("child", "").strip());
            long start = System.nanoTime();
            h.kernel.interrupt();
            assertThat(run.get(2, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.INTERRUPTED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TWO_SECONDS);
            Await.until("the notice", TWO_SECONDS, 
                    () -> h.outputsOf(cell).contains(new Output.Notice(JvmKernel.NOT_STOPPED)));
            KernelHarness.awaitGone(oldPid, TWO_SECONDS);
            KernelHarness.awaitGone(child, TWO_SECONDS);
            h.kernel.ready().get(30, TimeUnit.SECONDS);
            assertThat(h.kernel.pid()).isNotEqualTo(oldPid).isPositive();
            assertThat(h.kernel.status()).isEqualTo(KernelStatus.IDLE);
        }
    }

    @Test
    void systemExitIsReportedAndAFreshKernelAnswers() throws Exception {
        try (KernelHarness h = new KernelHarness()) {
            long oldPid = h.run("System.out.println(\"before exit\");").run().executionCount() > 0 ? h.kernel.pid() : -1;
            KernelHarness.Ran exited = h.run("System.out.println(\"bye\"); System.exit(3);");
            assertThat(exited.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(exited.stdout()).isEqualTo("bye\n");
            assertThat(exited.all(Output.Notice.class)).extracting(Output.Notice::message)
                    .containsExactly("The cell called System.exit(3); a fresh kernel was started.");
            KernelHarness.Ran next = h.run("40 + 2");
            assertThat(next.only(Output.Value.class).value()).isEqualTo("42");
            assertThat(next.run().executionCount()).isEqualTo(1);
            assertThat(h.kernel.pid()).isNotEqualTo(oldPid);
        }
    }

    @Test
    void restartEndsEveryProcessAndStartsAfresh() throws Exception {
        try (KernelHarness h = new KernelHarness()) {
            long child = childPid(h.run("int kept = 1;\n" + PRINT_SLEEPING_CHILD));
            long oldPid = h.kernel.pid();
            h.kernel.restart().get(30, TimeUnit.SECONDS);
            KernelHarness.awaitGone(child, TWO_SECONDS);
            KernelHarness.awaitGone(oldPid, TWO_SECONDS);
            assertThat(h.kernel.pid()).isNotEqualTo(oldPid);
            assertThat(h.run("kept").run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(h.run("3").run().outcome()).isEqualTo(Outcome.OK);
            assertThat(h.statuses).contains(KernelStatus.RESTARTING);
        }
    }

    @Test
    void closeEndsTheKernelAndEveryProcessItStarted() {
        KernelHarness h = new KernelHarness();
        long child = childPid(h.run(PRINT_SLEEPING_CHILD));
        long kernelPid = h.kernel.pid();
        h.close();
        KernelHarness.awaitGone(child, TWO_SECONDS);
        KernelHarness.awaitGone(kernelPid, TWO_SECONDS);
        assertThat(h.kernel.status()).isEqualTo(KernelStatus.DEAD);
    }

    @Tag("slow")
    @Test
    void killedKernelIsReplacedAndItsChildrenEnd() throws Exception {
        try (KernelHarness h = new KernelHarness()) {
            long child = childPid(h.run(PRINT_SLEEPING_CHILD));
            long kernelPid = h.kernel.pid();
            // The host notes a kernel's children every two seconds; only then can it end them for a dead kernel.
            Await.until("the host to note the child", Duration.ofSeconds(10),
                    () -> h.kernel.knownDescendantPids().contains(child));
            String running = KernelHarness.newCellId();
            CompletableFuture<CellRun> run = h.startRunning(running, "Thread.sleep(1_000_000);");
            ProcessHandle.of(kernelPid).orElseThrow().destroyForcibly();
            assertThat(run.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ERROR);
            assertThat(h.outputsOf(running)).extracting(Output::text)
                    .anyMatch(t -> t.contains("The kernel was killed (signal SIGKILL, exit code 137)")
                            && t.contains("a fresh kernel was started"));
            KernelHarness.awaitGone(child, TWO_SECONDS);
            assertThat(h.run("5").only(Output.Value.class).value()).isEqualTo("5");
        }
    }

    /**
     * Out of memory in a cell's code fails that cell, as in jshell, and the kernel keeps its definitions: a single
     * allocation too large, a list grown inside a block (garbage once the cell ends), and one grown in a notebook
     * variable, which keeps the heap full until the student lets go of it (the cells in between say so, naming it).
     * At 256 MB, the smallest heap the kernel is meant for: the room it keeps back for a cell that ran out of memory
     * (a sixteenth of the heap, at most 16 MB) is then ~15 MB, which is what lets the next cells compile while the
     * notebook's data fills the rest. At 64 MB, JDK 25's javac did not always fit in the 4 MB left.
     */
    @Test
    void aCellThatRunsOutOfMemoryFailsAndTheKernelKeepsItsDefinitions() throws Exception {
        try (KernelHarness h = new KernelHarness(heap("256m"))) {
            h.run("int kept = 1;");
            long kernel = h.kernel.pid();

            KernelHarness.Ran huge = h.run("int[] huge = new int[Integer.MAX_VALUE - 8];");
            assertThat(huge.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(huge.only(Output.Error.class).exceptionType()).isEqualTo("java.lang.OutOfMemoryError");
            assertThat(huge.all(Output.Notice.class)).isEmpty();

            KernelHarness.Ran inBlock = h.run("{\n    List<long[]> grow = new ArrayList<>();\n"
                    + "    while (true) grow.add(new long[1 << 16]);\n}");
            assertThat(inBlock.only(Output.Error.class).message()).isEqualTo("Java heap space");
            assertThat(inBlock.all(Output.Notice.class)).isEmpty();
            assertThat(h.run("kept + 41").only(Output.Value.class).value()).isEqualTo("42");

            fillTheHeapWithHog(h);
            KernelHarness.Ran whileFull = h.run("kept + 1");
            assertThat(whileFull.only(Output.Value.class).value()).isEqualTo("2");
            // whether this cell still finds the heap "full" (under a tenth free) depends on what the collector could
            // give back meanwhile; when it does, it names what holds the heap
            assertThat(whileFull.all(Output.Notice.class)).allSatisfy(
                    notice -> assertThat(notice.message()).contains("hog (an ArrayList of "));

            h.run("hog = null;");
            KernelHarness.Ran after = h.run("kept + 2");
            assertThat(after.only(Output.Value.class).value()).isEqualTo("3");
            assertThat(after.all(Output.Notice.class)).isEmpty();
            assertThat(h.kernel.pid()).isEqualTo(kernel);
        }
    }

    /**
     * The kernel's very first cell fills the heap: the room for reporting it was made at the start, not now. At
     * 256 MB, as above: at 64 MB on JDK 25 the kernel's own warm-up, still running, ran out of memory too.
     */
    @Test
    void aFirstCellThatFillsTheHeapFailsAndTheKernelLivesOn() throws Exception {
        try (KernelHarness h = new KernelHarness(heap("256m"))) {
            long kernel = h.kernel.pid();
            fillTheHeapWithHog(h);
            h.run("hog = null;");
            assertThat(h.run("6 * 7").only(Output.Value.class).value()).isEqualTo("42");
            assertThat(h.kernel.pid()).isEqualTo(kernel);
        }
    }

    /** Runs a cell that grows a notebook variable, hog, until the heap is full; the cell says what holds it. */
    private static void fillTheHeapWithHog(KernelHarness h) {
        KernelHarness.Ran full = h.run("List<long[]> hog = new ArrayList<>();\n"
                + "while (true) hog.add(new long[1 << 16]);");
        assertThat(full.run().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(full.only(Output.Error.class).exceptionType()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(full.only(Output.Notice.class).message())
                .startsWith("The kernel's memory is still full after this cell: ")
                .contains("held by the notebook's variables: hog (an ArrayList of ")
                .contains("Set it to null (hog = null;), or restart the kernel.");
    }

    /**
     * Out of memory in the kernel's own code (here a thread outside the cells' group, as the kernel's socket and
     * output threads are) leaves the kernel in a state nobody knows: it ends, the cell says why, and the next cell
     * runs on a fresh kernel. Before, a kernel whose serving thread died so was left running and hung {@code run}.
     */
    @Test
    void outOfMemoryInTheKernelsOwnThreadsEndsItAndTheCellSaysWhy() throws Exception {
        try (KernelHarness h = new KernelHarness(smallHeap())) {
            long firstKernel = h.kernel.pid();
            KernelHarness.Ran ended = h.run("Thread t = new Thread(Thread.currentThread().getThreadGroup().getParent(),"
                    + " () -> { throw new OutOfMemoryError(\"Java heap space\"); });\n"
                    + "t.start();\nThread.sleep(20_000);");
            assertThat(ended.run().outcome()).as("%s", ended.outputs()).isEqualTo(Outcome.ERROR);
            assertThat(ended.all(Output.Notice.class)).extracting(Output.Notice::message).containsExactly(
                    "The kernel ran out of memory (OutOfMemoryError: Java heap space): the cell's data did not fit"
                            + " in the kernel's heap; a fresh kernel was started.");
            assertThat(h.run("6 * 7").only(Output.Value.class).value()).isEqualTo("42");
            assertThat(h.kernel.pid()).isNotEqualTo(firstKernel);
        }
    }

    private static KernelLauncher smallHeap() {
        return heap("64m");
    }

    private static KernelLauncher heap(String xmx) {
        List<String> options = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        options.add("-Xmx" + xmx);
        return KernelLauncher.standard().withJvmOptions(options);
    }

    /**
     * The kernel's parent watch sees its stdin end when the host dies and ends the kernel's tree, then the kernel.
     * The child ({@code sleep 60}, started by a cell) proves which way the kernel went: nothing but that path
     * kills it. The clock starts when the host is seen dead (on a loaded machine a SIGKILLed JVM can take a while
     * to be gone, and its pipes close only then); typically both are gone 30-300 ms later (a zombie counts as
     * ended: {@link KernelHarness#awaitGone}).
     */
    @Test
    void kernelEndsWhenItsHostDies() throws Exception {
        Process host = TestJvm.running(List.of(), "lessonbook.kernel.client.faults.TinyHost")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            CompletableFuture<long[]> pids = CompletableFuture.supplyAsync(() -> {
                try {
                    long kernel = Long.parseLong(lines.readLine().replace("kernel ", ""));
                    long child = Long.parseLong(lines.readLine().replace("child ", ""));
                    return new long[] {kernel, child};
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long[] found = pids.get(60, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(found[0])).isPresent();
            host.destroyForcibly();
            host.onExit().get(30, TimeUnit.SECONDS);
            long seenDead = System.nanoTime();
            KernelHarness.awaitGone(found[1], TWO_SECONDS);   // the tree first...
            KernelHarness.awaitGone(found[0], TWO_SECONDS);   // ...then the kernel itself
            System.out.printf("kernel and its child gone %.0f ms after the host was seen dead%n",
                    (System.nanoTime() - seenDead) / 1e6);
        } finally {
            host.destroyForcibly();
        }
    }

    @Test
    void floodOfAMillionLinesArrivesAsItsHeadAndTailInOrderWithWhatWasLeftOutCounted() {
        KernelHarness.Ran ran = harness.run("for (int i = 0; i < 1_000_000; i++) System.out.println(i);");
        assertThat(ran.run().outcome()).isEqualTo(Outcome.OK);
        long notKept = ran.all(Output.Omitted.class).stream().mapToLong(Output.Omitted::lines).sum();
        String[] lines = ran.stdout().split("\n");
        assertThat(lines.length + notKept).isEqualTo(1_000_000);
        assertThat(lines[lines.length - 1]).isEqualTo("999999");
        // In order: each line is the one before it plus one, except where a marker says lines were left out.
        int expected = 0;
        StringBuilder segment = new StringBuilder();
        for (Output output : ran.outputs()) {
            if (output instanceof Output.Stream s) {
                segment.append(s.text());
            } else if (output instanceof Output.Omitted o) {
                expected = checkLinesFrom(expected, segment) + (int) o.lines();
            }
        }
        expected = checkLinesFrom(expected, segment);
        assertThat(expected).isEqualTo(1_000_000);
    }

    /** Checks that {@code text} holds the lines {@code first}, {@code first + 1}, ...; returns the next; clears it. */
    private static int checkLinesFrom(int first, StringBuilder text) {
        int expected = first;
        for (String line : text.toString().split("\n")) {
            if (!line.isEmpty() && !line.equals(Integer.toString(expected))) {
                throw new AssertionError("expected line " + expected + " but got " + line);
            }
            expected += line.isEmpty() ? 0 : 1;
        }
        text.setLength(0);
        return expected;
    }

    @Test
    void interruptWorksDuringAFlood() throws Exception {
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> run = harness.startRunning(cell, "while (true) System.out.println(\"flood\");");
        harness.awaitStdout(cell, "flood\nflood\n");
        long start = System.nanoTime();
        harness.kernel.interrupt();
        assertThat(run.get(2, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TWO_SECONDS);
        assertThat(harness.run("\"still here\"").only(Output.Value.class).value()).isEqualTo("\"still here\"");
    }

    @Test
    void kernelThatNeverConnectsFailsItsStartClearly() {
        try (KernelHarness h = new KernelHarness(KernelLauncher.standard()
                .withMainClass("lessonbook.kernel.client.faults.HangingKernelMain").withStartTimeout(Duration.ofSeconds(2)))) {
            KernelHarness.Ran ran = h.run("1");
            assertThat(ran.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(ran.only(Output.Notice.class).message()).contains("did not connect within 2000 ms");
            assertThat(h.kernel.status()).isEqualTo(KernelStatus.DEAD);
        }
    }

    @Test
    void kernelThatDiesAtStartSaysWhy() {
        try (KernelHarness h = new KernelHarness(KernelLauncher.standard()
                .withMainClass("lessonbook.kernel.client.faults.DyingKernelMain"))) {
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> h.kernel.ready().get(30, TimeUnit.SECONDS));
            assertThat(failure.getCause().getMessage()).contains("broken kernel: cannot start").contains("exit code 7");
            assertThat(h.kernel.status()).isEqualTo(KernelStatus.DEAD);
        }
    }

    private static long childPid(KernelHarness.Ran ran) {
        return Long.parseLong(ran.stdout().strip());
    }
}
