package lessonbook.workers.runtime;

/**
 * The exceptions a pool's calls fail with, made by the API (whose exception types the user catches) and handed to
 * {@link PoolDispatcher}: the runtime reports what happened, the API says it in its own types.
 */
public interface PoolFailures {
    /** The function threw on the input at {@code inputIndex} (of the caller's inputs). */
    RuntimeException taskFailed(String worker, long pid, int inputIndex, Messages.Failure failure);

    /** The pool's initializer threw in a worker: every call on the pool fails with this from now on. */
    RuntimeException initializerFailed(String worker, long pid, Messages.Failure failure);

    /**
     * The worker's process ended while running {@code inputs} ("input 3", "inputs 0-124"); {@code outOfMemory} is
     * what it ran out of ("Java heap space") when that ended it, else null.
     */
    RuntimeException workerDied(String worker, long pid, int exitCode, String outOfMemory, String inputs);

    /**
     * {@code attempts} workers in a row ended before they connected (a JVM option it rejects, a machine out of
     * memory): every call on the pool fails with this from now on, rather than the pool starting workers forever.
     */
    RuntimeException workersCannotStart(String worker, long pid, int exitCode, int attempts);
}
