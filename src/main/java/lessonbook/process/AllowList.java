package lessonbook.process;

import java.io.ObjectInputFilter;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which classes a stream may deserialize, and how much of them per message. Everything not allowed is
 * rejected (an allow-list, not a deny-list of known gadgets). Use {@link #newFilter()} per stream: the limits
 * count per message ({@link Filter#beginMessage()}), because the JDK's own counters grow over a stream's life
 * and a kernel session sends millions of messages.
 */
public final class AllowList {
    /**
     * Per-message bounds. {@code maxArrayBytes} is what one array may take in memory (elements times their
     * width), checked before the JDK allocates it: a stream can announce a huge array in a few bytes.
     */
    public record Limits(int maxDepth, long maxArrayBytes, long maxReferences, long maxBytes) {
        /** Control messages: records of a few strings, lists and byte[] payloads; a payload may be large. */
        public static final Limits MESSAGES = new Limits(20, 1L << 30, 1_000_000, 1L << 30);

        /**
         * User values read from a byte[] of {@code size} bytes: deep graphs are fine; no array may take more than
         * 8 bytes of memory per byte of the payload (an element costs at least one byte in the stream), so a
         * payload cannot announce more than it carries.
         */
        public static Limits userValues(long size) {
            return new Limits(2000, Math.max(1024, 8 * size), Long.MAX_VALUE, Long.MAX_VALUE);
        }
    }

    /**
     * JDK classes that control messages are made of (records' components): strings, boxes, the JDK's list
     * implementations, stack frames. Arrays of allowed types are allowed.
     */
    static final Set<String> JDK_MESSAGE_PARTS = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Integer", "java.lang.Long",
            "java.lang.Boolean", "java.lang.Double", "java.lang.Enum", "java.lang.Record",
            "java.lang.StackTraceElement", "java.util.CollSer", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12", "java.util.ArrayList");

    private final Predicate<Class<?>> allowed;
    private final Limits limits;

    private AllowList(Predicate<Class<?>> allowed, Limits limits) {
        this.allowed = allowed;
        this.limits = limits;
    }

    /** Classes accepted by {@code allowed} (after arrays are unwrapped, primitives always), within {@code limits}. */
    public static AllowList of(Predicate<Class<?>> allowed, Limits limits) {
        return new AllowList(allowed, limits);
    }

    /** A protocol's messages: classes in the given packages (exact package names) plus the JDK parts above. */
    public static AllowList messagesOf(Set<String> packages) {
        return messages(type -> packages.contains(type.getPackageName()));
    }

    /** A protocol's messages: the classes {@code own} accepts plus the JDK parts above. */
    public static AllowList messages(Predicate<Class<?>> own) {
        return of(type -> own.test(type) || JDK_MESSAGE_PARTS.contains(type.getName()), Limits.MESSAGES);
    }

    public Limits limits() {
        return limits;
    }

    public boolean allows(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element != type && (element.isInterface() || Modifier.isAbstract(element.getModifiers()))) {
            return true;   // e.g. Map.Entry[]: an array runs no code, and each element is checked on its own
        }
        return element.isPrimitive() || allowed.test(element);
    }

    public Filter newFilter() {
        return new Filter();
    }

    /** The filter of one stream. Not thread-safe: a stream is read by one thread at a time. */
    public final class Filter implements ObjectInputFilter {
        private long lastReferences;
        private long lastBytes;
        private long baseReferences;
        private long baseBytes;
        private volatile String rejected;

        /** Call before each top-level readObject: the limits count from here. */
        public void beginMessage() {
            baseReferences = lastReferences;
            baseBytes = lastBytes;
            rejected = null;
        }

        /** What the last rejection was about, for the exception that reports it; null if none. */
        public String rejected() {
            return rejected;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            lastReferences = info.references();
            lastBytes = info.streamBytes();
            if (info.depth() > limits.maxDepth()) {
                return reject("nesting deeper than " + limits.maxDepth());
            }
            if (info.arrayLength() > 0 && info.arrayLength() * elementWidth(info.serialClass()) > limits.maxArrayBytes()) {
                return reject("an array of " + info.arrayLength() + " elements");
            }
            if (lastReferences - baseReferences > limits.maxReferences()) {
                return reject("more than " + limits.maxReferences() + " objects in one message");
            }
            if (lastBytes - baseBytes > limits.maxBytes()) {
                return reject("more than " + limits.maxBytes() + " bytes in one message");
            }
            Class<?> type = info.serialClass();
            if (type == null || allows(type)) {
                return Status.ALLOWED;
            }
            return reject("class " + type.getName() + " is not allowed here");
        }

        private static long elementWidth(Class<?> arrayType) {
            Class<?> element = arrayType == null ? null : arrayType.getComponentType();
            if (element == null || !element.isPrimitive()) {
                return 4;   // a reference (compressed)
            }
            return element == long.class || element == double.class ? 8
                    : element == int.class || element == float.class ? 4
                    : element == short.class || element == char.class ? 2 : 1;
        }

        private Status reject(String why) {
            rejected = why;
            return Status.REJECTED;
        }
    }
}
