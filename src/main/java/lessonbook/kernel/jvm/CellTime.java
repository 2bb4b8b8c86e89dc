package lessonbook.kernel.jvm;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;

/**
 * {@code %%time}: how long a cell took, and what it cost, said after its output. IPython's {@code %%time} counts
 * only the CPU of the process it runs in, so a cell whose work is done by worker processes shows almost none, the
 * puzzle every multiprocessing course meets. Here the workers' CPU is counted beside the kernel's, and their sum
 * over the wall time says how many cores were busy on average: the speedup a lesson is about, read off one cell.
 *
 * <p>The kernel's CPU is its whole process (every thread: the cell's, javac's compile of the cell, the JIT), as the
 * operating system counts it, in its ticks (10 ms on Linux). Of it, the kernel's main thread's is said apart as
 * compiling the cell: that thread runs JShell, which compiles each snippet, while the cell's code runs on a thread
 * of its own ({@link CellMainThread}). IPython's {@code %%time} says its compile time apart too. Threading: made and
 * read on the kernel's main thread.
 */
final class CellTime {
    private final String cellId;
    private final WorkerCpuTally tally;
    private final WorkerCpuTally.Cell workers;
    private final long wallStart = System.nanoTime();
    private final Optional<Duration> kernelCpuStart = kernelCpu();
    private final long compileCpuStart = mainThreadCpuNanos();

    private CellTime(String cellId, WorkerCpuTally tally) {
        this.cellId = cellId;
        this.tally = tally;
        this.workers = tally.open(cellId);
    }

    /** Starts the clocks for a cell, just before its first magic or snippet. */
    static CellTime start(String cellId, WorkerCpuTally tally) {
        return new CellTime(cellId, tally);
    }

    /** Stops the clocks and says what they read: one line of Lessonbook's annotation under the cell's output. */
    Output.Info stop(Outcome outcome) {
        long wallNanos = System.nanoTime() - wallStart;
        long compileNanos = compileCpuStart < 0 ? -1 : mainThreadCpuNanos() - compileCpuStart;
        Optional<Duration> kernel = kernelCpuStart.flatMap(start -> kernelCpu().map(end -> end.minus(start)));
        workers.refresh();
        tally.close(cellId);
        long kernelMillis = kernel.map(Duration::toMillis).orElse(-1L);
        return new Output.Info(line(outcome, wallNanos / 1_000_000,
                new Kernel(kernelMillis, compileNanos < 0 || kernelMillis < 0 ? -1 : compileNanos / 1_000_000),
                workers.count(), workers.running(), workers.cpuMillis(), Runtime.getRuntime().availableProcessors()));
    }

    /** The kernel's CPU in the cell, and of it the main thread's (compiling), each -1 where not known. */
    record Kernel(long cpuMillis, long compilingMillis) {
    }

    /**
     * The line, from its figures, e.g. "time: wall 1.62 s · CPU 3.03 s: 10 workers 2.91 s, kernel 120 ms (compiling
     * the cell 40 ms) · on average 1.87 of 2 cores busy".
     */
    static String line(Outcome outcome, long wallMillis, Kernel kernel, int workers, int stillRunning,
            long workerCpuMillis, int cores) {
        long kernelCpuMillis = kernel.cpuMillis();
        StringBuilder text = new StringBuilder("time");
        if (outcome == Outcome.INTERRUPTED) {
            text.append(" (until interrupted)");
        } else if (outcome != Outcome.OK) {
            text.append(" (until it failed)");
        }
        text.append(": wall ").append(duration(wallMillis));
        if (kernelCpuMillis < 0) {
            text.append(" · CPU of this kernel not known on this system");
            if (workers > 0) {
                text.append(" · ").append(workersPart(workers, stillRunning, workerCpuMillis));
            }
            return text.toString();
        }
        long cpu = kernelCpuMillis + workerCpuMillis;
        text.append(" · CPU ").append(duration(cpu)).append(": ");
        if (workers > 0) {
            text.append(workersPart(workers, stillRunning, workerCpuMillis)).append(", ");
        }
        text.append("kernel ").append(duration(kernelCpuMillis));
        if (kernel.compilingMillis() >= 0) {
            // the thread's clock is exact where the process's counts ticks: never more than the whole
            text.append(" (compiling the cell ").append(duration(Math.min(kernelCpuMillis, kernel.compilingMillis())))
                    .append(')');
        }
        if (wallMillis >= 20) {   // below that, a 10 ms tick makes the ratio meaningless
            text.append(String.format(Locale.ROOT, " · on average %.2f of %d %s busy", cpu / (double) wallMillis,
                    cores, cores == 1 ? "core" : "cores"));
        }
        return text.toString();
    }

    private static String workersPart(int workers, int stillRunning, long cpuMillis) {
        return workers + (workers == 1 ? " worker " : " workers ") + duration(cpuMillis)
                + (stillRunning > 0 ? " so far, " + stillRunning + " still alive" : "");
    }

    /** "280 ms", "1.62 s", "2 min 3.4 s". */
    static String duration(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %.1f s", millis / 60_000, millis % 60_000 / 1000.0);
    }

    /** This thread's CPU in ns, or -1 where the JVM cannot say (a runtime without {@code java.management}). */
    private static long mainThreadCpuNanos() {
        try {
            return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        } catch (UnsupportedOperationException | LinkageError e) {
            return -1;
        }
    }

    private static Optional<Duration> kernelCpu() {
        return ProcessHandle.current().info().totalCpuDuration();
    }
}
