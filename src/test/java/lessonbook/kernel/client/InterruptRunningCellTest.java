package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;
import lessonbook.testkit.Await;

/**
 * Interrupting a cell that is really running (it printed first), on the JDK these tests run on: what the user
 * sees is an "interrupted" cell and either the kernel's definitions kept or a notice that it was restarted.
 * Up to JDK 19 a thread is stopped anywhere ({@code Thread.stop}), but a cell that catches the stop in a loop
 * keeps running; from JDK 20 only at JShell's checks in cell code and by interrupt, so a loop inside the JDK's
 * own code ends by restarting the kernel. A blocking socket accept needs a restart on every JDK.
 */
class InterruptRunningCellTest {
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    private static final boolean THREAD_STOP_WORKS = Runtime.version().feature() < 20;
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    /** How an interrupt ends a cell: in place (definitions kept) or by restarting the kernel. */
    enum Ending { IN_PLACE, RESTART }

    /**
     * Runaway cells and how each ends up to JDK 19 and from JDK 20. The code runs in one block with the line
     * the test waits for, so the interrupt lands while it runs (a cell's later statement would still be
     * compiling, and a stop before it runs always takes).
     */
    enum Runaway {
        TIGHT_LOOP("while (true) {}", Ending.IN_PLACE, Ending.IN_PLACE),
        STREAM_OF_CELL_LAMBDAS("LongStream.range(0, Long.MAX_VALUE).map(i -> i ^ 1).sum();", Ending.IN_PLACE, Ending.IN_PLACE),
        RECURSION("down(200);", Ending.IN_PLACE, Ending.IN_PLACE),
        SLEEP("Thread.sleep(1_000_000);", Ending.IN_PLACE, Ending.IN_PLACE),
        LATCH("new CountDownLatch(1).await();", Ending.IN_PLACE, Ending.IN_PLACE),
        READ_FROM_A_CHILD("new ProcessBuilder(\"sleep\", \"60\").start().getInputStream().read();", Ending.IN_PLACE, Ending.IN_PLACE),
        /**
         * Starts its child only after catching the stops for 0.3 s: the kernel ends the cell's children on every
         * stop, not only the first, or the read would block where no stop reaches (a fresh-clone CI run saw that race).
         */
        READ_FROM_A_CHILD_STARTED_LATE("long end = System.nanoTime() + 300_000_000L;\n"
                + "while (System.nanoTime() < end) { try { Thread.sleep(10); } catch (Throwable ignored) { } }\n"
                + "new ProcessBuilder(\"sleep\", \"60\").start().getInputStream().read();", Ending.IN_PLACE, Ending.IN_PLACE),
        READ_FROM_A_PIPE("new java.io.PipedInputStream(new java.io.PipedOutputStream()).read();", Ending.IN_PLACE, Ending.IN_PLACE),
        /** Up to 19 every stop lands inside the try; from 20 JShell's check sits on the loop's back edge. */
        CATCHES_THE_STOP("while (true) { try { while (true) { } } catch (ThreadDeath ignored) { } }", Ending.RESTART, Ending.IN_PLACE),
        CATCHES_EVERYTHING_WHILE_SLEEPING("while (true) { try { Thread.sleep(100_000); } catch (Throwable ignored) { } }", Ending.RESTART, Ending.IN_PLACE),
        /** A loop wholly inside the JDK's own code: from 20 no check of JShell's runs there. */
        JDK_LOOP("LongStream.range(0, Long.MAX_VALUE).sum();", Ending.IN_PLACE, Ending.RESTART),
        /** Blocked in a native socket accept, a thread sees neither a stop nor an interrupt. */
        SOCKET_ACCEPT("new java.net.ServerSocket(0).accept();", Ending.RESTART, Ending.RESTART);

        final String code;
        final Ending upToJdk19;
        final Ending fromJdk20;

        Runaway(String code, Ending upToJdk19, Ending fromJdk20) {
            this.code = code;
            this.upToJdk19 = upToJdk19;
            this.fromJdk20 = fromJdk20;
        }

        Ending onThisJdk() {
            return THREAD_STOP_WORKS ? upToJdk19 : fromJdk20;
        }
    }

    @ParameterizedTest
    @EnumSource(Runaway.class)
    void interruptEndsARunningCell(Runaway runaway) throws Exception {
        harness.run("int survivor = 7;");
        harness.run("void down(int n) { if (n > 0) { down(n - 1); down(n - 1); } }");
        long pid = harness.kernel.pid();
        Running cell = startRunning(runaway.code);
        long start = System.nanoTime();
        harness.kernel.interrupt();
        CellRun run = cell.end();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(run.outcome()).isEqualTo(Outcome.INTERRUPTED);
        if (runaway.onThisJdk() == Ending.IN_PLACE) {
            assertThat(took).isLessThan(TWO_SECONDS);
            assertThat(harness.outputsOf(cell.id())).contains(new Output.Notice("Interrupted."));
            assertThat(harness.kernel.pid()).as("stopped without a restart").isEqualTo(pid);
            assertThat(harness.run("survivor").only(Output.Value.class).value()).isEqualTo("7");
        } else {
            // After the kernel's interrupt grace (1 s) it is killed, and the cell ends saying so.
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(harness.outputsOf(cell.id())).contains(new Output.Notice(JvmKernel.NOT_STOPPED));
            harness.kernel.ready().get(30, TimeUnit.SECONDS);
            assertThat(harness.kernel.pid()).isNotEqualTo(pid);
            assertThat(harness.run("survivor").run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(harness.run("40 + 2").only(Output.Value.class).value()).isEqualTo("42");
        }
    }

    /**
     * A value's toString() is the cell's code too (a student's that never returns): Interrupt stops it in place
     * on every JDK, and the kernel keeps its definitions. It used to run outside the cell's thread, where no stop
     * reached it before JDK 20, and the kernel was restarted.
     */
    @Test
    void interruptStopsAValueWhoseToStringNeverReturns() throws Exception {
        harness.run("int survivor = 7;");
        harness.run("class Spin { public String toString() { System.out.println(\"running\"); while (true) { } } }");
        long pid = harness.kernel.pid();
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> run = harness.kernel.execute(cell, "new Spin()");
        harness.awaitStdout(cell, "running");
        harness.kernel.interrupt();
        assertThat(new Running(cell, run).end().outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(harness.outputsOf(cell)).contains(new Output.Notice("Interrupted."));
        assertThat(harness.kernel.pid()).as("stopped without a restart").isEqualTo(pid);
        assertThat(harness.run("survivor").only(Output.Value.class).value()).isEqualTo("7");
    }

    @Test
    void backgroundThreadsTheCellStartedAreStoppedToo() throws Exception {
        harness.run("int survivor = 7;");
        harness.run("Thread[] spinner = new Thread[1];");
        Running cell = startRunning("spinner[0] = new Thread(() -> { while (true) { } }); spinner[0].start(); spinner[0].join();");
        harness.kernel.interrupt();
        assertThat(cell.end().outcome()).isEqualTo(Outcome.INTERRUPTED);
        // The stop reaches the spinner asynchronously: wait for it (bounded) inside the kernel.
        assertThat(harness.run("spinner[0].join(5_000); spinner[0].isAlive()").only(Output.Value.class).value())
                .isEqualTo("false");
        assertThat(harness.run("survivor").only(Output.Value.class).value()).isEqualTo("7");
    }

    @Test
    void uncaughtExceptionOfABackgroundThreadShowsInItsCell() {
        String cell = KernelHarness.newCellId();
        KernelHarness.Ran ran = harness.run(cell, "Thread failing = new Thread(() -> { throw new IllegalStateException(\"boom\"); });"
                + " failing.start(); failing.join();");
        assertThat(ran.run().outcome()).isEqualTo(Outcome.OK);
        Await.until("the thread's exception", KernelHarness.CELL_TIMEOUT, 
                () -> KernelHarness.streamText(harness.outputsOf(cell), lessonbook.model.StreamName.STDERR)
                        .contains("java.lang.IllegalStateException: boom"));
    }

    /** A cell whose code runs now. */
    private record Running(String id, CompletableFuture<CellRun> run) {
        CellRun end() throws Exception {
            return run.get(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the cell and returns once its code runs (it printed "running"), not merely once it was sent. */
    private static Running startRunning(String runaway) {
        String cell = KernelHarness.newCellId();
        String code = "{ System.out.println(\"running\"); " + runaway + " }";
        CompletableFuture<CellRun> run = harness.kernel.execute(cell, code);
        harness.awaitStdout(cell, "running");
        return new Running(cell, run);
    }
}
