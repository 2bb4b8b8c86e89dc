package lessonbook.workers;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.SharedNames;
import lessonbook.workers.shared.SharedObjectFailure;
import lessonbook.workers.shared.Waiting;
import lessonbook.workers.shared.WordLock;

/**
 * A meeting point for a fixed number of parties (usually workers): Python's {@code multiprocessing.Barrier}.
 * Each {@code await()} waits until {@code parties} of them have arrived, then all go on and the barrier is ready
 * for the next round. Arrivals are counted under the barrier's internal lock; the round number tells a waiter
 * its round is over.
 * <p>
 * Broken (every waiter and every later await throw {@link BrokenSharedObjectException}) when a timed await ran
 * out, and when a process that used the barrier died (killed, crashed, or a worker whose task threw) without
 * having arrived in the round being waited for: Python's waiters hang there. Waiters look about every 100 ms.
 * A worker whose task returned ended normally and breaks nothing. A party that dies before it ever touched the
 * barrier is not known to it: the round waits, so give {@code await} a timeout when that can happen. A wait that
 * nobody can end (every other process using the barrier has ended) throws too.
 */
public final class WorkerBarrier implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "barrier";
    private static final int ARRIVED = Segment.DATA;
    private static final int ROUND = ARRIVED + 8;
    private static final int BROKEN = ARRIVED + 16;
    private static final int PARTIES = ARRIVED + 24;
    /** Pids of the parties that arrived in the current round, in arrival order (the first ARRIVED_SLOTS of them). */
    private static final int ARRIVED_PIDS = ARRIVED + 32;
    private static final int ARRIVED_SLOTS = 32;
    private final String path;
    /** "barrier 'phase end'" or "barrier #1" (see {@link SharedNames}). */
    private final String what;
    private transient Segment segment;

    public WorkerBarrier(int parties) {
        this(null, parties);
    }

    /** A barrier the worker lanes show by {@code name}: "waiting for barrier 'phase end' (1 of 4 arrived)". */
    public WorkerBarrier(String name, int parties) {
        this(Segment.create(KIND, 32 + 8 * ARRIVED_SLOTS), SharedNames.describe(KIND, name));
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, not " + parties);
        }
        segment.setVolatile(PARTIES, parties);
    }

    private WorkerBarrier(Segment segment, String what) {
        this.segment = segment;
        this.path = segment.path();
        this.what = what;
    }

    /** Waits for the other parties; returns this party's arrival index, {@code parties - 1} for the first. */
    public int await() {
        return await(null);
    }

    /** As {@link #await()}, but breaks the barrier if the round is not full within {@code timeout}. */
    public int await(Duration timeout) {
        try {
            return awaitRound(timeout);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }

    private int awaitRound(Duration timeout) {
        long parties = parties();
        long round;
        long arrived;
        WordLock.lock(segment, Segment.LOCK, what, null);
        try {
            requireNotBroken();
            round = segment.getVolatile(ROUND);
            arrived = segment.getVolatile(ARRIVED) + 1;
            if (arrived == parties) {
                segment.setVolatile(ARRIVED, 0);
                segment.setVolatile(ROUND, round + 1);
                return 0;
            }
            segment.setVolatile(ARRIVED, arrived);
            if (arrived <= ARRIVED_SLOTS) {
                segment.setVolatile(ARRIVED_PIDS + 8 * (int) (arrived - 1), ProcessHandle.current().pid());
            }
        } finally {
            WordLock.unlock(segment, Segment.LOCK, what);
        }
        Waiting waiting = new Waiting(what + " (" + arrived + " of " + parties + " arrived)", timeout);
        while (segment.getVolatile(ROUND) == round) {
            requireNotBroken();
            if (waiting.checkDue()) {
                waiting.requireOthersAlive(segment, "arrive");
                requireNoPartyDied(round);
            }
            if (!waiting.pause()) {
                breakWith("a party waited longer than its timeout of " + timeout.toMillis() + " ms");
            }
        }
        return (int) (parties - arrived);
    }

    /** Breaks the barrier when a process that used it died without arriving in {@code round} (see above). */
    private void requireNoPartyDied(long round) {
        List<Long> died = segment.othersThatDied();
        if (died.isEmpty()) {
            return;
        }
        WordLock.lock(segment, Segment.LOCK, what, null);
        try {
            long arrived = segment.getVolatile(ARRIVED);
            if (segment.getVolatile(ROUND) != round || arrived > ARRIVED_SLOTS) {
                return;   // the round is over, or too many arrived to tell who: no verdict
            }
            for (long pid : died) {
                boolean arrivedBeforeDying = false;
                for (int i = 0; i < arrived; i++) {
                    arrivedBeforeDying |= segment.getVolatile(ARRIVED_PIDS + 8 * i) == pid;
                }
                if (!arrivedBeforeDying) {
                    segment.setVolatile(BROKEN, 1);
                    throw new BrokenSharedObjectException(what + " is broken: process " + pid + ", which used it, died"
                            + " before it arrived (" + arrived + " of " + parties() + " arrived), so this round can"
                            + " never be full; make a new barrier");
                }
            }
        } finally {
            WordLock.unlock(segment, Segment.LOCK, what);
        }
    }

    public int parties() {
        return (int) segment.getVolatile(PARTIES);
    }

    /** Parties waiting now for the current round. */
    public int waiting() {
        return (int) segment.getVolatile(ARRIVED);
    }

    public boolean isBroken() {
        return segment.getVolatile(BROKEN) != 0;
    }

    private void breakWith(String why) {
        segment.setVolatile(BROKEN, 1);
        throw new BrokenSharedObjectException(what + " is broken: " + why);
    }

    private void requireNotBroken() {
        if (isBroken()) {
            throw new BrokenSharedObjectException(what + " is broken (a party timed out or died); make a new one");
        }
    }

    @Override
    public String toString() {
        return "WorkerBarrier[" + what + ", " + waiting() + " of " + parties() + " waiting" + (isBroken() ? ", broken]" : "]");
    }

    private Object readResolve() {
        try {
            return new WorkerBarrier(Segment.open(path, KIND), what);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }
}
