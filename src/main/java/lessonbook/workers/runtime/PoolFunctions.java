package lessonbook.workers.runtime;

import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool's functions as they travel: each call's function encoded ({@link TaskCodec}), with an id that stays the
 * same while the bytes do, so that workers keep their copy. Threading: any caller thread; state guarded by
 * {@link #lock}.
 */
final class PoolFunctions {
    private static final AtomicLong functionIds = new AtomicLong();

    private final Object lock = new Object();
    private byte[] lastFunctionBytes;
    private long lastFunctionId;
    /** The last function, when it captures nothing (see {@link #of}); null otherwise. */
    private MapRun.PoolFunction lastStateless;
    private Class<?> lastStatelessClass;

    /**
     * Encodes a call's function once; the same lambda sent again keeps its id, so workers keep their copy.
     * A lambda that captures nothing (a hidden class without fields) always encodes to the same bytes, so
     * calling with it again skips encoding it (~0.4 ms of a cold map of 1000 items); one that captures values
     * is encoded each call, as what it captured may have changed.
     */
    MapRun.PoolFunction of(Serializable fn) {
        Class<?> type = fn.getClass();
        synchronized (lock) {
            if (type == lastStatelessClass) {
                return lastStateless;
            }
        }
        byte[] bytes = encoded(fn, "the function");
        synchronized (lock) {
            if (!Arrays.equals(bytes, lastFunctionBytes)) {
                lastFunctionBytes = bytes;
                lastFunctionId = functionIds.incrementAndGet();
            }
            MapRun.PoolFunction function = new MapRun.PoolFunction(lastFunctionId, bytes, type.getClassLoader());
            boolean stateless = type.isHidden() && type.getDeclaredFields().length == 0;
            lastStateless = stateless ? function : null;
            lastStatelessClass = stateless ? type : null;
            return function;
        }
    }

    static byte[] encoded(Object value, String what) {
        try {
            return TaskCodec.encode(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(what + " captures a value that is not Serializable ("
                    + e.getMessage() + "); pass what it needs as Serializable values", e);
        }
    }
}
