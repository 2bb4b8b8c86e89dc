package lessonbook.kernel.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import lessonbook.testkit.Await;

/**
 * The kernel's warm-up in this JVM, driven as the kernel drives it: a serialization step gives way to a cell
 * between two of its round trips, not at its end, and starts only after a quiet spell.
 */
class KernelWarmUpStepsTest {
    private static final String THREAD = "lessonbook-kernel-warm-up";

    @Test
    void aStepInFlightGivesWayToACellAtOnceAndStartsAgainOnlyAfterAQuietSpell() {
        AtomicBoolean cellPending = new AtomicBoolean();
        KernelWarmUp warmUp = new KernelWarmUp(() -> false, cellPending::get);
        warmUp.start();
        Await.until("a serialization step in flight", Duration.ofSeconds(30), () -> inSerializationStep());

        int doneBefore = warmUp.roundTripsDone();
        cellPending.set(true);
        int doneAtArrival = warmUp.roundTripsDone();
        Await.until("the warm-up waiting", Duration.ofSeconds(5), () -> warmUpThread()
                .map(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
                .orElse(true));
        assertThat(doneAtArrival).as("round trips done when the cell arrived").isLessThan(KernelWarmUp.ROUND_TRIPS);
        // the one in flight may end; a step that ran to its end would have done the rest of its round trips
        assertThat(warmUp.roundTripsDone() - doneBefore).as("round trips after the cell arrived").isLessThanOrEqualTo(2);

        cellPending.set(false);
        long ended = System.nanoTime();
        warmUp.mayGoOn();
        Await.until("the next serialization step", Duration.ofSeconds(30), () -> inSerializationStep());
        assertThat((System.nanoTime() - ended) / 1_000_000).as("ms of quiet before the next step")
                .isGreaterThanOrEqualTo(KernelWarmUp.QUIET_MS);
        Await.until("the warm-up's last step done", Duration.ofSeconds(60), () -> warmUpThread().isEmpty());
    }

    private static boolean inSerializationStep() {
        return warmUpThread().map(t -> Arrays.stream(t.getStackTrace())
                .anyMatch(frame -> frame.getMethodName().equals("serializationStep"))).orElse(false);
    }

    private static Optional<Thread> warmUpThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(THREAD)).findFirst();
    }
}
