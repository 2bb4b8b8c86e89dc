package lessonbook.workers.runtime;

import java.io.IOException;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Items of queues and pipes to bytes and back. Strings and boxed numbers, what most lessons send, take a
 * one-byte tag and their value: Java serialization of a {@code Long} costs a new stream and its class
 * descriptor each time (about 80 bytes), which dominated a queue's round trip. Everything else is Java
 * serialization, read with the class loader of the notebook's classes in this process (a worker's loader of
 * its class generation; in the kernel the cell thread's context loader, JShell's), so that a record defined in
 * a cell travels through a queue.
 */
public final class SharedItems {
    private static final byte SERIALIZED = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INTEGER = 3;
    private static final byte DOUBLE = 4;

    private SharedItems() {
    }

    public static byte[] toBytes(Object item, String where) {
        if (item == null) {
            throw new NullPointerException("null cannot be put into " + where + " (get(Duration) returns null on a"
                    + " timeout); to say 'no more', put a value of your own, e.g. a record Done()");
        }
        if (item instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[utf8.length + 1];
            bytes[0] = STRING;
            System.arraycopy(utf8, 0, bytes, 1, utf8.length);
            return bytes;
        }
        if (item instanceof Long l) {
            return ByteBuffer.allocate(9).put(LONG).putLong(l).array();
        }
        if (item instanceof Integer i) {
            return ByteBuffer.allocate(5).put(INTEGER).putInt(i).array();
        }
        if (item instanceof Double d) {
            return ByteBuffer.allocate(9).put(DOUBLE).putDouble(d).array();
        }
        try {
            byte[] serialized = Payloads.toBytes(item);
            byte[] bytes = new byte[serialized.length + 1];
            System.arraycopy(serialized, 0, bytes, 1, serialized.length);
            return bytes;
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("cannot put a " + item.getClass().getName() + " into " + where
                    + ": it is not Serializable (" + e.getMessage() + "); a record that implements"
                    + " java.io.Serializable, a String or a number can travel", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> T fromBytes(byte[] bytes, String where) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        switch (bytes[0]) {
            case STRING:
                return (T) new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
            case LONG:
                return (T) Long.valueOf(buffer.getLong());
            case INTEGER:
                return (T) Integer.valueOf(buffer.getInt());
            case DOUBLE:
                return (T) Double.valueOf(buffer.getDouble());
            default:
                break;
        }
        try {
            return (T) Payloads.fromBytes(Arrays.copyOfRange(bytes, 1, bytes.length), loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an item in " + where + " is of class " + e.getMessage()
                    + ", which this process does not know (was it defined in a later cell?)", e);
        } catch (IOException e) {
            throw new IllegalStateException("an item in " + where + " could not be read back: " + e, e);
        }
    }

    private static ClassLoader loader() {
        if (WorkerRuntime.host() instanceof WorkerSelf self) {
            return self.loader();
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SharedItems.class.getClassLoader();
    }
}
