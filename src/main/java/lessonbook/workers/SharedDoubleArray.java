package lessonbook.workers;

import java.io.Serializable;
import java.util.Arrays;

import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.SharedObjectFailure;

/**
 * A fixed-length array of doubles in shared memory: Python's {@code Array('d', n)}. Each element is read and
 * written whole and volatile (as its 64 bits); an update that reads then writes (a sum) needs a
 * {@link WorkerLock}, or one element per worker.
 */
public final class SharedDoubleArray implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "doubles";
    private final String path;
    private final int length;
    private transient Segment segment;

    public SharedDoubleArray(int length) {
        this(Segment.create(KIND, 8L * SharedLongArray.requireLength(length)), length);
    }

    private SharedDoubleArray(Segment segment, int length) {
        this.segment = segment;
        this.path = segment.path();
        this.length = length;
    }

    public int length() {
        return length;
    }

    public double get(int i) {
        return Double.longBitsToDouble(segment.getVolatile(offset(i)));
    }

    public void set(int i, double value) {
        segment.setVolatile(offset(i), Double.doubleToRawLongBits(value));
    }

    public double[] toArray() {
        double[] copy = new double[length];
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
        return length <= 100 ? Arrays.toString(toArray()) : "SharedDoubleArray[" + length + "]";
    }

    private Object readResolve() {
        try {
            return new SharedDoubleArray(Segment.open(path, KIND), length);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }
}
