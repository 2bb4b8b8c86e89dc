package lessonbook.workers;

/**
 * A wait on a shared object (queue get, lock, event, barrier...) was interrupted, e.g. by the notebook's
 * Interrupt. Unchecked so that a worker's lambda needs no try/catch; the thread's interrupt flag is set again.
 */
public final class WaitInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WaitInterruptedException(String what) {
        super("interrupted while waiting for " + what);
        Thread.currentThread().interrupt();
    }
}
