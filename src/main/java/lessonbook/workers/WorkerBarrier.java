package lessonbook.workers;

import java.io.Serializable;
import java.time.Duration;

import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.Waiting;
import lessonbook.workers.shared.WordLock;

/**
 * A meeting point for a fixed number of parties (usually workers): Python's {@code multiprocessing.Barrier}.
 * Each {@code await()} waits until {@code parties} of them have arrived, then all go on and the barrier is ready
 * for the next round. Arrivals are counted under the barrier's internal lock; the round number tells a waiter
 * its round is over.
 * <p>
 * Broken (every waiter and every later await throw {@link BrokenSharedObjectException}) when a timed await ran
 * out. A wait that nobody can end (every other process using the barrier has ended) throws too. A party that
 * died while others live is not detected (which processes are parties is not known, and a worker still starting
 * cannot be told from a dead one): as in Python, give {@code await} a timeout when that can happen.
 */
public final class WorkerBarrier implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "barrier";
    private static final String WHAT = "the WorkerBarrier";
    private static final int ARRIVED = Segment.DATA;
    private static final int ROUND = ARRIVED + 8;
    private static final int BROKEN = ARRIVED + 16;
    private static final int PARTIES = ARRIVED + 24;
    private final String path;
    private transient Segment segment;

    public WorkerBarrier(int parties) {
        this(Segment.create(KIND, 32));
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, not " + parties);
        }
        segment.setVolatile(PARTIES, parties);
    }

    private WorkerBarrier(Segment segment) {
        this.segment = segment;
        this.path = segment.path();
    }

    /** Waits for the other parties; returns this party's arrival index, {@code parties - 1} for the first. */
    public int await() {
        return await(null);
    }

    /** As {@link #await()}, but breaks the barrier if the round is not full within {@code timeout}. */
    public int await(Duration timeout) {
        long parties = parties();
        long round;
        long arrived;
        WordLock.lock(segment, Segment.LOCK, WHAT, null);
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
        } finally {
            WordLock.unlock(segment, Segment.LOCK, WHAT);
        }
        Waiting waiting = new Waiting(WHAT + " (" + arrived + " of " + parties + " arrived)", timeout);
        while (segment.getVolatile(ROUND) == round) {
            requireNotBroken();
            if (waiting.checkDue()) {
                waiting.requireOthersAlive(segment, "arrive");
            }
            if (!waiting.pause()) {
                breakWith("a party waited longer than its timeout of " + timeout.toMillis() + " ms");
            }
        }
        return (int) (parties - arrived);
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
        throw new BrokenSharedObjectException(WHAT + " is broken: " + why);
    }

    private void requireNotBroken() {
        if (isBroken()) {
            throw new BrokenSharedObjectException(WHAT + " is broken (a party timed out or died); make a new one");
        }
    }

    @Override
    public String toString() {
        return "WorkerBarrier[" + waiting() + " of " + parties() + " waiting" + (isBroken() ? ", broken]" : "]");
    }

    private Object readResolve() {
        return new WorkerBarrier(Segment.open(path, KIND));
    }
}
