package lessonbook.workers.runtime;

import java.io.IOException;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of a chunk's inputs or results. Chunks of plain numbers, the common case in a lesson, travel as raw
 * {@code int}/{@code long}/{@code double} values instead of one serialized object each: Java serialization of
 * a boxed number costs microseconds, interpreted in a fresh worker JVM tens of them, which made a pool's
 * dispatch cost per item 40x Python's. Anything else (nulls, mixed or other types) is serialized as an
 * {@code Object[]} through the right class loader.
 */
final class ChunkCodec {
    private static final byte OBJECTS = 0;
    private static final byte INTS = 1;
    private static final byte LONGS = 2;
    private static final byte DOUBLES = 3;

    private ChunkCodec() {
    }

    static byte[] encode(Object[] values) throws NotSerializableException {
        byte kind = kindOf(values);
        if (kind == OBJECTS) {
            byte[] serialized = Payloads.toBytes(values);
            byte[] bytes = new byte[serialized.length + 1];
            System.arraycopy(serialized, 0, bytes, 1, serialized.length);
            return bytes;   // bytes[0] == OBJECTS
        }
        int width = kind == INTS ? Integer.BYTES : Long.BYTES;
        ByteBuffer buffer = ByteBuffer.allocate(1 + width * values.length).put(kind);
        for (Object v : values) {
            switch (kind) {
                case INTS -> buffer.putInt((Integer) v);
                case LONGS -> buffer.putLong((Long) v);
                default -> buffer.putDouble((Double) v);
            }
        }
        return buffer.array();
    }

    static Object[] decode(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        return switch (bytes[0]) {
            case OBJECTS -> (Object[]) Payloads.fromBytes(Arrays.copyOfRange(bytes, 1, bytes.length), loader);
            case INTS -> boxed(buffer.remaining() / Integer.BYTES, i -> buffer.getInt());
            case LONGS -> boxed(buffer.remaining() / Long.BYTES, i -> buffer.getLong());
            case DOUBLES -> boxed(buffer.remaining() / Double.BYTES, i -> buffer.getDouble());
            default -> throw new IOException("unknown chunk encoding " + bytes[0]);
        };
    }

    /** Position of the first of {@code values} that cannot be serialized, or -1 (to name the culprit of a failure). */
    static int firstUnserializable(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            try {
                Payloads.toBytes(values[i]);
            } catch (NotSerializableException | RuntimeException e) {
                return i;
            }
        }
        return -1;
    }

    /** "a java.lang.Thread", or "a Box holding a java.lang.Thread" when the culprit is inside the value. */
    static String describe(Object value, NotSerializableException e) {
        String type = value.getClass().getName();
        return "a " + type + (e.getMessage() != null && !e.getMessage().equals(type) ? " holding a " + e.getMessage() : "");
    }

    private static byte kindOf(Object[] values) {
        if (values.length == 0 || values[0] == null) {
            return OBJECTS;
        }
        Class<?> type = values[0].getClass();
        byte kind = type == Integer.class ? INTS : type == Long.class ? LONGS : type == Double.class ? DOUBLES : OBJECTS;
        if (kind == OBJECTS) {
            return OBJECTS;
        }
        for (Object v : values) {
            if (v == null || v.getClass() != type) {
                return OBJECTS;
            }
        }
        return kind;
    }

    private static Object[] boxed(int count, java.util.function.IntFunction<Object> next) {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = next.apply(i);
        }
        return values;
    }
}
