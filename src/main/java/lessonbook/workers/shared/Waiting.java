package lessonbook.workers.shared;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;


/**
 * How a process waits for another without a broker to wake it: yield the cpu between looks until 200 µs have
 * passed (the other side is often just about to answer), then park for growing pauses, 20 µs doubling up to
 * 1 ms, so an idle waiter costs about a thousand wake-ups a second and an answer is seen at most ~1 ms late.
 * <p>
 * Why yield and not spin first: on two cores the other side is often on this very core (Linux keeps two
 * processes that hand work back and forth together for a while), and a spinning waiter only delays it. Measured
 * with {@code lessonbook bench --only ipc} (a queue's round trip to a worker and back): spinning 20 µs first,
 * 0.065-0.079 ms; 2 µs, 0.034-0.041; none, 0.028-0.037. A yield with nothing else to run costs ~0.5 µs.
 * <p>
 * Every wait checks the interrupt flag (an Interrupt in the notebook ends it with an unchecked
 * {@link SharedObjectFailure} of kind INTERRUPTED) and, every 100 ms, whether the processes it waits for still
 * live. One instance per wait, used by one thread. The phases can be tuned with {@code -Dlessonbook.workers.spinMicros=0}
 * (a spin before the yields, for machines with cores to spare), {@code yieldMicros=200} and {@code parkMicros=20}
 * (for workers, through {@code -Dlessonbook.workers.jvmOptions}).
 */
public final class Waiting {
    private static final long SPIN_NANOS = 1000 * Long.getLong("lessonbook.workers.spinMicros", 0);
    private static final long YIELD_NANOS = 1000 * Long.getLong("lessonbook.workers.yieldMicros", 200);
    private static final long FIRST_PARK_NANOS = 1000 * Long.getLong("lessonbook.workers.parkMicros", 20);
    private static final long LONGEST_PARK_NANOS = 1_000_000;
    private static final long CHECK_EVERY_NANOS = 100_000_000;
    /** Processes seen ended this long before a waiter gives up: a worker being started may not have mapped yet. */
    private static final long GRACE_NANOS = 500_000_000;

    /**
     * Whether this process has workers of its own still running: they may not have mapped the object yet (a
     * worker start takes up to seconds on a loaded machine), so the object's table cannot yet tell that nobody
     * is left. Set by the worker runtime; read by any waiting thread.
     */
    private static volatile BooleanSupplier ownWorkersRunning = () -> false;

    private final String what;
    /** For a lock: who holds it now, read when the wait is reported (0 free); null for other waits. */
    private final LongSupplier holderPid;
    private final long deadline;
    private final boolean timed;
    private final long spinUntil;
    private final long yieldUntil;
    private final long start;
    private long park = FIRST_PARK_NANOS;
    /** When this wait last paused, for {@link WaitStates} (read by its sampler thread); 0 before it parked. */
    private volatile long lastPause;
    /** Set by a caller that says the wait is over (see {@link #end()}). */
    private volatile boolean ended;
    /** Whether {@link WaitStates} has this wait in its table; the sampler clears it when it drops a stale one. */
    private volatile boolean registered;
    private long nextCheck;
    private long othersEndedSince;

    /** {@code timeout} null: wait until the condition holds (or the wait can never end). */
    public Waiting(String what, Duration timeout) {
        this(what, timeout, null);
    }

    /** A wait for a lock whose holder's pid {@code holderPid} reads (from any thread), for the lanes' report. */
    public Waiting(String what, Duration timeout, LongSupplier holderPid) {
        this.what = what;
        this.holderPid = holderPid;
        long now = System.nanoTime();
        this.start = now;
        this.timed = timeout != null;
        this.deadline = timed ? now + Math.max(0, saturatedNanos(timeout)) : 0;
        this.nextCheck = now + CHECK_EVERY_NANOS;
        this.spinUntil = now + SPIN_NANOS;
        this.yieldUntil = now + YIELD_NANOS;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    /** Waits a little; false once the deadline has passed. */
    public boolean pause() {
        if (Thread.interrupted()) {
            throw SharedObjectFailure.interrupted(what);
        }
        long now = System.nanoTime();
        if (timed && now - deadline >= 0) {
            return false;
        }
        if (now - spinUntil < 0) {
            Thread.onSpinWait();
            return true;
        }
        if (now - yieldUntil < 0) {
            Thread.yield();
            return true;
        }
        lastPause = now;   // before registering: the sampler must not find it stale at once
        if (!registered) {
            // first park, or the sampler dropped this wait as stale: on a loaded machine a parked waiter can miss
            // its cpu for longer than the staleness limit, and a wait not put back was never reported again
            registered = true;
            WaitStates.parking(this);
        }
        LockSupport.parkNanos(timed ? Math.min(park, deadline - now) : park);
        park = Math.min(LONGEST_PARK_NANOS, park * 2);
        if (Thread.interrupted()) {
            throw SharedObjectFailure.interrupted(what);
        }
        return true;
    }

    /**
     * What the lanes say this wait is for: "lock 'counter lock' (held by pid 4242)" (the host names the pid's
     * worker), "an item in queue #1". Called by the sampler thread.
     */
    String describe() {
        long holder = holderPid == null ? 0 : holderPid.getAsLong();
        return holder == 0 ? what : what + " (held by pid " + holder + ")";
    }

    /**
     * The wait is over: the sampler drops it at once instead of when its pauses go stale (up to 50 ms later, when
     * a lock's waiter that took the lock would be reported waiting for a lock "held by" itself).
     */
    public void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    /** The sampler dropped this wait from its table (ended, or stale); a next pause puts it back. */
    void dropped() {
        registered = false;
    }

    long startNanos() {
        return start;
    }

    long lastPauseNanos() {
        return lastPause;
    }

    /** True about every 100 ms of waiting: time to check that the processes waited for are alive. */
    public boolean checkDue() {
        long now = System.nanoTime();
        if (now - nextCheck < 0) {
            return false;
        }
        nextCheck = now + CHECK_EVERY_NANOS;
        return true;
    }

    public static void ownWorkersRunning(BooleanSupplier running) {
        ownWorkersRunning = running;
    }

    /**
     * Throws when every other process that used {@code segment} has ended and this process runs no worker that
     * could still use it (for half a second, as a worker started by another process may not have mapped it yet):
     * nobody is left who could end this wait.
     */
    public void requireOthersAlive(Segment segment, String whatTheyWouldDo) {
        List<Long> ended = ownWorkersRunning.getAsBoolean() ? List.of() : segment.othersIfAllEnded();
        if (ended.isEmpty()) {
            othersEndedSince = 0;
            return;
        }
        long now = System.nanoTime();
        if (othersEndedSince == 0) {
            othersEndedSince = now;
        } else if (now - othersEndedSince >= GRACE_NANOS) {
            throw SharedObjectFailure.broken("gave up waiting for " + what + ": every other process that used"
                    + " it has ended (pid " + join(ended) + "), so nobody is left to " + whatTheyWouldDo);
        }
    }

    static String join(List<Long> pids) {
        StringBuilder text = new StringBuilder();
        for (Long pid : pids) {
            text.append(text.length() == 0 ? "" : ", ").append(pid);
        }
        return text.toString();
    }
}
