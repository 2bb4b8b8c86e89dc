package lessonbook.process;

import java.util.Set;

/**
 * The allow-list for user values (tasks, lambdas, pool inputs and results, notebook variables) that travel as
 * bytes and are read with the notebook's class loader. What "allowed" means for values whose classes nobody
 * can list in advance:
 * <ul>
 * <li>the user's own classes: those defined by the given loader or a loader between it and the application
 *     class loader (the notebook's cell classes); when the given loader is the application class loader itself
 *     (a plain program using workers, whose classes are on the class path), the class path's unnamed-module
 *     classes;</li>
 * <li>the packages the caller names (the worker API's own serializable types);</li>
 * <li>a fixed list of JDK value types: boxes, strings, big numbers, dates and times, the collections, atomics,
 *     exceptions, stack frames, and {@link java.lang.invoke.SerializedLambda} (a serializable lambda; its
 *     capturing class must itself be allowed, so only user and named-package lambdas come back to life).</li>
 * </ul>
 * Everything else, the JDK's and libraries' classes with side effects when read among them, is rejected. A user
 * value of another JDK type fails with a message naming its class.
 */
public final class UserValues {
    private static final Set<String> JDK_VALUES = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Number", "java.lang.Enum", "java.lang.Record", "java.lang.StackTraceElement",
            "java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.invoke.SerializedLambda",
            "java.math.BigInteger", "java.math.BigDecimal", "java.math.MathContext", "java.math.RoundingMode",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.Vector",
            "java.util.Stack", "java.util.PriorityQueue", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.Hashtable", "java.util.IdentityHashMap", "java.util.WeakHashMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumMap",
            "java.util.EnumSet$SerializationProxy", "java.util.BitSet", "java.util.UUID", "java.util.Date",
            "java.util.Locale", "java.util.Random", "java.util.Optional", "java.util.CollSer",
            "java.util.Arrays$ArrayList", "java.util.AbstractMap$SimpleEntry",
            "java.util.AbstractMap$SimpleImmutableEntry", "java.util.Comparators$NaturalOrderComparator",
            "java.util.regex.Pattern", "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.ConcurrentHashMap$Segment", "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentSkipListMap",
            "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.locks.ReentrantLock",
            "java.util.concurrent.locks.ReentrantLock$NonfairSync", "java.util.concurrent.locks.ReentrantLock$Sync",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer",
            "java.util.concurrent.locks.AbstractOwnableSynchronizer");
    /** Whole JDK packages of plain values ({@code java.time} writes everything through its own {@code Ser}). */
    private static final Set<String> JDK_VALUE_PACKAGES = Set.of("java.time", "java.time.chrono",
            "java.util.concurrent.atomic");

    private UserValues() {
    }

    /**
     * The allow-list for a value of {@code size} bytes read with {@code loader}; {@code ownPackages} are
     * packages (exact names) whose serializable types are part of the API, e.g. {@code lessonbook.workers}.
     */
    public static AllowList allowList(ClassLoader loader, Set<String> ownPackages, long size) {
        return AllowList.of(type -> isUserClass(type, loader) || ownPackages.contains(type.getPackageName())
                || isJdkValue(type), AllowList.Limits.userValues(size));
    }

    static boolean isJdkValue(Class<?> type) {
        String name = type.getName();
        if (JDK_VALUES.contains(name) || JDK_VALUE_PACKAGES.contains(type.getPackageName())) {
            return true;
        }
        if (name.startsWith("java.util.ImmutableCollections$") || name.startsWith("java.util.Collections$")) {
            return true;   // List.of, Map.of, unmodifiable and synchronized views, empty and singleton collections
        }
        // exceptions are plain data (a message, a cause, stack frames); only the JDK's own, of java.* packages
        return Throwable.class.isAssignableFrom(type) && name.startsWith("java.") && type.getClassLoader() == null;
    }

    private static boolean isUserClass(Class<?> type, ClassLoader loader) {
        ClassLoader app = ClassLoader.getSystemClassLoader();
        ClassLoader defining = type.getClassLoader();
        if (defining == null || loader == null) {
            return false;
        }
        if (loader == app) {
            return defining == app && !type.getModule().isNamed();
        }
        for (ClassLoader l = loader; l != null && l != app && l != ClassLoader.getPlatformClassLoader(); l = l.getParent()) {
            if (l == defining) {
                return true;
            }
        }
        return false;
    }
}
