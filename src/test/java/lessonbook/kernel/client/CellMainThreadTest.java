package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;

/**
 * What a lesson about threads prints first, as the {@code jshell} tool shows it: cells run on one thread named
 * "main" in group "main", a ThreadLocal set in one cell is there in the next, and the threads cells create are
 * numbered from Thread-0 across the kernel's life. Each test has a fresh kernel: numbering is per kernel.
 */
class CellMainThreadTest {
    private KernelHarness harness;

    @BeforeEach
    void startKernel() throws Exception {
        harness = new KernelHarness();
        harness.kernel.ready().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopKernel() {
        harness.close();
    }

    @Test
    void cellsRunOnTheThreadMainInGroupMain() {
        assertThat(value("Thread.currentThread().getName()")).isEqualTo("\"main\"");
        assertThat(value("Thread.currentThread().getThreadGroup().getName()")).isEqualTo("\"main\"");
        assertThat(value("Thread.currentThread().isDaemon()")).isEqualTo("false");
        harness.run("Thread first = Thread.currentThread();");
        assertThat(value("Thread.currentThread() == first")).isEqualTo("true");
    }

    @Test
    void aThreadLocalSetInOneCellIsThereInTheNext() {
        harness.run("ThreadLocal<String> who = new ThreadLocal<>();");
        harness.run("who.set(\"Ada\");");
        assertThat(value("who.get()")).isEqualTo("\"Ada\"");
        // and within one cell, snippet after snippet
        assertThat(harness.run("who.set(\"Grace\");\nSystem.out.println(who.get());").stdout()).isEqualTo("Grace\n");
    }

    @Test
    void threadsCellsCreateAreNumberedFromThreadZero() {
        KernelHarness.Ran first = harness.run("Thread t = new Thread(() -> System.out.println(Thread.currentThread().getName()"
                + " + \" in \" + Thread.currentThread().getThreadGroup().getName()));\nt.start(); t.join();");
        assertThat(first.stdout()).isEqualTo("Thread-0 in main\n");
        harness.run("int x = 1;");
        harness.run("int y = 2;");
        assertThat(value("new Thread(() -> {}).getName()")).isEqualTo("\"Thread-1\"");
        assertThat(value("new Thread(() -> {}).getName()")).isEqualTo("\"Thread-2\"");
    }

    @Test
    void interruptLeavesTheMainThreadAndItsThreadLocal() throws Exception {
        harness.run("ThreadLocal<Integer> kept = ThreadLocal.withInitial(() -> 0);");
        harness.run("kept.set(42);");
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> sleeping = harness.startRunning(cell,
                "System.out.println(\"sleeping\"); Thread.sleep(600_000);");
        harness.awaitStdout(cell, "sleeping");
        harness.kernel.interrupt();
        assertThat(sleeping.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(value("Thread.currentThread().getName() + \" \" + kept.get()")).isEqualTo("\"main 42\"");
        // a late interrupt of the last cell does not end this one's sleep
        assertThat(harness.run("Thread.sleep(50); \"slept\"").only(Output.Value.class).value()).isEqualTo("\"slept\"");
    }

    private String value(String code) {
        KernelHarness.Ran ran = harness.run(code);
        assertThat(ran.run().outcome()).as("%s", ran.outputs()).isEqualTo(Outcome.OK);
        return ran.only(Output.Value.class).value();
    }
}
