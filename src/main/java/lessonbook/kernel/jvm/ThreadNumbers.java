package lessonbook.kernel.jvm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The JVM-wide counter behind the names of unnamed threads ("Thread-0", "Thread-1", ...), so that the threads
 * a lesson's cells create are numbered from Thread-0 as in the {@code jshell} tool, whose agent JVM runs nothing
 * else. Here the kernel JVM starts threads of its own: JShell's local engine starts an unnamed thread for every
 * snippet (our no-op run, see {@link ClassDumpingExecutionControl#invoke}), which this takes back.
 *
 * <p>The counter is private to {@code java.lang.Thread}: {@code threadInitNumber} up to JDK 18 (incremented under
 * the {@code Thread.class} monitor), {@code Thread$ThreadNumbering.next} from JDK 19 (incremented atomically). It
 * is reached through {@code --add-opens java.base/java.lang=ALL-UNNAMED}, which the kernel's launcher passes; a
 * kernel started without it, or a JDK that renamed the field, simply numbers as the JVM does (a cell's first
 * thread is then e.g. "Thread-3"), nothing fails.
 */
final class ThreadNumbers {
    private static final VarHandle COUNTER = counter();

    private ThreadNumbers() {
    }

    /** Whether numbering can be adjusted in this JVM (tests; a kernel without the option still works). */
    static boolean adjustable() {
        return COUNTER != null;
    }

    /** The number the next unnamed thread will get, or -1 when not reachable. */
    static int next() {
        if (COUNTER == null) {
            return -1;
        }
        synchronized (Thread.class) {
            return (int) COUNTER.getVolatile();
        }
    }

    /** Starts numbering again at 0: before the first cell, so the kernel's start-up threads leave no gap. */
    static void restartAtZero() {
        if (COUNTER != null) {
            synchronized (Thread.class) {
                COUNTER.setVolatile(0);
            }
        }
    }

    /**
     * Takes back the one number an internal thread took since {@link #next()} returned {@code mark}; if any
     * other thread was numbered meanwhile (a background thread of a cell), the count is left as it is, so
     * no name is ever handed out twice.
     */
    static void takeBack(int mark) {
        if (COUNTER == null || mark < 0) {
            return;
        }
        // JDK 17 increments under this monitor with a plain read and write; JDK 19+ with an atomic add.
        synchronized (Thread.class) {
            COUNTER.compareAndSet(mark + 1, mark);
        }
    }

    private static VarHandle counter() {
        try {
            Class<?> numbering = Runtime.version().feature() >= 19
                    ? Class.forName("java.lang.Thread$ThreadNumbering") : Thread.class;
            String field = numbering == Thread.class ? "threadInitNumber" : "next";
            return MethodHandles.privateLookupIn(numbering, MethodHandles.lookup())
                    .findStaticVarHandle(numbering, field, int.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
