package lessonbook.kernel.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Set;

/**
 * The wire between host and kernel: one object stream per direction. Reading is restricted to an allow-list
 * (our own records and the few JDK types their components use), so a confused or hostile peer cannot make
 * the other side deserialize arbitrary classes.
 */
public final class MessageStreams {
    private static final Set<String> JDK_ALLOWED = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Integer", "java.lang.Long",
            "java.lang.Boolean", "java.lang.Double", "java.lang.Enum", "java.lang.Record",
            "java.util.CollSer", "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
            "java.util.ArrayList");

    private MessageStreams() {
    }

    public static ObjectOutputStream writer(OutputStream out) throws IOException {
        ObjectOutputStream stream = new ObjectOutputStream(new BufferedOutputStream(out, 1 << 16));
        stream.flush();
        return stream;
    }

    public static ObjectInputStream reader(InputStream in) throws IOException {
        ObjectInputStream stream = new ObjectInputStream(new BufferedInputStream(in, 1 << 16));
        stream.setObjectInputFilter(MessageStreams::check);
        return stream;
    }

    /** Writes one message; {@code reset} keeps the stream from remembering (and pinning) every object sent. */
    public static void write(ObjectOutputStream out, Object message) throws IOException {
        out.writeObject(message);
        out.reset();
        out.flush();
    }

    static ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > 20 || info.arrayLength() > 10_000_000 || info.references() > 1_000_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || type.getName().startsWith("lessonbook.") || JDK_ALLOWED.contains(type.getName())) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        return ObjectInputFilter.Status.REJECTED;
    }
}
