package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The notebook's Interrupt reaches a cell's thread as its interrupt flag: every call that waits on a shared object
 * ends with the student's {@link WaitInterruptedException} (unchecked, naming what it waited for) and leaves the
 * flag set, so the cell's own loop can see it too. The shared machinery underneath throws its own failure; these
 * check that each public call turns it into the student's exception. In this JVM, no workers: each wait would
 * last for ever without the interrupt.
 */
class SharedObjectInterruptsTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @AfterEach
    void clearTheFlag() {
        Thread.interrupted();
    }

    private static void interruptedWhile(Executable waitingCall, String waitedFor) {
        assertTimeoutPreemptively(BOUND, () -> {
            Thread.currentThread().interrupt();
            assertThatThrownBy(waitingCall::execute).isExactlyInstanceOf(WaitInterruptedException.class)
                    .hasMessage("interrupted while waiting for " + waitedFor);
            assertThat(Thread.interrupted()).as("the interrupt flag is set again").isTrue();
        });
    }

    @Test
    void aQueuesGetPutAndJoin() {
        var queue = new WorkerQueue<Integer>("results", 1);
        interruptedWhile(queue::get, "an item in queue 'results'");
        interruptedWhile(() -> queue.get(Duration.ofMinutes(5)), "an item in queue 'results'");
        queue.put(1);
        interruptedWhile(() -> queue.put(2), "room in queue 'results'");
        interruptedWhile(queue::join, "every item of queue 'results' to be done");
    }

    @Test
    void anEventASemaphoreAndABarrier() {
        interruptedWhile(new WorkerEvent("ready")::await, "event 'ready' to be set");
        interruptedWhile(new WorkerSemaphore("seats", 0)::acquire, "a permit of semaphore 'seats'");
        interruptedWhile(new WorkerBarrier("phase", 2)::await, "barrier 'phase' (1 of 2 arrived)");
    }

    @Test
    void aLockHeldByAnotherThread() throws InterruptedException {
        var lock = new WorkerLock("counter lock");
        var taken = new CountDownLatch(1);
        var done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            lock.lock();
            taken.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        });
        holder.start();
        assertThat(taken.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        try {
            interruptedWhile(lock::lock, "lock 'counter lock'");
            interruptedWhile(() -> lock.tryLock(Duration.ofMinutes(5)), "lock 'counter lock'");
        } finally {
            done.countDown();
            holder.join(BOUND.toMillis());
        }
    }
}
