package lessonbook.workers;

import java.io.Serializable;
import java.time.Duration;

import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.SharedNames;
import lessonbook.workers.shared.SharedObjectFailure;
import lessonbook.workers.shared.WaitStates;
import lessonbook.workers.shared.WordLock;

/**
 * A lock shared by the kernel and every worker: Python's {@code multiprocessing.Lock}. Not reentrant.
 * <pre>{@code
 * var lock = new WorkerLock();
 * ... in each worker:
 * try (var held = lock.hold()) {
 *     counter.set(counter.get() + 1);
 * }
 * }</pre>
 * A thread that takes it twice gets an IllegalStateException instead of waiting forever; a waiter whose holder
 * died (killed, or a task that returned without unlocking) gets a
 * {@link lessonbook.workers.BrokenSharedObjectException} naming the dead pid instead of a hang.
 */
public final class WorkerLock implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "lock";
    private final String path;
    /** "lock 'counter lock'" or "lock #1": how the lanes and errors call it (see {@link SharedNames}). */
    private final String what;
    private transient Segment segment;

    /** A lock called "lock #n" in the worker lanes and errors. */
    public WorkerLock() {
        this((String) null);
    }

    /** A lock the worker lanes show by {@code name}: "waiting for lock 'counter lock' (held by Worker-3)". */
    public WorkerLock(String name) {
        this(Segment.create(KIND, 8), SharedNames.describe(KIND, name));
    }

    private WorkerLock(Segment segment, String what) {
        this.segment = segment;
        this.path = segment.path();
        this.what = what;
    }

    /** Takes the lock, waiting while another thread or process holds it. */
    public void lock() {
        try {
            WordLock.lock(segment, Segment.DATA, what, null);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
        WaitStates.held(path, what);
    }

    /** Takes the lock if it is free within {@code timeout}; true if taken. */
    public boolean tryLock(Duration timeout) {
        boolean taken;
        try {
            taken = WordLock.lock(segment, Segment.DATA, what, timeout);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
        if (taken) {
            WaitStates.held(path, what);
        }
        return taken;
    }

    /** Frees the lock; any thread of the holding process may (a later cell), another process may not. */
    public void unlock() {
        WordLock.unlock(segment, Segment.DATA, what);
        WaitStates.released(path);
    }

    /** Takes the lock and gives it back when the returned handle is closed: {@code try (var held = lock.hold())}. */
    public Held hold() {
        lock();
        return this::unlock;
    }

    public boolean isHeldByCurrentThread() {
        return WordLock.heldByCurrentThread(segment, Segment.DATA);
    }

    /** The pid of the process holding the lock, 0 when free. */
    public long holderPid() {
        return WordLock.holderPid(segment.getVolatile(Segment.DATA));
    }

    @Override
    public String toString() {
        long holder = holderPid();
        return "WorkerLock[" + what + ", " + (holder == 0 ? "free]" : "held by pid " + holder + "]");
    }

    private Object readResolve() {
        try {
            return new WorkerLock(Segment.open(path, KIND), what);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }

    /** A held lock; closing it unlocks and throws nothing, so it fits try-with-resources in a lambda. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
