package lessonbook.workers.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a shared object is called in the worker lanes and in its errors: {@code lock 'counter lock'} when the
 * student named it, else {@code lock #2}, numbered per kind in the process that made it (a notebook's objects are
 * made in the kernel, so its numbers count up in the order the cells made them). The text travels with the object
 * to every worker, so all of them call it the same.
 */
public final class SharedNames {
    /** A name is a label, not a payload: longer ones are refused rather than carried in every wait report. */
    static final int MAX_NAME_CHARS = 80;
    private static final Map<String, AtomicInteger> numbers = new ConcurrentHashMap<>();

    private SharedNames() {
    }

    /** A new object's description: {@code kind 'name'}, or {@code kind #n} when {@code name} is null. */
    public static String describe(String kind, String name) {
        if (name == null) {
            return kind + " #" + numbers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("a " + kind + "'s name cannot be blank; leave it out to get a number");
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("a " + kind + "'s name is a label of at most " + MAX_NAME_CHARS
                    + " characters, not " + name.length());
        }
        return kind + " '" + name + "'";
    }
}
