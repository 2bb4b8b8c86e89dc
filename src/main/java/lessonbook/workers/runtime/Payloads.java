package lessonbook.workers.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.Set;

import lessonbook.process.AllowList;
import lessonbook.process.UserValues;

/**
 * Java serialization of user objects to bytes and back through a chosen class loader. Reading goes through
 * {@link UserValues}' allow-list: the notebook's own classes, the API package's serializable types and the JDK's
 * value types; anything else fails with a message naming the class.
 */
public final class Payloads {
    /** The API's package: its serializable types (a worker's copy, a queue's handle, starmap's pair) travel. */
    private static final Set<String> API_PACKAGES = Set.of("lessonbook.workers");

    private Payloads() {
    }

    public static byte[] toBytes(Object value) throws NotSerializableException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Whether {@link #fromBytes} with {@code loader} may read values of {@code type} (the same allow-list). */
    static boolean allows(Class<?> type, ClassLoader loader) {
        return UserValues.allowList(loader, API_PACKAGES, 0).allows(type);
    }

    public static Object fromBytes(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        AllowList.Filter filter = UserValues.allowList(loader, API_PACKAGES, bytes.length).newFilter();
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            String why = filter.rejected();
            if (why == null) {
                throw e;
            }
            throw new InvalidClassException("a value cannot travel between processes: " + why
                    + " (allowed: the notebook's own classes, the JDK's values and collections)");
        }
    }

    /** Resolves classes through the given loader (user classes of one generation), then the JDK's. */
    static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
