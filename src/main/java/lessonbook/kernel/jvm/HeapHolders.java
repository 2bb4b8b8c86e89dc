package lessonbook.kernel.jvm;

import java.lang.reflect.Array;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.VarSnippet;

/**
 * Which of the notebook's variables hold the heap after a cell ran out of memory, in words for the cell: the
 * student who grew {@code hog} in an endless loop reads "hog (an ArrayList of 29,197 elements)" and knows what to
 * set to null. Only arrays and the JDK's own collections, maps and character sequences are measured: their size
 * is a field read, where calling {@code size()} on a cell's own class would run the student's code.
 * Threading: on the evaluating thread, between cells.
 */
final class HeapHolders {
    /** Smaller holders are not what filled a heap. */
    private static final long FEWEST_BYTES = 1 << 20;
    private static final long REFERENCE_BYTES = 8;
    private static final long OBJECT_BYTES = 16;
    private static final long MAP_ENTRY_BYTES = 48;

    private HeapHolders() {
    }

    /** A variable and what its value holds; {@code bytes}, a rough guess, ranks holders. */
    record Holder(String name, String description, long bytes) {
        @Override
        public String toString() {
            return name + " (" + description + ")";
        }
    }

    /** The {@code limit} variables holding the most, most first; empty when none can be measured. */
    static List<Holder> largest(JShell jshell, ClassDumpingExecutionControl control, int limit) {
        List<Holder> holders = new ArrayList<>();
        try {
            for (VarSnippet variable : jshell.variables().collect(Collectors.toList())) {
                Holder holder = measure(variable.name(), valueOf(jshell, control, variable));
                if (holder != null && holder.bytes() >= FEWEST_BYTES) {
                    holders.add(holder);
                }
            }
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            // what was found so far; the message says the rest in general terms
        }
        holders.sort(Comparator.comparingLong(Holder::bytes).reversed());
        return holders.subList(0, Math.min(limit, holders.size()));
    }

    /** The message for a heap still full after a cell. */
    static String stillFullMessage(KernelMemory.HeapInUse heap, List<Holder> holders) {
        String held = holders.isEmpty()
                ? "held by the notebook's variables or by threads a cell started. Set the variable that holds it"
                        + " to null"
                : "held by the notebook's variables: " + holders.stream().map(Holder::toString)
                        .collect(Collectors.joining(", ")) + ". Set " + (holders.size() == 1 ? "it" : "the one that"
                        + " holds it") + " to null (" + holders.get(0).name() + " = null;)";
        return "The kernel's memory is still full after this cell: " + megabytes(heap.usedBytes()) + " of "
                + megabytes(heap.maxBytes()) + " MB in use, " + held + ", or restart the kernel. Until then every cell"
                + " runs slowly, and one more OutOfMemoryError may end the kernel.";
    }

    private static Object valueOf(JShell jshell, ClassDumpingExecutionControl control, VarSnippet variable) {
        try {
            return NotebookVariables.read(jshell, control, variable);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;   // not loaded (a declaration that failed), or not readable: not measured
        }
    }

    /**
     * What {@code value} holds, or null when it is not measured. Its size in bytes is a guess for ranking only
     * (each element taken as big as the first, shallowly); what the message shows is a count, which is exact.
     */
    static Holder measure(String name, Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            int length = Array.getLength(value);
            Class<?> component = type.getComponentType();
            if (component.isPrimitive()) {
                long bytes = length * bytesOf(component);
                return new Holder(name, ValuePreview.article(type.getSimpleName()) + " of "
                        + count(length, "element") + ", " + megabytes(bytes) + " MB", bytes);
            }
            Object first = length == 0 ? null : Array.get(value, 0);
            return new Holder(name, ValuePreview.article(type.getSimpleName()) + " of " + count(length, "element"),
                    length * (REFERENCE_BYTES + shallowBytes(first)));
        }
        if (type.getClassLoader() != null) {
            return null;   // a cell's own class: its size() would run its code
        }
        if ((value instanceof Collection || value instanceof Map) && !ValuePreview.isPlainContainer(type)) {
            return null;   // a wrapper (Collections.unmodifiableList) asks what it wraps, maybe a cell's class
        }
        if (value instanceof Collection) {
            Collection<?> collection = (Collection<?>) value;
            long size = collection.size();
            Object first = value instanceof List && size > 0 ? ((List<?>) value).get(0) : null;
            return new Holder(name, ValuePreview.article(shownName(type)) + " of " + count(size, "element"),
                    size * (REFERENCE_BYTES + shallowBytes(first)));
        }
        if (value instanceof Map) {
            long size = ((Map<?, ?>) value).size();
            return new Holder(name, ValuePreview.article(shownName(type)) + " of " + count(size, "entry"),
                    size * MAP_ENTRY_BYTES);
        }
        if (value instanceof CharSequence) {
            long length = ((CharSequence) value).length();
            return new Holder(name, ValuePreview.article(shownName(type)) + " of " + count(length, "character"), length);
        }
        return null;
    }

    /** An element's own size when it is an array or a string (a list of arrays is how a heap is filled), else an object's. */
    private static long shallowBytes(Object element) {
        if (element == null) {
            return 0;
        }
        Class<?> type = element.getClass();
        if (type.isArray() && type.getComponentType().isPrimitive()) {
            return Array.getLength(element) * bytesOf(type.getComponentType());
        }
        if (type.isArray()) {
            return Array.getLength(element) * REFERENCE_BYTES;
        }
        return element instanceof String ? ((String) element).length() : OBJECT_BYTES;
    }

    private static long bytesOf(Class<?> primitive) {
        if (primitive == long.class || primitive == double.class) {
            return 8;
        }
        if (primitive == int.class || primitive == float.class) {
            return 4;
        }
        return primitive == short.class || primitive == char.class ? 2 : 1;
    }

    private static String count(long n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? noun : plural);
    }

    /** ArrayList as it is; the JDK's hidden classes by what a student knows them as (List.of's ListN: List). */
    private static String shownName(Class<?> type) {
        if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass()) {
            return type.getSimpleName();
        }
        for (Class<?> known : List.of(List.class, Set.class, Map.class, Collection.class, CharSequence.class)) {
            if (known.isAssignableFrom(type)) {
                return known.getSimpleName();
            }
        }
        return type.getSimpleName();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d", Math.round(bytes / (1024.0 * 1024.0)));
    }
}
