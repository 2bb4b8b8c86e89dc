package lessonbook.workers.shared;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * What this process's threads wait on and which locks it holds, for the worker lanes ("waiting for lock
 * 'counter lock' (held by pid 4242)", "holds lock #1"). Waits register themselves only once they park (after ~200 µs), and a sampler
 * ({@link #now}) reads the table about every 100 ms, so a quick hand-over costs nothing and a lock taken a million
 * times a second reports at most ten states a second. A wait ends when its thread stops calling
 * {@link Waiting#pause()} (whatever way it left: taken, timed out, interrupted, broken), which the sampler
 * notices by the pause stamps going stale; no caller has to say so. Bounded by this process's threads and locks.
 * <p>
 * A sampler with nothing to report sleeps in {@link #awaitActivity} until a wait or a lock is registered, instead of
 * looking every 100 ms: most workers run a loop and never wait, and each look cost a C2-only worker ~0.15 ms of
 * interpreted CPU (ten workers of the lesson: 2-4 ms each in a 1.5 s run, while the ten shared two cores); an idle
 * kernel looked ten times a second for nothing.
 */
public final class WaitStates {
    /** A wait shorter than this is not news: a class should see contention, not every hand-over. */
    static final long REPORT_AFTER_NANOS = 50_000_000L;
    /** Parks last at most 1 ms; a wait whose thread has not paused for this long has ended. */
    static final long ENDED_AFTER_NANOS = 50_000_000L;

    private static final Map<Thread, Waiting> waits = new ConcurrentHashMap<>();
    private static final Map<String, String> held = new ConcurrentHashMap<>();
    /** The sampler parked in {@link #awaitActivity}, to wake when something is registered; null while it looks. */
    private static final AtomicReference<Thread> idleSampler = new AtomicReference<>();

    private WaitStates() {
    }

    /** What the process waits on and holds at one moment; fields null when nothing. */
    public record Snapshot(String waitingOn, String holding) {
        public static final Snapshot NOTHING = new Snapshot(null, null);

        /*
         * Written out because a record's generated equals and hashCode are bootstrapped on first use through
         * ObjectMethods (method handles spun at run time): in a fresh C2-only worker JVM that first call cost the
         * reporter thread 20-30 ms of cpu, taken from the pool's first maps.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && Objects.equals(waitingOn, s.waitingOn) && Objects.equals(holding, s.holding);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(waitingOn) * 31 + Objects.hashCode(holding);
        }
    }

    static void parking(Waiting waiting) {
        if (waits.size() >= 256) {
            // where nobody samples (the kernel's own cells), ended waits and threads are dropped here instead
            long now = System.nanoTime();
            waits.entrySet().removeIf(e -> {
                boolean gone = e.getValue().ended() || now - e.getValue().lastPauseNanos() > ENDED_AFTER_NANOS
                        || !e.getKey().isAlive();
                if (gone) {
                    e.getValue().dropped();
                }
                return gone;
            });
        }
        waits.put(Thread.currentThread(), waiting);
        wakeIdleSampler();
    }

    /** A lock ({@code key}, its file) was taken by this process. */
    public static void held(String key, String what) {
        if (held.size() < 1024) {
            held.put(key, what);
            wakeIdleSampler();
        }
    }

    public static void released(String key) {
        held.remove(key);
    }

    /**
     * Returns once a wait or a held lock is registered (at once if one is): a sampler whose last look found
     * {@link Snapshot#NOTHING} calls it before looking again. One sampler thread per process.
     */
    public static void awaitActivity() throws InterruptedException {
        Thread sampler = Thread.currentThread();
        while (waits.isEmpty() && held.isEmpty()) {
            idleSampler.set(sampler);
            // looked again after saying where it parks: a registration between the two either is seen here or wakes it
            if (waits.isEmpty() && held.isEmpty()) {
                LockSupport.park(WaitStates.class);
            }
            idleSampler.compareAndSet(sampler, null);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** One volatile read when the sampler is looking anyway: {@link #held} runs on every lock taken. */
    private static void wakeIdleSampler() {
        if (idleSampler.get() != null) {
            Thread sampler = idleSampler.getAndSet(null);
            if (sampler != null) {
                LockSupport.unpark(sampler);
            }
        }
    }

    /** The longest current wait over the threshold, and a held lock; drops ended waits. Any thread. */
    public static Snapshot now() {
        long now = System.nanoTime();
        Waiting longest = null;
        for (Map.Entry<Thread, Waiting> entry : waits.entrySet()) {
            Waiting w = entry.getValue();
            if (w.ended() || now - w.lastPauseNanos() > ENDED_AFTER_NANOS || !entry.getKey().isAlive()) {
                if (waits.remove(entry.getKey(), w)) {
                    w.dropped();
                }
            } else if (now - w.startNanos() >= REPORT_AFTER_NANOS
                    && (longest == null || w.startNanos() - longest.startNanos() < 0)) {
                longest = w;
            }
        }
        // hasNext, not isEmpty: the lock may be released between the two (seen: NoSuchElementException in a lesson)
        Iterator<String> holds = held.values().iterator();
        String holding = holds.hasNext() ? holds.next() : null;
        if (longest == null && holding == null) {
            return Snapshot.NOTHING;
        }
        return new Snapshot(longest == null ? null : longest.describe(), holding);
    }
}
