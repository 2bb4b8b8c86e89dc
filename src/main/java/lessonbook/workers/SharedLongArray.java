package lessonbook.workers;

import java.io.Serializable;
import java.util.Arrays;

import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.SharedObjectFailure;

/**
 * A fixed-length array of longs in shared memory: Python's {@code Array('q', n)}. Each element access is
 * volatile and atomic on its own; {@code incrementAndGet(i)} and {@code addAndGet(i, d)} update one element
 * atomically. Several elements changed together need a {@link WorkerLock}.
 */
public final class SharedLongArray implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "longs";
    private final String path;
    private final int length;
    private transient Segment segment;

    public SharedLongArray(int length) {
        this(Segment.create(KIND, 8L * requireLength(length)), length);
    }

    private SharedLongArray(Segment segment, int length) {
        this.segment = segment;
        this.path = segment.path();
        this.length = length;
    }

    static int requireLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a shared array cannot have length " + length);
        }
        return length;
    }

    public int length() {
        return length;
    }

    public long get(int i) {
        return segment.getVolatile(offset(i));
    }

    public void set(int i, long value) {
        segment.setVolatile(offset(i), value);
    }

    public long incrementAndGet(int i) {
        return segment.getAndAdd(offset(i), 1) + 1;
    }

    public long addAndGet(int i, long delta) {
        return segment.getAndAdd(offset(i), delta) + delta;
    }

    /** A copy of the elements now (each read on its own: others may be writing meanwhile). */
    public long[] toArray() {
        long[] copy = new long[length];
        for (int i = 0; i < length; i++) {
            copy[i] = get(i);
        }
        return copy;
    }

    private int offset(int i) {
        return Segment.elementOffset(i, length);
    }

    @Override
    public String toString() {
        return length <= 100 ? Arrays.toString(toArray()) : "SharedLongArray[" + length + "]";
    }

    private Object readResolve() {
        try {
            return new SharedLongArray(Segment.open(path, KIND), length);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }
}
