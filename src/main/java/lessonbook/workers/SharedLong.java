package lessonbook.workers;

import java.io.Serializable;

import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.SharedObjectFailure;

/**
 * A long in shared memory that the kernel and every worker read and write: Python's {@code Value('q', 0)}.
 * {@code get} and {@code set} are each atomic, but {@code counter.set(counter.get() + 1)} in several workers
 * loses updates (two read the same value); {@code incrementAndGet} and {@code addAndGet} do the read and write
 * as one atomic step, and so does anything done under a {@link WorkerLock}. Every access is volatile: a write is
 * seen by the next read in any process.
 */
public final class SharedLong implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "long";
    private static final int VALUE = Segment.DATA;
    private final String path;
    private transient Segment segment;

    public SharedLong() {
        this(0);
    }

    public SharedLong(long initial) {
        this(Segment.create(KIND, 8));
        set(initial);
    }

    private SharedLong(Segment segment) {
        this.segment = segment;
        this.path = segment.path();
    }

    public long get() {
        return segment.getVolatile(VALUE);
    }

    public void set(long value) {
        segment.setVolatile(VALUE, value);
    }

    public long incrementAndGet() {
        return segment.getAndAdd(VALUE, 1) + 1;
    }

    public long addAndGet(long delta) {
        return segment.getAndAdd(VALUE, delta) + delta;
    }

    public long getAndAdd(long delta) {
        return segment.getAndAdd(VALUE, delta);
    }

    /** Sets {@code value} if the current value is {@code expected}, as one atomic step; true if it did. */
    public boolean compareAndSet(long expected, long value) {
        return segment.compareAndSet(VALUE, expected, value);
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }

    private Object readResolve() {
        try {
            return new SharedLong(Segment.open(path, KIND));
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }
}
