package lessonbook.workers.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import lessonbook.testkit.Await;

/** What the worker lanes are told about a wait, sampled the way a worker's wait reporter samples it. */
class WaitStatesTest {

    /**
     * On a loaded machine a parked waiter can miss its cpu for longer than the sampler's staleness limit (50 ms);
     * the sampler then drops the wait. Seen in the app: a worker blocked 20 s on a lock showed as "running" after
     * such a gap, because a dropped wait never came back. The sleep below is that missed cpu, not a wait for an
     * event.
     */
    @Test
    void aWaitDroppedAsStaleIsReportedAgainWhenItPausesAgain() throws Exception {
        Waiting waiting = new Waiting("lock 'counter lock'", null, () -> 4242);
        long until = System.nanoTime() + 60_000_000L;
        while (System.nanoTime() < until) {
            waiting.pause();   // spins, yields, then parks: registered once it parked
        }
        assertThat(WaitStates.now().waitingOn()).isEqualTo("lock 'counter lock' (held by pid 4242)");

        Thread.sleep(WaitStates.ENDED_AFTER_NANOS / 1_000_000 + 30);   // no pause for longer than the limit
        assertThat(WaitStates.now().waitingOn()).as("a stale wait is dropped").isNull();

        waiting.pause();
        assertThat(WaitStates.now().waitingOn()).as("the same wait, pausing again")
                .isEqualTo("lock 'counter lock' (held by pid 4242)");
        waiting.end();
        assertThat(WaitStates.now().waitingOn()).as("a wait said to be over").isNull();
    }

    /**
     * A lock released while the sampler looks: the sampler read "not empty", then took the first held lock of a
     * table emptied in between, and its NoSuchElementException ended the reporter thread and printed into the
     * cell's output (seen in the second lesson's saved outputs).
     */
    @Test
    void aLockReleasedWhileTheSamplerLooksIsNeverAnError() throws Exception {
        Thread locker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                WaitStates.held("lock-file", "lock #1");
                WaitStates.released("lock-file");
            }
        });
        locker.start();
        try {
            int sawHeld = 0;
            for (int i = 0; i < 2_000_000 && sawHeld < 20_000; i++) {
                if (WaitStates.now().holding() != null) {
                    sawHeld++;
                }
            }
            assertThat(sawHeld).as("the sampler saw the lock held at times").isPositive();
        } finally {
            locker.interrupt();
            locker.join();
        }
    }

    /**
     * A worker that never waits or locks: its reporter sleeps until something is registered instead of looking ten
     * times a second, and wakes for the first lock taken.
     */
    @Test
    void anIdleSamplerSleepsUntilALockIsTaken() throws Exception {
        CountDownLatch woke = new CountDownLatch(1);
        Thread sampler = new Thread(() -> {
            try {
                WaitStates.awaitActivity();
                woke.countDown();
            } catch (InterruptedException e) {
                // the test ends it
            }
        });
        sampler.start();
        try {
            Await.until("the sampler parks with nothing to look at", Duration.ofSeconds(10),
                    () -> sampler.getState() == Thread.State.WAITING);
            assertThat(woke.getCount()).as("nothing registered: still asleep").isEqualTo(1);

            WaitStates.held("idle-test-lock", "lock #7");
            assertThat(woke.await(10, TimeUnit.SECONDS)).as("woken by the lock taken").isTrue();
            assertThat(WaitStates.now().holding()).isEqualTo("lock #7");
        } finally {
            WaitStates.released("idle-test-lock");
            sampler.interrupt();
            sampler.join(10_000);
        }
    }

    /** Something already registered: the sampler does not park at all. */
    @Test
    void aSamplerWithSomethingToLookAtDoesNotWait() throws Exception {
        WaitStates.held("busy-test-lock", "lock #8");
        try {
            Thread sampler = new Thread(() -> {
                try {
                    WaitStates.awaitActivity();
                } catch (InterruptedException e) {
                    // not expected: the test fails on join
                }
            });
            sampler.start();
            sampler.join(10_000);
            assertThat(sampler.isAlive()).isFalse();
        } finally {
            WaitStates.released("busy-test-lock");
        }
    }
}
