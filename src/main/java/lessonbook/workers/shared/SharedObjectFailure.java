package lessonbook.workers.shared;

/**
 * Why an operation on a shared object cannot go on. The machinery throws it; the public classes of
 * {@code lessonbook.workers} turn it into the student's own exception ({@code BrokenSharedObjectException},
 * {@code WaitInterruptedException}) at the call that reached it, so that this package knows nothing of the API
 * above it. Never reaches a student's code.
 */
public final class SharedObjectFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides the student's exception. */
    public enum Kind {
        /** A process died holding it, nobody is left to end a wait, or its memory is gone or damaged. */
        BROKEN,
        /** A wait on it was interrupted (the notebook's Interrupt); the thread's interrupt flag is set again. */
        INTERRUPTED
    }

    private final Kind kind;
    private final String what;

    private SharedObjectFailure(Kind kind, String what, String message) {
        super(message, null, false, true);
        this.kind = kind;
        this.what = what;
    }

    static SharedObjectFailure broken(String message) {
        return new SharedObjectFailure(Kind.BROKEN, null, message);
    }

    /** {@code what} the interrupted wait was for: "an item in queue #1". */
    static SharedObjectFailure interrupted(String what) {
        Thread.currentThread().interrupt();
        return new SharedObjectFailure(Kind.INTERRUPTED, what, "interrupted while waiting for " + what);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#INTERRUPTED}: what the wait was for; null otherwise. */
    public String what() {
        return what;
    }
}
