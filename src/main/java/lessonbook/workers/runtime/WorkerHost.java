package lessonbook.workers.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * What the worker runtime needs from the process that starts workers. The kernel implements it so that
 * worker JVMs can load classes defined in cells, see the notebook's variables and stream their output into
 * the cell that started them. Outside a kernel {@link StandaloneHost} serves a plain Java program.
 */
public interface WorkerHost {

    /** Class path entries every worker JVM starts with (the runtime itself). */
    List<Path> runtimeClasspath();

    /**
     * Folders (or jars) with classes that code in a worker may need beyond the runtime: for the kernel, the
     * folder of dumped snippet classes. Read through a fresh class loader per {@link #classGeneration()}.
     */
    List<Path> userClasspath();

    /** Changes whenever user classes are defined or redefined, so workers stop using stale loaders. */
    long classGeneration();

    /** Top-level variables to copy into a worker when it starts, as fork would. */
    List<TopLevelVariable> topLevelVariables();

    /**
     * A sink bound to whoever is starting a worker right now (the kernel: the cell running on this thread),
     * so that the worker's lines and lifecycle land there even after that cell has finished.
     */
    WorkerEvents eventsForCaller();

    /** A warning shown to the user (the kernel: in the calling cell's output). */
    void warn(String message);

    /** The name of this process as {@code CurrentProcess.name()} reports it ("MainProcess" in a kernel). */
    String processName();

    /** How deep this process is in a tree of workers: 0 for a kernel or a plain program (see {@link WorkerLimits}). */
    default int depth() {
        return 0;
    }

    /** Whether this process is itself a daemon worker ({@code CurrentProcess.isDaemon()}); false in a kernel. */
    default boolean isDaemonProcess() {
        return false;
    }
}
