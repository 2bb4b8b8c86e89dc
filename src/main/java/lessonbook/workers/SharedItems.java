package lessonbook.workers;

import java.io.IOException;
import java.io.NotSerializableException;

/**
 * Items of queues and pipes to bytes and back. They are read with the class loader of the notebook's classes in
 * this process (a worker's loader of its class generation; in the kernel the cell thread's context loader,
 * JShell's), so that a record defined in a cell travels through a queue.
 */
final class SharedItems {
    private SharedItems() {
    }

    static byte[] toBytes(Object item, String where) {
        if (item == null) {
            throw new NullPointerException("null cannot be put into " + where + " (get(Duration) returns null on a"
                    + " timeout); to say 'no more', put a value of your own, e.g. a record Done()");
        }
        try {
            return Payloads.toBytes(item);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("cannot put a " + item.getClass().getName() + " into " + where
                    + ": it is not Serializable (" + e.getMessage() + "); a record that implements"
                    + " java.io.Serializable, a String or a number can travel", e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T fromBytes(byte[] bytes, String where) {
        try {
            return (T) Payloads.fromBytes(bytes, loader());
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
