package lessonbook.workers;

import java.io.NotSerializableException;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import lessonbook.workers.runtime.ChildJvm;
import lessonbook.workers.runtime.TaskCodec;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * A task running in its own worker process (a child JVM with its own pid): Java's counterpart of Python's
 * {@code multiprocessing.Process}.
 * <pre>{@code
 * Worker w = new Worker(() -> factorial(5));
 * w.start();
 * w.join();
 * }</pre>
 * What the task prints streams into the cell that started it, each line tagged with the worker's name and pid.
 * An exception in the task prints its stack trace there and ends the worker with exit code 1.
 * <p>
 * Daemon: a daemon worker is ended when the process that started it ends; a non-daemon worker started by a
 * worker is waited for when that worker's task ends, as Python joins non-daemon children at exit. A kernel
 * lives on across cells, so there the difference shows at restart and shutdown only, which end every worker.
 */
public final class Worker implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SerializableRunnable task;
    private String name;
    private boolean daemon;
    private transient volatile ChildJvm child;
    /**
     * Set in a copy of this worker that another process received (a worker sees the notebook's variables,
     * a list of workers among them, as copies, the way fork copies Python's Process objects): it keeps what
     * was known when it was copied and cannot control the process.
     */
    private final Copy copy;

    public Worker(SerializableRunnable task) {
        if (task == null) {
            throw new IllegalArgumentException("a worker needs a task, e.g. new Worker(() -> work())");
        }
        this.task = task;
        this.name = WorkerRuntime.nextWorkerName();
        this.copy = null;
    }

    private Worker(Copy copy) {
        this.task = null;
        this.name = copy.name();
        this.daemon = copy.daemon();
        this.copy = copy;
    }

    private record Copy(String name, boolean daemon, Long pid, Integer exitCode) implements Serializable {
        private Object readResolve() {
            return new Worker(this);
        }
    }

    private Object writeReplace() {
        return copy != null ? copy : new Copy(name, daemon, pid(), exitCode());
    }

    private void requireOriginal(String what) {
        if (copy != null) {
            throw new IllegalStateException("cannot " + what + " " + name + " here: this is a copy made when this "
                    + "process started; only the process that created the worker can " + what + " it");
        }
    }

    /**
     * Starts {@code count} worker JVMs now and waits until they are ready, so that the next {@code count} workers
     * (or a pool of that size) start in milliseconds instead of paying for a JVM start each, much as Python's
     * forkserver does. Call it before a timed run; without it the first workers start cold.
     */
    public static void prestart(int count) {
        WorkerRuntime.prewarm(count);
    }

    /** Sets the name shown in output tags and by {@code CurrentProcess.name()} inside the worker. */
    public Worker name(String newName) {
        this.name = newName;
        return this;
    }

    public String name() {
        return name;
    }

    /** Marks the worker daemon (before {@link #start()}): it ends with the process that started it. */
    public Worker daemon(boolean isDaemon) {
        if (child != null) {
            throw new IllegalStateException("daemon must be set before start()");
        }
        this.daemon = isDaemon;
        return this;
    }

    public boolean isDaemon() {
        return daemon;
    }

    /**
     * Starts the worker process; returns as soon as it exists (its pid is known). Throws an
     * {@code IllegalStateException} that says why when this process already has as many workers alive as it may
     * (a worker is a whole JVM: see the package's table).
     */
    public synchronized void start() {
        requireOriginal("start");
        if (child != null) {
            throw new IllegalStateException("a worker can only be started once: " + this);
        }
        byte[] taskBytes;
        try {
            taskBytes = TaskCodec.encode(task);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the task of " + name + " captures a value that is not Serializable ("
                    + e.getMessage() + "); pass what it needs as serializable values", e);
        }
        child = WorkerRuntime.startTask(name, daemon, taskBytes);
    }

    /** Waits until the worker has ended and all its output was delivered. */
    public void join() {
        ChildJvm c = requireStarted("join");
        try {
            c.ended().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while joining " + name);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits at most {@code timeout}; returns whether the worker has ended. */
    public boolean join(Duration timeout) {
        ChildJvm c = requireStarted("join");
        try {
            c.ended().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while joining " + name);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public boolean join(long millis) {
        return join(Duration.ofMillis(millis));
    }

    /** The worker's process id, or null before {@link #start()}. */
    public Long pid() {
        if (copy != null) {
            return copy.pid();
        }
        ChildJvm c = child;
        return c == null ? null : c.pid();
    }

    /** The exit code once the worker has ended (0 ok, 1 its task threw), else null, like Python's exitcode. */
    public Integer exitCode() {
        if (copy != null) {
            return copy.exitCode();
        }
        ChildJvm c = child;
        return c != null && c.ended().isDone() ? c.ended().join() : null;
    }

    public boolean isAlive() {
        requireOriginal("check on");
        ChildJvm c = child;
        return c != null && c.isAlive();
    }

    /** Ends the worker process at once (it runs no more code, as with Python's terminate()). */
    public void terminate() {
        requireOriginal("terminate");
        ChildJvm c = child;
        if (c != null) {
            c.kill();
        }
    }

    private ChildJvm requireStarted(String what) {
        requireOriginal(what);
        ChildJvm c = child;
        if (c == null) {
            throw new IllegalStateException("can only " + what + " a started worker: " + this);
        }
        return c;
    }

    @Override
    public String toString() {
        if (copy != null) {
            return "<Worker(" + name + ", copy of pid " + copy.pid() + ")>";
        }
        ChildJvm c = child;
        String state;
        if (c == null) {
            state = "initial";
        } else if (c.ended().isDone()) {
            state = "stopped[" + c.ended().join() + "]";
        } else {
            state = "started";
        }
        return "<Worker(" + name + ", " + state + (daemon && !state.startsWith("stopped") ? " daemon" : "") + ")>";
    }

}
