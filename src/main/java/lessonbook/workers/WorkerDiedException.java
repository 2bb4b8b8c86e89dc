package lessonbook.workers;

import lessonbook.workers.runtime.WorkerJvmOptions;

/**
 * A pool worker's process ended (System.exit, OutOfMemoryError, killed) while it was running a task, or pool
 * workers kept ending before they could take any.
 */
public final class WorkerDiedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String workerName;
    private final long pid;
    private final int exitCode;

    static WorkerDiedException whileRunning(String workerName, long pid, int exitCode, String outOfMemory,
            String inputs) {
        String how = outOfMemory == null ? "died with exit code " + exitCode
                : "ran out of memory (OutOfMemoryError: " + outOfMemory + "; a worker's heap is -Xmx"
                        + WorkerJvmOptions.heap() + ", and -Dlessonbook.workers.xmx gives it more)";
        return new WorkerDiedException(workerName, pid, exitCode, workerName + " (pid " + pid + ") " + how
                + " while running " + inputs);
    }

    static WorkerDiedException beforeStarting(String workerName, long pid, int exitCode, int attempts) {
        return new WorkerDiedException(workerName, pid, exitCode, workerName + " (pid " + pid + ") exited with code "
                + exitCode + " before it could take any work; " + attempts + " pool workers in a row failed to start, "
                + "so the pool gives up; its output above says why (a JVM option in lessonbook.workers.jvmOptions "
                + "or lessonbook.workers.xmx that java rejects, or no memory left)");
    }

    private WorkerDiedException(String workerName, long pid, int exitCode, String message) {
        super(message);
        this.workerName = workerName;
        this.pid = pid;
        this.exitCode = exitCode;
    }

    /**
     * This exception with the stack of the thread that calls this: the pool makes it on its own thread, whose frames
     * tell a student nothing, and the caller of {@code map} rethrows it where the cell called.
     */
    WorkerDiedException thrownHere() {
        return new WorkerDiedException(workerName, pid, exitCode, getMessage());
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
