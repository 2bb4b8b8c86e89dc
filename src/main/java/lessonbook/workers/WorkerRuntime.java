package lessonbook.workers;

/** Process-wide entry of the worker runtime. (Placeholder until the worker runtime lands.) */
public final class WorkerRuntime {
    private static volatile WorkerHost host;

    private WorkerRuntime() {
    }

    /** Called once by the kernel at start-up so that workers load cell classes and report to cells. */
    public static void install(WorkerHost newHost) {
        host = newHost;
    }

    /** Ends every worker process this JVM started (interrupt, restart, shutdown). Returns quickly. */
    public static void terminateAll() {
    }
}
