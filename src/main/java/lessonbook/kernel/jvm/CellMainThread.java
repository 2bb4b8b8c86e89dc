package lessonbook.kernel.jvm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jdk.jshell.spi.ExecutionControl.StoppedException;

/**
 * The one long-lived thread every snippet runs on: named "main", in a thread group named "main", as in the
 * {@code jshell} tool's agent. So a cell printing {@code Thread.currentThread().getName()} sees "main", a
 * {@code ThreadLocal} set in one cell is there in the next, and the threads a cell creates are in group "main"
 * too (numbered from Thread-0, see {@link ThreadNumbers}). The group is the kernel's own (a child of the JVM's
 * "main" group): only this thread and what cells start live in it, never the kernel's own threads.
 *
 * <p>Why not JShell's own local engine loop: it waits for every thread of its group that it sees right after
 * starting the snippet. On JDK 19 and later, counting a group's threads walks all live threads, slow enough that
 * a thread the cell starts is often already there; a cell whose background thread waits for a later cell then
 * never finishes, and the kernel hangs (seen on JDK 25). Here the kernel waits for this thread's snippet only.
 * A background thread's uncaught exception goes to {@code uncaught} (JShell's group drops it on JDK 20+).
 *
 * <p>Stopping (interrupt): this thread while it runs a snippet, and every thread of the group that the running
 * snippet started (those alive when it began, started by earlier cells, are left alone, as before). Stopped with
 * {@code Thread.stop} where the JDK still has it (up to 19); from JDK 20 it throws, and an interrupt ends sleeps,
 * waits and interruptible I/O while JShell's own stop check (see {@link ClassDumpingExecutionControl#stop()})
 * ends loops in cell code. A stop that lands just as a snippet ends is mostly caught here, so the thread lives on;
 * one that ends it anyway ends that snippet, and the next gets a new "main" thread (see {@link #run}). Its interrupt
 * status is cleared before each snippet, so a late interrupt never ends the next cell's first sleep.
 *
 * <p>Threading: {@link #run} on the kernel's evaluating thread, one at a time; {@link #stop} from any thread.
 */
final class CellMainThread {
    static final String NAME = "main";
    private static volatile boolean threadStopUnsupported;

    /** How often the evaluating thread looks whether this thread is still there while it waits for a snippet. */
    private static final long WATCH_MS = 50;

    private final ThreadGroup group;
    /** Guards {@link #pending}; this thread waits on it for the next snippet. */
    private final Object handoff = new Object();
    /** The snippet the evaluating thread waits for; stays here until it ends, so a lost pick-up is picked up again. */
    private Job pending;
    /** Held while stopping, and while the thread marks a snippet's end: no stop is sent after that mark. */
    private final Object stopLock = new Object();
    /** Started by the evaluating thread; replaced when a stray stop ended it. */
    private volatile Thread thread;
    private volatile Job running;

    private static final class Job {
        final Method doIt;
        final Function<Object, String> shown;
        final String cellId;
        final Set<Thread> earlier;
        final CountDownLatch done = new CountDownLatch(1);
        /** Set by this thread as it takes the snippet on: from then on a death of the thread ends the snippet. */
        volatile boolean started;
        volatile Ran result;
        volatile Throwable failure;

        Job(Method doIt, Function<Object, String> shown, String cellId, Set<Thread> earlier) {
            this.doIt = doIt;
            this.shown = shown;
            this.cellId = cellId;
            this.earlier = earlier;
        }
    }

    /** What a snippet returned, and its text as the engine shows it. */
    record Ran(Object value, String text) {
    }

    CellMainThread(Thread.UncaughtExceptionHandler uncaught) {
        this.group = new ThreadGroup(NAME) {
            @Override
            public void uncaughtException(Thread t, Throwable e) {
                uncaught.uncaughtException(t, e);
            }
        };
    }

    /**
     * Runs one snippet on the "main" thread to its end, and there makes its value's text with {@code shown} (the
     * value's toString(), the cell's code too); a stop surfaces as JShell's {@link StoppedException}.
     * <p>
     * Why it watches instead of only waiting: {@code Thread.stop} is delivered when the stopped thread next
     * checks for it, which can be after the snippet ended, in this class's own hand-back (a stop sent as the
     * snippet returned, seen in a stress test within ~30 snippets). Such a stop can end this thread or cut a
     * count-down short, and a plain wait then never returns: the interrupted cell never ends and the host
     * restarts the kernel. So the wait looks every {@value #WATCH_MS} ms: a snippet whose thread died after
     * taking it on was stopped; one whose thread died before gets a new thread.
     */
    Ran run(Method doIt, Function<Object, String> shown) throws Exception {
        Set<Thread> earlier = Collections.newSetFromMap(new IdentityHashMap<>());
        earlier.addAll(threads());
        Job job = new Job(doIt, shown, CellContext.current(), earlier);
        synchronized (handoff) {
            pending = job;
            handoff.notifyAll();
        }
        try {
            do {
                Thread serving = thread;
                if (serving == null || !serving.isAlive()) {
                    if (job.started) {
                        break;
                    }
                    serving = new Thread(group, this::serve, NAME);
                    serving.setDaemon(false);
                    thread = serving;
                    serving.start();
                }
            } while (!job.done.await(WATCH_MS, TimeUnit.MILLISECONDS));
        } finally {
            synchronized (handoff) {
                pending = null;
            }
        }
        Throwable failure = job.failure;
        if (failure == null && job.done.getCount() > 0) {
            throw new StoppedException();   // the thread died under a stop before it could say so
        }
        if (failure == null) {
            return job.result;
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

    /**
     * This thread's loop. A stop that lands outside a snippet (as it ended, or while idle) is caught here; one
     * that lands in the catch or the count-down ends the thread, which {@link #run} notices.
     */
    private void serve() {
        while (true) {
            Job job = null;
            try {
                job = next();
                runOne(job);
            } catch (Throwable stray) {
                if (job != null && job.failure == null) {
                    job.failure = stray;
                }
            } finally {
                if (job != null) {
                    job.done.countDown();
                }
            }
        }
    }

    /** The waiting snippet not yet taken on; a pick-up that a stray stop cut short finds it again. */
    private Job next() throws InterruptedException {
        synchronized (handoff) {
            while (pending == null || pending.started) {
                handoff.wait();
            }
            return pending;
        }
    }

    private void runOne(Job job) {
        job.started = true;
        Thread.interrupted();
        CellContext.adopt(job.cellId);
        running = job;
        try {
            Object value = job.doIt.invoke(null);
            String text;
            try {
                // The value's toString() is the cell's code too: on this thread, so that Interrupt stops one that
                // never returns, and what it throws is the cell's error.
                text = job.shown.apply(value);
            } catch (Throwable e) {
                throw new InvocationTargetException(e);
            }
            job.result = new Ran(value, text);
        } catch (Throwable e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            if (cause instanceof OutOfMemoryError) {
                KernelMemory.cellRanOutOfMemory();   // first, so what follows has room
                // Method.invoke could not even wrap it: wrapped here, the engine reports it as the cell's error
                e = e == cause ? new InvocationTargetException(e) : e;
            }
            job.failure = e;
        } finally {
            synchronized (stopLock) {
                running = null;
            }
        }
    }

    @SuppressWarnings("removal")
    private static boolean isStop(Throwable cause) {
        return cause instanceof ThreadDeath;
    }

    /** Stops the running snippet and the threads it started; nothing when no snippet runs. */
    void stop() {
        Job job;
        synchronized (stopLock) {
            job = running;
            if (job == null) {
                return;
            }
            stop(thread);
        }
        for (Thread t : threads()) {
            if (t != thread && !job.earlier.contains(t)) {
                stop(t);
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        if (!threadStopUnsupported) {
            try {
                t.stop();
                return;
            } catch (UnsupportedOperationException e) {
                threadStopUnsupported = true;
            }
        }
        t.interrupt();
    }

    private List<Thread> threads() {
        Thread[] threads;
        int count;
        do {
            threads = new Thread[group.activeCount() + 8];
            count = group.enumerate(threads, true);
        } while (count == threads.length);
        return new ArrayList<>(Arrays.asList(threads).subList(0, count));
    }
}
