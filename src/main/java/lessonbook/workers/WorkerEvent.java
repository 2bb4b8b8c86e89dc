package lessonbook.workers;

import java.io.Serializable;
import java.time.Duration;

import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.SharedNames;
import lessonbook.workers.shared.SharedObjectFailure;
import lessonbook.workers.shared.Waiting;

/**
 * A flag that any process sets and any process waits for: Python's {@code multiprocessing.Event}. Volatile: a
 * waiter sees the flag set by another process within about a millisecond of the set (its pause grows up to that).
 * A wait that nobody can end (every other process using the event has ended) throws instead of hanging.
 */
public final class WorkerEvent implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "event";
    private static final int FLAG = Segment.DATA;
    private final String path;
    /** "event 'go'" or "event #1" (see {@link SharedNames}). */
    private final String what;
    private transient Segment segment;

    /** An event called "event #n" in the worker lanes. */
    public WorkerEvent() {
        this((String) null);
    }

    /** An event the worker lanes show by {@code name}: "waiting for event 'go' to be set". */
    public WorkerEvent(String name) {
        this(Segment.create(KIND, 8), SharedNames.describe(KIND, name));
    }

    private WorkerEvent(Segment segment, String what) {
        this.segment = segment;
        this.path = segment.path();
        this.what = what;
    }

    public void set() {
        segment.setVolatile(FLAG, 1);
    }

    public void clear() {
        segment.setVolatile(FLAG, 0);
    }

    public boolean isSet() {
        return segment.getVolatile(FLAG) != 0;
    }

    /** Waits until the flag is set (returns at once if it is). */
    public void await() {
        await(null);
    }

    /** Waits up to {@code timeout} for the flag; true if it was set (Python's {@code wait(timeout)}). */
    public boolean await(Duration timeout) {
        try {
            return awaitSet(timeout);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }

    private boolean awaitSet(Duration timeout) {
        Waiting waiting = new Waiting(what + " to be set", timeout);
        while (!isSet()) {
            if (waiting.checkDue()) {
                waiting.requireOthersAlive(segment, "set it");
            }
            if (!waiting.pause()) {
                return isSet();
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "WorkerEvent[" + what + ", " + (isSet() ? "set]" : "not set]");
    }

    private Object readResolve() {
        try {
            return new WorkerEvent(Segment.open(path, KIND), what);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }
}
