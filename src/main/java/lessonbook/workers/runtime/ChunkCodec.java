package lessonbook.workers.runtime;

import java.io.IOException;
import java.io.NotSerializableException;
import java.util.Arrays;

/**
 * The bytes of a chunk's inputs or results. Chunks of plain numbers, the common case in a lesson, travel as raw
 * {@code int}/{@code long}/{@code double} values instead of one serialized object each: Java serialization of
 * a boxed number costs microseconds, interpreted in a fresh worker JVM tens of them, which made a pool's
 * dispatch cost per item 40x Python's. Anything else (nulls, mixed or other types) is serialized as an
 * {@code Object[]} through the right class loader.
 * <p>
 * The number loops are written out by hand (shifts into the array, {@code instanceof} instead of
 * {@code getClass()}), because in a pool worker they run interpreted: workers run without C1 (see
 * {@link WorkerJvmOptions#all()}), and a map's few hundred items per chunk never make them hot enough for C2.
 * Through {@code ByteBuffer} (about eight nested calls per number) a chunk of 125 {@code x -> x + 1} items cost a
 * worker ~450 µs, most of a map's time next to Python's 1 ms for all 1000.
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
        int n = values.length;
        byte[] bytes = new byte[1 + (kind == INTS ? Integer.BYTES : Long.BYTES) * n];
        bytes[0] = kind;
        if (kind == INTS) {
            for (int i = 0, at = 1; i < n; i++, at += 4) {
                int v = (Integer) values[i];
                bytes[at] = (byte) (v >>> 24);
                bytes[at + 1] = (byte) (v >>> 16);
                bytes[at + 2] = (byte) (v >>> 8);
                bytes[at + 3] = (byte) v;
            }
        } else {
            for (int i = 0, at = 1; i < n; i++, at += 8) {
                long v = kind == LONGS ? (Long) values[i] : Double.doubleToRawLongBits((Double) values[i]);
                bytes[at] = (byte) (v >>> 56);
                bytes[at + 1] = (byte) (v >>> 48);
                bytes[at + 2] = (byte) (v >>> 40);
                bytes[at + 3] = (byte) (v >>> 32);
                bytes[at + 4] = (byte) (v >>> 24);
                bytes[at + 5] = (byte) (v >>> 16);
                bytes[at + 6] = (byte) (v >>> 8);
                bytes[at + 7] = (byte) v;
            }
        }
        return bytes;
    }

    static Object[] decode(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        byte kind = bytes[0];
        if (kind == OBJECTS) {
            return (Object[]) Payloads.fromBytes(Arrays.copyOfRange(bytes, 1, bytes.length), loader);
        }
        if (kind == INTS) {
            Object[] values = new Object[(bytes.length - 1) / Integer.BYTES];
            for (int i = 0, at = 1; i < values.length; i++, at += 4) {
                values[i] = (bytes[at] << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                        | (bytes[at + 3] & 0xff);
            }
            return values;
        }
        if (kind != LONGS && kind != DOUBLES) {
            throw new IOException("unknown chunk encoding " + kind);
        }
        Object[] values = new Object[(bytes.length - 1) / Long.BYTES];
        for (int i = 0, at = 1; i < values.length; i++, at += 8) {
            long v = ((long) bytes[at] << 56) | ((bytes[at + 1] & 0xffL) << 48) | ((bytes[at + 2] & 0xffL) << 40)
                    | ((bytes[at + 3] & 0xffL) << 32) | ((bytes[at + 4] & 0xffL) << 24) | ((bytes[at + 5] & 0xffL) << 16)
                    | ((bytes[at + 6] & 0xffL) << 8) | (bytes[at + 7] & 0xffL);
            values[i] = kind == LONGS ? (Object) v : (Object) Double.longBitsToDouble(v);
        }
        return values;
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
        Object first = values[0];
        byte kind = first instanceof Integer ? INTS : first instanceof Long ? LONGS : first instanceof Double ? DOUBLES : OBJECTS;
        for (Object v : values) {   // the boxes are final classes: instanceof is the exact type
            boolean same = kind == INTS ? v instanceof Integer : kind == LONGS ? v instanceof Long : v instanceof Double;
            if (!same) {
                return OBJECTS;
            }
        }
        return kind;
    }
}
