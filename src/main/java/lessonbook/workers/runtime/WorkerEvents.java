package lessonbook.workers.runtime;

/** Where a worker's life and output are reported. Implementations must be thread-safe and must not block long. */
public interface WorkerEvents {
    void started(String worker, long pid, long epochMillis);

    /**
     * One line of output, without its line terminator. What a worker printed after its last newline before it
     * ended comes as a line too, and an over-long line comes in pieces (see {@code OutputPump.MAX_LINE}).
     */
    void line(String worker, long pid, boolean stderr, String text);

    /**
     * The worker ended; {@code cpuMillis} is the CPU time its JVM used from {@link #started} on (a ready spare JVM's
     * own start-up came before and is not counted), so that it compares with the lane's wall time.
     */
    void exited(String worker, long pid, int exitCode, long epochMillis, long cpuMillis);

    /**
     * While the worker runs, about every half second when it used CPU since the last report: its CPU time so far,
     * counted as in {@link #exited}. Called on the runtime's sampler thread; must return quickly.
     */
    default void cpu(String worker, long pid, long cpuMillis) {
    }

    /**
     * While the worker runs, when what it waits for changed (sampled about every 100 ms): {@code waitingOn} names
     * the shared object one of its threads has waited on for over ~50 ms (null: none), {@code holding} a lock one
     * of its threads holds (null: none). Called on a thread that reads the worker's control channel; must
     * return quickly. A worker started while no spare JVM was ready waits for {@link ChildJvm#STARTING_JVM} from
     * {@link #started} until its JVM connected.
     */
    default void waits(String worker, long pid, String waitingOn, String holding) {
    }
}
