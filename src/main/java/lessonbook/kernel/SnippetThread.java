package lessonbook.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import jdk.jshell.spi.ExecutionControl.StoppedException;

/**
 * Runs one snippet's {@code do_it$} on a thread of its own thread group and waits for that thread only.
 *
 * <p>Why not JShell's own local engine loop: it waits for every thread of its group that it sees right after
 * starting the snippet. On JDK 19 and later, counting a group's threads walks all live threads, slow enough
 * that a thread the cell starts is often already there; a cell whose background thread waits for a later cell
 * then never finishes, and the kernel hangs (seen on JDK 25). Its group also drops a background thread's
 * uncaught exception on JDK 20+; here it goes to {@code uncaught}.
 *
 * <p>Stopping: {@code Thread.stop} where the JDK still has it (up to 19); from JDK 20 it throws, and an
 * interrupt ends sleeps, waits and interruptible I/O while JShell's own stop check (see
 * {@link ClassDumpingExecutionControl#stop()}) ends loops in cell code.
 */
final class SnippetThread {
    private static volatile boolean threadStopUnsupported;

    private final ThreadGroup group;
    private final Thread thread;
    private Object result;
    private Throwable failure;

    SnippetThread(Method doIt, Thread.UncaughtExceptionHandler uncaught) {
        this.group = new ThreadGroup("lessonbook cell") {
            @Override
            public void uncaughtException(Thread t, Throwable e) {
                uncaught.uncaughtException(t, e);
            }
        };
        this.thread = new Thread(group, () -> {
            try {
                result = doIt.invoke(null);
            } catch (Throwable e) {
                failure = e;
            }
        });
    }

    /** Runs the snippet to its end; a stop surfaces as JShell's {@link StoppedException}. */
    Object run() throws Exception {
        thread.start();
        thread.join();
        if (failure == null) {
            return result;
        }
        Throwable cause = failure instanceof InvocationTargetException ? failure.getCause() : failure;
        if (isStop(cause)) {
            throw new StoppedException();
        }
        if (failure instanceof Exception) {
            throw (Exception) failure;
        }
        throw (Error) failure;
    }

    @SuppressWarnings("removal")
    private static boolean isStop(Throwable cause) {
        return cause instanceof ThreadDeath;
    }

    /** Stops the snippet's thread and every thread it started that is still in its group. */
    @SuppressWarnings({"deprecation", "removal"})
    void stop() {
        for (Thread t : threads()) {
            if (!threadStopUnsupported) {
                try {
                    t.stop();
                    continue;
                } catch (UnsupportedOperationException e) {
                    threadStopUnsupported = true;
                }
            }
            t.interrupt();
        }
    }

    private List<Thread> threads() {
        Thread[] threads;
        int count;
        do {
            threads = new Thread[group.activeCount() + 8];
            count = group.enumerate(threads, true);
        } while (count == threads.length);
        return Arrays.asList(threads).subList(0, count);
    }
}
