package lessonbook.workers;

/**
 * Options of a {@link WorkerPool} beyond its size, as Python's {@code Pool(processes, initializer,
 * maxtasksperchild)}:
 * <pre>{@code
 * var pool = new WorkerPool(4, new PoolOptions()
 *         .initializer(() -> Lookup.load())      // once in each worker, before its first task
 *         .maxTasksPerWorker(100));              // then the worker is replaced by a fresh process
 * }</pre>
 * The pool copies the options when it is created; changing them later does not affect it. Serializable, so that
 * a notebook variable holding options is copied into workers like any other.
 */
public final class PoolOptions implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private SerializableRunnable initializer;
    private int maxTasksPerWorker;

    /**
     * Runs once in each worker process before its first task (e.g. to load a table every task reads), and again in
     * that worker if cells redefine classes later (the worker then loads them anew, with empty static fields). If it
     * throws, every call on the pool fails with a {@link WorkerException} naming it, instead of starting workers
     * that fail again and again.
     */
    public PoolOptions initializer(SerializableRunnable init) {
        this.initializer = init;
        return this;
    }

    /**
     * After this many tasks a worker exits and a fresh process replaces it (0, the default: never), which frees what
     * a task leaks. A task is one {@code apply}, or one chunk of a {@code map} (see its chunk size), as in Python.
     */
    public PoolOptions maxTasksPerWorker(int tasks) {
        if (tasks < 0) {
            throw new IllegalArgumentException("maxTasksPerWorker must be 0 (no limit) or more, not " + tasks);
        }
        this.maxTasksPerWorker = tasks;
        return this;
    }

    SerializableRunnable initializer() {
        return initializer;
    }

    int maxTasksPerWorker() {
        return maxTasksPerWorker;
    }
}
