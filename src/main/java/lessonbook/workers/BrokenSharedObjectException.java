package lessonbook.workers;

/**
 * A shared object (queue, lock, event...) cannot go on: a process died holding it, every process that could
 * have woken a waiter has ended, or its memory is gone because the process that made it ended. Thrown instead
 * of waiting forever, which is what Python's {@code multiprocessing} does in these cases.
 */
public final class BrokenSharedObjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenSharedObjectException(String message) {
        super(message);
    }
}
