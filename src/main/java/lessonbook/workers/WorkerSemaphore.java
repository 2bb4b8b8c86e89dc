package lessonbook.workers;

import java.io.Serializable;
import java.time.Duration;

import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.SharedNames;
import lessonbook.workers.shared.SharedObjectFailure;
import lessonbook.workers.shared.Waiting;

/**
 * A counter of permits shared by every process: Python's {@code multiprocessing.Semaphore}, e.g. at most two
 * workers in a section at once. {@code acquire} takes a permit (one atomic compare-and-set), waiting while
 * there is none; {@code release} gives one back. Permits belong to nobody, so a worker that dies holding one
 * cannot be told apart from one still using it; a wait that nobody can end (every other process using it has
 * ended) throws instead of hanging. {@code hold()} acquires and gives back on close.
 */
public final class WorkerSemaphore implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "semaphore";
    private static final int PERMITS = Segment.DATA;
    private final String path;
    /** "semaphore 'slots'" or "semaphore #1" (see {@link SharedNames}). */
    private final String what;
    private transient Segment segment;

    public WorkerSemaphore(int permits) {
        this(null, permits);
    }

    /** A semaphore the worker lanes show by {@code name}: "waiting for a permit of semaphore 'slots'". */
    public WorkerSemaphore(String name, int permits) {
        this(Segment.create(KIND, 8), SharedNames.describe(KIND, name));
        if (permits < 0) {
            throw new IllegalArgumentException("a semaphore cannot start with " + permits + " permits");
        }
        segment.setVolatile(PERMITS, permits);
    }

    private WorkerSemaphore(Segment segment, String what) {
        this.segment = segment;
        this.path = segment.path();
        this.what = what;
    }

    public void acquire() {
        tryAcquire(null);
    }

    /** Takes a permit if one comes within {@code timeout} (null: however long it takes); true if taken. */
    public boolean tryAcquire(Duration timeout) {
        try {
            return takePermit(timeout);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }

    private boolean takePermit(Duration timeout) {
        Waiting waiting = null;
        while (true) {
            long permits = segment.getVolatile(PERMITS);
            if (permits > 0) {
                if (segment.compareAndSet(PERMITS, permits, permits - 1)) {
                    return true;
                }
                continue;
            }
            if (waiting == null) {
                waiting = new Waiting("a permit of " + what, timeout);
            }
            if (waiting.checkDue()) {
                waiting.requireOthersAlive(segment, "release a permit");
            }
            if (!waiting.pause()) {
                return false;
            }
        }
    }

    public void release() {
        segment.getAndAdd(PERMITS, 1);
    }

    public WorkerLock.Held hold() {
        acquire();
        return this::release;
    }

    public int availablePermits() {
        return (int) segment.getVolatile(PERMITS);
    }

    @Override
    public String toString() {
        return "WorkerSemaphore[" + what + ", " + availablePermits() + " permits]";
    }

    private Object readResolve() {
        try {
            return new WorkerSemaphore(Segment.open(path, KIND), what);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }
}
