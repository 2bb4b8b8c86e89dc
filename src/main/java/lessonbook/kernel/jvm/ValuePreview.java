package lessonbook.kernel.jvm;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import lessonbook.model.PrintableText;

/**
 * A variable's value in a few words for the Variables panel, read without running any of the notebook's code:
 * a student's {@code toString} that loops or throws would otherwise freeze the kernel between two cells. What is
 * shown: numbers, booleans, characters and strings (quoted, cut), enums by name, the JDK's value types
 * ({@code java.time}, {@code BigDecimal}...), the worker API's objects by their own {@code toString}, arrays and the JDK's everyday collections and maps with their size and
 * first elements, records with their components read from their fields; any other object as its class ("a
 * Counter"). Bounded: at most {@value #MAX_CHARS} characters, {@value #MAX_ELEMENTS} elements a level, two levels.
 *
 * <p>Threading: on the kernel's serving thread, between cells. A cell's background thread may change a
 * collection meanwhile; then the preview says so instead of failing.
 */
final class ValuePreview {
    static final int MAX_CHARS = 200;
    static final int MAX_ELEMENTS = 10;
    private static final int MAX_DEPTH = 2;
    /** About 3,000 decimal digits: a number this long is cut in the preview anyway. */
    private static final int HUGE_BITS = 10_000;

    /**
     * The JDK's collections and maps whose iteration and size run only JDK code. A wrapper such as
     * {@code Collections.unmodifiableList} is left out: it delegates to what it wraps, which may be a cell's class.
     */
    private static final Set<String> PLAIN_CONTAINERS = Set.of("java.util.ArrayList", "java.util.LinkedList",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque", "java.util.PriorityQueue",
            "java.util.Vector", "java.util.Stack", "java.util.Arrays$ArrayList", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$MapN",
            "java.util.ImmutableCollections$Map1", "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.ArrayBlockingQueue",
            "java.util.EnumMap");

    /** JDK types whose own {@code toString} reads only their own state. */
    private static final Set<String> VALUE_PACKAGES = Set.of("java.time", "java.math", "java.nio.file",
            "java.util.concurrent.atomic");

    private ValuePreview() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        try {
            append(out, value, 0);
        } catch (RuntimeException | LinkageError e) {
            // a collection changed under the iteration (a cell's thread), or a field could not be read
            out.append(out.length() == 0 ? "(changing: run the cell again to see it)" : "\u2026");
        }
        return cut(PrintableText.of(out.toString()));   // a NUL in a string shows as \u0000, as in the output
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (out.length() > MAX_CHARS) {
            return;
        }
        if (value == null) {
            out.append("null");
            return;
        }
        Class<?> type = value.getClass();
        if (value instanceof String s) {
            out.append('"').append(cut(s).replace("\n", "\\n")).append('"');
        } else if (value instanceof Character c) {
            out.append('\'').append(c).append('\'');
        } else if (value instanceof java.math.BigInteger big && big.bitLength() > HUGE_BITS) {
            // its toString takes seconds for a factorial of 100,000 (456,574 digits), and the cell waits behind it
            out.append("a BigInteger of ").append(big.bitLength()).append(" bits");
        } else if (value instanceof java.math.BigDecimal big && big.unscaledValue().bitLength() > HUGE_BITS) {
            out.append("a BigDecimal of ").append(big.precision()).append(" digits");
        } else if (isPlainValue(type)) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            out.append(e.name());   // final in Enum: no cell code runs
        } else if (type.isArray()) {
            appendElements(out, Array.getLength(value), arrayIterator(value), depth,
                    type.getComponentType().getSimpleName() + "[" + Array.getLength(value) + "]");
        } else if (isPlainContainer(type) && value instanceof Collection<?> c) {
            appendElements(out, c.size(), c.iterator(), depth, type.getSimpleName());
        } else if (isPlainContainer(type) && value instanceof Map<?, ?> m) {
            appendElements(out, m.size(), m.entrySet().iterator(), depth, type.getSimpleName());
        } else if (value instanceof Map.Entry<?, ?> entry && type.getClassLoader() == null) {
            append(out, entry.getKey(), depth);
            out.append('=');
            append(out, entry.getValue(), depth);
        } else if (isStudentApi(type)) {
            out.append(value);   // lessonbook.workers' own toString: "WorkerQueue[Result, 0 items]", a counter's value
        } else if (type.isRecord() && depth < MAX_DEPTH) {
            appendRecord(out, value, depth);
        } else if (type.isSynthetic() || type.getName().contains("$$Lambda")) {
            out.append("a lambda");
        } else {
            out.append(article(type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName()));
        }
    }

    /** True for the JDK's everyday collections and maps, whose size and iteration run no cell code. */
    static boolean isPlainContainer(Class<?> type) {
        return PLAIN_CONTAINERS.contains(type.getName());
    }

    /**
     * The student API's own classes (WorkerQueue, SharedLong, Worker...), whose toString reads shared memory or
     * the worker's state without locks. A cell's subclass of one is in JShell's package, so it is not one of them.
     */
    private static boolean isStudentApi(Class<?> type) {
        return type.getPackageName().equals("lessonbook.workers")
                && type.getClassLoader() == ValuePreview.class.getClassLoader();
    }

    private static boolean isPlainValue(Class<?> type) {
        if (type.getClassLoader() != null) {
            return false;
        }
        Package p = type.getPackage();
        String name = p == null ? "" : p.getName();
        return Number.class.isAssignableFrom(type) && name.startsWith("java.") || type == Boolean.class
                || VALUE_PACKAGES.contains(name);
    }

    private static void appendElements(StringBuilder out, int size, Iterator<?> elements, int depth, String label) {
        out.append(label);
        if (depth >= MAX_DEPTH) {
            out.append(" (").append(size).append(size == 1 ? " element)" : " elements)");
            return;
        }
        out.append(" {");
        int shown = 0;
        while (elements.hasNext() && shown < MAX_ELEMENTS && out.length() <= MAX_CHARS) {
            out.append(shown == 0 ? "" : ", ");
            append(out, elements.next(), depth + 1);
            shown++;
        }
        out.append(shown < size ? (shown == 0 ? "\u2026" : ", \u2026") + " " + size + " in all}" : "}");
    }

    private static void appendRecord(StringBuilder out, Object value, int depth) {
        out.append(value.getClass().getSimpleName()).append('[');
        RecordComponent[] components = value.getClass().getRecordComponents();
        for (int i = 0; i < components.length && out.length() <= MAX_CHARS; i++) {
            out.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=');
            try {
                // the field, not the accessor: an accessor is the cell's code and may be overridden
                Field field = value.getClass().getDeclaredField(components[i].getName());
                field.setAccessible(true);
                append(out, field.get(value), depth + 1);
            } catch (ReflectiveOperationException | RuntimeException e) {
                out.append('?');
            }
        }
        out.append(']');
    }

    private static Iterator<Object> arrayIterator(Object array) {
        int length = Array.getLength(array);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < length;
            }

            @Override
            public Object next() {
                return Array.get(array, next++);
            }
        };
    }

    /** "an ArrayList", "a Counter": the words both the Variables panel and the out-of-memory message use. */
    static String article(String noun) {
        return ("AEIOU".indexOf(Character.toUpperCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    private static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "\u2026";
    }
}
