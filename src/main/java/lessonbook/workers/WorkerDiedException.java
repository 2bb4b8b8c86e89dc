package lessonbook.workers;

/** A pool worker's process ended (System.exit, OutOfMemoryError, killed) while it was running a task. */
public final class WorkerDiedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String workerName;
    private final long pid;
    private final int exitCode;

    WorkerDiedException(String workerName, long pid, int exitCode, String inputs) {
        super(workerName + " (pid " + pid + ") died with exit code " + exitCode + " while running " + inputs);
        this.workerName = workerName;
        this.pid = pid;
        this.exitCode = exitCode;
    }

    public String workerName() {
        return workerName;
    }

    public long pid() {
        return pid;
    }

    public int exitCode() {
        return exitCode;
    }
}
