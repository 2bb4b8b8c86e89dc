package lessonbook.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one bounded wait of the test suite: polls a condition until it holds, and fails the test at the deadline
 * naming what it waited for. Tests wait on events this way, never with a fixed sleep.
 */
public final class Await {
    /** Between two polls; short against every timeout the tests use, long enough not to steal a core. */
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** A condition a test waits for; an exception it throws counts as "not yet" (the scene may be changing). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits up to {@code timeout} until {@code condition} holds; fails naming {@code what} otherwise. */
    public static void until(String what, Duration timeout, Condition condition) {
        until(what, timeout, condition, () -> "");
    }

    /**
     * Like {@link #until(String, Duration, Condition)}; on a time-out the failure also says what was {@code seen}
     * instead. An {@link Error} from the condition (a failed assertion) fails the test at once.
     */
    public static void until(String what, Duration timeout, Condition condition, Supplier<String> seen) {
        until(what, timeout, Duration.ofMillis(POLL_MILLIS), condition, seen);
    }

    /**
     * Like {@link #until(String, Duration, Condition)}, polling only every {@code every}: for a condition whose
     * check disturbs what the test waits for (a cell run to ask a kernel, whose idle warm-up waits for a quiet
     * spell between cells).
     */
    public static void until(String what, Duration timeout, Duration every, Condition condition) {
        until(what, timeout, every, condition, () -> "");
    }

    private static void until(String what, Duration timeout, Duration every, Condition condition,
            Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                String saw = seen.get();
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + (saw.isEmpty() ? "" : "; saw " + saw), last);
            }
            try {
                // The polling interval of a bounded wait, not a sleep standing in for the event.
                TimeUnit.NANOSECONDS.sleep(every.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
