package lessonbook.workers;

import lessonbook.workers.runtime.Messages;

/**
 * An exception thrown by user code in a pool worker, as the caller of {@code map} sees it: the worker's
 * exception class, message and stack trace (the stack trace of this exception is the worker's).
 */
public final class WorkerException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String workerName;
    private final long pid;
    private final int inputIndex;
    private final String remoteClassName;
    private final String remoteMessage;
    private final String remoteStackTrace;

    WorkerException(String workerName, long pid, int inputIndex, Messages.Failure failure) {
        this(workerName, pid, inputIndex, failure, workerName + " (pid " + pid + ") failed on input " + inputIndex + ": ");
    }

    /** With {@code lead} in front of the worker's exception class and message (inputIndex -1: no input). */
    WorkerException(String workerName, long pid, int inputIndex, Messages.Failure failure, String lead) {
        super(lead + failure.className() + (failure.message() == null ? "" : ": " + failure.message()));
        this.workerName = workerName;
        this.pid = pid;
        this.inputIndex = inputIndex;
        this.remoteClassName = failure.className();
        this.remoteMessage = failure.message();
        this.remoteStackTrace = failure.printed();
        setStackTrace(failure.stackTrace());
    }

    public String workerName() {
        return workerName;
    }

    public long pid() {
        return pid;
    }

    /** Index in the input list of the input whose call threw; -1 when no input was involved (the initializer). */
    public int inputIndex() {
        return inputIndex;
    }

    /** Class name of the exception thrown in the worker, e.g. {@code java.lang.ArithmeticException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    public String remoteMessage() {
        return remoteMessage;
    }

    /** The worker's own {@code printStackTrace()} text, causes included. */
    public String remoteStackTrace() {
        return remoteStackTrace;
    }
}
