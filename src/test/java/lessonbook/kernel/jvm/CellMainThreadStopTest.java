package lessonbook.kernel.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jdk.jshell.spi.ExecutionControl.StoppedException;
import org.junit.jupiter.api.Test;

/**
 * An interrupt's stops can land at any point of the "main" thread's own code, not only in the snippet: each
 * snippet here is a quick one, and a thread sends stops without pause, so many land just as a snippet returns.
 * Before the evaluating thread watched the main thread, one of the first ~30 snippets left it waiting forever
 * (the kernel's interrupted cell never ended; CI saw the host restart the kernel after its grace).
 */
class CellMainThreadStopTest {
    /** Each stop that ends the thread costs a snippet one watch (50 ms): ~30 ms a snippet here. */
    private static final int SNIPPETS = 150;

    public static int quick() {
        int sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += i;
        }
        return sum;
    }

    @Test
    void stopsLandingAsSnippetsEndNeverLeaveTheEvaluatorWaiting() throws Exception {
        CellMainThread main = new CellMainThread((t, e) -> { });
        Method quick = CellMainThreadStopTest.class.getMethod("quick");
        AtomicBoolean stopping = new AtomicBoolean(true);
        Thread stopper = new Thread(() -> {
            while (stopping.get()) {
                main.stop();
                Thread.onSpinWait();
            }
        }, "stopper");
        stopper.setDaemon(true);
        stopper.start();
        ExecutorService evaluator = Executors.newSingleThreadExecutor();
        List<Object> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < SNIPPETS; i++) {
                Future<Object> snippet = evaluator.submit(() -> main.run(quick, String::valueOf).value());
                try {
                    outcomes.add(snippet.get(5, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("snippet " + i + " never ended under stops");
                }
            }
        } finally {
            stopping.set(false);
            evaluator.shutdownNow();
        }
        assertThat(outcomes).hasSize(SNIPPETS).allSatisfy(outcome -> assertThat(outcome)
                .satisfiesAnyOf(o -> assertThat(o).isEqualTo(4950), o -> assertThat(o).isInstanceOf(StoppedException.class)));
        // and with no stops, the same thread goes on running snippets to their value
        stopper.join(5_000);
        ExecutorService after = Executors.newSingleThreadExecutor();
        try {
            assertThat(after.submit(() -> main.run(quick, String::valueOf).value()).get(5, TimeUnit.SECONDS))
                    .isEqualTo(4950);
        } finally {
            after.shutdownNow();
        }
    }
}
