package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lessonbook.testkit.Await;

/** Queues, locks, shared values, pipes, events, barriers and semaphores between real worker processes. */
class SharedObjectsTest extends WithRecordingHost {

    record Item(long producerPid, int index) implements Serializable {
    }

    record Taken(long consumerPid, Item item) implements Serializable {
    }

    private static List<Worker> startAll(List<SerializableRunnable> tasks) {
        List<Worker> workers = new ArrayList<>();
        for (SerializableRunnable task : tasks) {
            Worker w = new Worker(task);
            w.start();
            workers.add(w);
        }
        return workers;
    }

    private static Set<Long> pids(List<Worker> workers) {
        Set<Long> pids = new HashSet<>();
        workers.forEach(w -> pids.add(w.pid()));
        return pids;
    }

    private static void joinAll(List<Worker> workers) {
        for (Worker w : workers) {
            assertThat(w.join(T)).as("%s ended", w).isTrue();
            assertThat(w.exitCode()).as("exit code of %s: %s", w, w.exitCode()).isZero();
        }
    }

    @Test
    void fiveProducersAndFiveConsumersPassAThousandItemsNoneLostOrDoubled() {
        var items = new WorkerQueue<Item>(64);   // small: producers wait for room, as in real use
        var taken = new WorkerQueue<Taken>();
        int perWorker = 200;
        List<SerializableRunnable> producers = new ArrayList<>();
        List<SerializableRunnable> consumers = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            producers.add(() -> {
                for (int i = 0; i < perWorker; i++) {
                    items.put(new Item(ProcessHandle.current().pid(), i));
                }
            });
            consumers.add(() -> {
                for (int i = 0; i < perWorker; i++) {
                    taken.put(new Taken(ProcessHandle.current().pid(), items.get()));
                }
            });
        }
        List<Worker> producing = startAll(producers);
        List<Worker> consuming = startAll(consumers);

        Map<Item, Integer> seen = new HashMap<>();
        Set<Long> consumerPids = new HashSet<>();
        for (int n = 0; n < 5 * perWorker; n++) {
            Taken t = taken.get(T);
            assertThat(t).as("item %d of %d arrived", n, 5 * perWorker).isNotNull();
            seen.merge(t.item(), 1, Integer::sum);
            consumerPids.add(t.consumerPid());
        }
        joinAll(producing);
        joinAll(consuming);
        assertThat(seen).hasSize(5 * perWorker).allSatisfy((item, count) -> assertThat(count).isOne());
        Set<Long> producerPids = new HashSet<>();
        seen.keySet().forEach(item -> producerPids.add(item.producerPid()));
        assertThat(producerPids).isEqualTo(pids(producing));
        assertThat(pids(consuming)).containsAll(consumerPids);
        assertThat(items.size()).isZero();
        assertThat(taken.get(Duration.ofMillis(50))).isNull();
    }

    @Test
    void aReadModifyWriteRaceLosesUpdatesAndTheLockLosesNone() {
        int workers = 4;
        int racyRounds = 2_000_000;
        var racy = new SharedLong();
        // all four leave the start line together: an event set by the test let a worker whose JVM started late
        // (a loaded CI machine) find it set and race alone after the others had finished, losing nothing
        var startLine = new WorkerBarrier(workers);
        List<SerializableRunnable> racers = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            racers.add(() -> {
                startLine.await(Duration.ofSeconds(60));
                for (int i = 0; i < racyRounds; i++) {
                    racy.set(racy.get() + 1);
                }
            });
        }
        List<Worker> racing = startAll(racers);
        joinAll(racing);
        assertThat(racy.get()).as("lost updates without a lock").isLessThan((long) workers * racyRounds);

        int lockedRounds = 5_000;
        var counter = new SharedLong();
        var inside = new SharedLong();
        var overlaps = new SharedLong();
        var lock = new WorkerLock();
        var holders = new WorkerQueue<Long>();
        List<SerializableRunnable> careful = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            careful.add(() -> {
                for (int i = 0; i < lockedRounds; i++) {
                    try (var held = lock.hold()) {
                        if (inside.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        if (i == 0) {
                            holders.put(lock.holderPid());
                        }
                        counter.set(counter.get() + 1);
                        inside.addAndGet(-1);
                    }
                }
            });
        }
        List<Worker> locking = startAll(careful);
        joinAll(locking);
        assertThat(counter.get()).isEqualTo((long) workers * lockedRounds);
        assertThat(overlaps.get()).as("two holders at once").isZero();
        Set<Long> holderPids = new HashSet<>();
        for (int w = 0; w < workers; w++) {
            holderPids.add(holders.get(T));
        }
        assertThat(holderPids).as("each worker held it as itself").isEqualTo(pids(locking));
        assertThat(lock.holderPid()).isZero();
    }

    @Test
    void everyWorkerSeesAndWritesTheSameArrays() {
        var longs = new SharedLongArray(4);
        var doubles = new SharedDoubleArray(4);
        longs.set(3, 42);
        List<SerializableRunnable> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int slot = w;
            writers.add(() -> {
                longs.set(slot, ProcessHandle.current().pid());
                doubles.set(slot, slot * 1.5 + longs.get(3));
                longs.incrementAndGet(3);
            });
        }
        List<Worker> writing = startAll(writers);
        joinAll(writing);
        for (int w = 0; w < 3; w++) {
            assertThat(longs.get(w)).isEqualTo(writing.get(w).pid());
            assertThat(doubles.get(w) % 1.0).isIn(0.0, 0.5);
            assertThat(doubles.get(w)).isBetween(w * 1.5 + 42, w * 1.5 + 44);
        }
        assertThat(longs.get(3)).isEqualTo(45);
        assertThat(doubles.get(3)).isZero();
        assertThatThrownBy(() -> longs.get(4)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("length 4");
    }

    @Test
    void twoWorkersPlayPingPongThroughAPipe() {
        var pipe = new WorkerPipe<Integer>();
        var left = pipe.left();
        var right = pipe.right();
        var pids = new WorkerQueue<Long>();
        Worker ping = new Worker(() -> {
            left.send(0);
            for (int i = 0; i < 50; i++) {
                left.send(left.receive() + 1);
            }
            pids.put(ProcessHandle.current().pid());
        });
        Worker pong = new Worker(() -> {
            for (int i = 0; i < 50; i++) {
                right.send(right.receive() + 1);
            }
            pids.put(ProcessHandle.current().pid());
        });
        ping.start();
        pong.start();
        joinAll(List.of(ping, pong));
        assertThat(right.receive(T)).isEqualTo(100);
        assertThat(Set.of(pids.get(T), pids.get(T))).containsExactlyInAnyOrder(ping.pid(), pong.pid());
        assertThat(left.poll()).isFalse();
    }

    @Test
    void anEventReleasesAWaitingWorker() {
        var event = new WorkerEvent();
        var waiting = new WorkerEvent();
        var said = new WorkerQueue<Long>();
        Worker w = new Worker(() -> {
            waiting.set();
            event.await();
            said.put(ProcessHandle.current().pid());
        });
        w.start();
        assertThat(waiting.await(T)).isTrue();
        assertThat(said.get(Duration.ofMillis(200))).as("the worker waits while the event is clear").isNull();
        assertThat(event.isSet()).isFalse();
        event.set();
        assertThat(said.get(T)).isEqualTo(w.pid());
        joinAll(List.of(w));
    }

    @Test
    void aBarrierLetsNobodyOnUntilAllArrived() {
        var barrier = new WorkerBarrier(3);
        var log = new WorkerQueue<String>();
        List<SerializableRunnable> parties = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            parties.add(() -> {
                log.put("before");
                barrier.await();
                log.put("after");
            });
        }
        joinAll(startAll(parties));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(log.get(T));
        }
        assertThat(order).containsExactly("before", "before", "before", "after", "after", "after");
        assertThat(barrier.waiting()).isZero();
    }

    /**
     * A party killed (SIGKILL) before it arrived: the party waiting at the barrier gets an error naming it instead
     * of waiting forever (Python's waiter hangs), though this process, which made the barrier, lives on. A party
     * whose task returned ended normally and breaks nothing.
     */
    @Test
    void aPartyKilledBeforeArrivingBreaksTheBarrierForTheWaitingOnes() {
        var barrier = new WorkerBarrier(3);
        var touched = new WorkerEvent();
        var report = new WorkerQueue<String>();
        Worker finisher = new Worker(() -> System.out.println("parties: " + barrier.parties()));
        finisher.start();
        assertThat(finisher.join(T)).isTrue();
        assertThat(finisher.exitCode()).isZero();
        Worker waiter = new Worker(() -> {
            try {
                barrier.await();
                report.put("passed");
            } catch (BrokenSharedObjectException e) {
                report.put(e.getMessage());
            }
        });
        Worker doomed = new Worker(() -> {
            barrier.parties();   // it has used the barrier, as a party does before it arrives
            touched.set();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                // killed long before
            }
        });
        waiter.start();
        doomed.start();
        assertThat(touched.await(T)).isTrue();
        Await.until("the waiter at the barrier", T, () -> barrier.waiting() == 1);
        ProcessHandle.of(doomed.pid()).orElseThrow().destroyForcibly();
        assertThat(report.get(T)).contains("process " + doomed.pid()).contains("died before it arrived")
                .contains("1 of 3 arrived");
        assertThat(waiter.join(T)).isTrue();
        assertThat(waiter.exitCode()).isZero();
        assertThat(barrier.isBroken()).isTrue();
    }

    @Test
    void aSemaphoreLetsAtMostTwoIn() {
        var permits = new WorkerSemaphore(2);
        var inside = new SharedLong();
        var most = new SharedLong();
        List<SerializableRunnable> tasks = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            tasks.add(() -> {
                try (var held = permits.hold()) {
                    long now = inside.incrementAndGet();
                    long before = most.get();
                    while (now > before && !most.compareAndSet(before, now)) {
                        before = most.get();
                    }
                    try {
                        Thread.sleep(300);   // the work inside the section
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    inside.addAndGet(-1);
                }
            });
        }
        joinAll(startAll(tasks));
        assertThat(most.get()).isBetween(1L, 2L);
        assertThat(permits.availablePermits()).isEqualTo(2);
    }

    @Test
    void aWorkerKilledHoldingALockGivesAClearErrorNotAHang() {
        var lock = new WorkerLock();
        var held = new WorkerEvent();
        Worker holder = new Worker(() -> {
            lock.lock();
            held.set();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                // killed long before
            }
        });
        holder.start();
        assertThat(held.await(T)).isTrue();
        assertThat(lock.holderPid()).isEqualTo(holder.pid());
        ProcessHandle.of(holder.pid()).orElseThrow().destroyForcibly();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(lock::lock).isInstanceOf(BrokenSharedObjectException.class)
                        .hasMessageContaining("process " + holder.pid()).hasMessageContaining("died holding"));
    }

    @Test
    void aWorkerKilledWhileWaitingOnAQueueLeavesItWorkingAndAnEmptyGetWithNobodyLeftFails() {
        var queue = new WorkerQueue<String>();
        var waiting = new WorkerEvent();
        Worker reader = new Worker(() -> {
            waiting.set();
            queue.get();
        });
        reader.start();
        assertThat(waiting.await(T)).isTrue();
        ProcessHandle.of(reader.pid()).orElseThrow().destroyForcibly();
        assertThat(reader.join(T)).isTrue();

        queue.put("still works");
        assertThat(queue.get(T)).isEqualTo("still works");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(queue::get).isInstanceOf(BrokenSharedObjectException.class)
                        .hasMessageContaining("every other process that used it has ended")
                        .hasMessageContaining(Long.toString(reader.pid())));
    }

    @Test
    void whatCannotTravelIsRefusedWithAMessage() {
        var queue = new WorkerQueue<Object>(10, 1024);
        assertThatThrownBy(() -> queue.put(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object").hasMessageContaining("not Serializable");
        assertThatThrownBy(() -> queue.put(new byte[4096])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit").hasMessageContaining("1024 bytes");
        assertThatThrownBy(() -> queue.put(null)).isInstanceOf(NullPointerException.class);
        var lock = new WorkerLock();
        lock.lock();
        assertThatThrownBy(lock::lock).isInstanceOf(IllegalStateException.class).hasMessageContaining("not reentrant");
        lock.unlock();
        queue.put("last");
        queue.close();
        assertThatThrownBy(() -> queue.put("more")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(queue.get()).isEqualTo("last");
        assertThatThrownBy(queue::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed and empty");
    }

    @Test
    void aBarrierThatCannotFillInTimeBreaksForEveryoneAndASemaphoreWaitTimesOut() {
        var barrier = new WorkerBarrier(2);
        assertThatThrownBy(() -> barrier.await(Duration.ofMillis(100))).isInstanceOf(BrokenSharedObjectException.class)
                .hasMessageContaining("timeout of 100 ms");
        assertThat(barrier.isBroken()).isTrue();
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenSharedObjectException.class).hasMessageContaining("broken");
        var none = new WorkerSemaphore(0);
        assertThat(none.tryAcquire(Duration.ofMillis(50))).isFalse();
        none.release();
        assertThat(none.tryAcquire(Duration.ofMillis(50))).isTrue();
    }

    @Test
    void aLockTakenInOneCellIsGivenBackInALaterOneAndRelockingMeanwhileSaysSo() throws InterruptedException {
        var lock = new WorkerLock();
        Thread earlierCell = new Thread(lock::lock);
        earlierCell.start();
        earlierCell.join(T.toMillis());
        assertThat(lock.holderPid()).isEqualTo(ProcessHandle.current().pid());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(lock::lock).isInstanceOf(BrokenSharedObjectException.class)
                        .hasMessageContaining("call unlock() first"));
        lock.unlock();
        assertThat(lock.tryLock(Duration.ofSeconds(1))).isTrue();
        lock.unlock();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalStateException.class).hasMessageContaining("not locked");
    }

    @Test
    void aPutIntoAFullQueueWhoseOnlyReaderEndedFailsInsteadOfWaitingForEver() {
        var queue = new WorkerQueue<Integer>(1);
        Worker reader = new Worker(() -> System.out.println("took " + queue.get()));
        reader.start();
        queue.put(1);
        assertThat(reader.join(T)).isTrue();
        assertThat(host.textsOf(reader.pid())).containsExactly("took 1");
        queue.put(2);   // fills it
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> queue.put(3)).isInstanceOf(BrokenSharedObjectException.class)
                        .hasMessageContaining("room in queue #")
                        .hasMessageContaining("nobody is left to take items out of it")
                        .hasMessageContaining(Long.toString(reader.pid())));
    }
}
