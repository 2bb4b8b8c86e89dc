package lessonbook.kernel.jvm;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The CPU time the worker processes used for each {@code %%time} cell while it ran (see {@link CellTime}). It
 * hears what the worker runtime tells the kernel of each worker ({@link KernelWorkerHost}): started, a CPU sample
 * now and then, and the CPU at exit, each counted from the moment the worker was given to a cell. A worker a cell
 * started counts from zero; a pool started by an earlier cell and mapped again here counts from what the system
 * says it used when this cell began. The samples come every half second (a pool's workers also report at the end
 * of each chunk), so a worker still alive when the cell ends is read from the system then too.
 *
 * <p>Bounded: one entry per live worker (removed at its exit), and per open cell one per worker it heard of.
 * Threading: the worker runtime's threads report; the kernel's main thread opens and closes a cell. All maps are
 * concurrent, and a cell's figures are read after its workers were joined, when their exits were reported.
 */
final class WorkerCpuTally {
    /** The last CPU figure known of each live worker, by pid: a reused pool's baseline. */
    private final Map<Long, Long> latest = new ConcurrentHashMap<>();
    private final Map<String, Cell> open = new ConcurrentHashMap<>();
    /** A live worker's CPU as the system counts it now (milliseconds), empty when it cannot be read (it ended). */
    private final LongFunction<OptionalLong> cpuNow;

    WorkerCpuTally() {
        this(WorkerCpuTally::systemCpuMillis);
    }

    WorkerCpuTally(LongFunction<OptionalLong> cpuNow) {
        this.cpuNow = cpuNow;
    }

    /** Linux: utime + stime from /proc/PID/stat, the same figure the worker runtime reports. */
    private static OptionalLong systemCpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .map(d -> OptionalLong.of(d.toMillis())).orElse(OptionalLong.empty());
    }

    /** One timed cell's workers: pid to {baseline, last known, 1 if it exited}. */
    static final class Cell {
        private final Map<Long, long[]> workers = new ConcurrentHashMap<>();
        private final Map<Long, Long> baselines;
        private final LongFunction<OptionalLong> cpuNow;

        private Cell(Map<Long, Long> baselines, LongFunction<OptionalLong> cpuNow) {
            this.baselines = baselines;
            this.cpuNow = cpuNow;
        }

        /** Reads the CPU of the workers still alive from the system (the cell ends: their last sample may be old). */
        void refresh() {
            workers.forEach((pid, w) -> {
                if (w[2] == 0) {
                    cpuNow.apply(pid).ifPresent(now -> note(pid, now, false, false));
                }
            });
        }

        /** Atomic per worker: a CPU sample and the exit report come on different runtime threads. */
        private void note(long pid, long cpuMillis, boolean started, boolean exited) {
            workers.compute(pid, (p, was) -> {
                long[] w = was != null ? was : new long[] {started ? 0 : baselines.getOrDefault(p, cpuMillis), 0, 0};
                w[1] = Math.max(w[1], cpuMillis);
                if (exited) {
                    w[2] = 1;
                }
                return w;
            });
        }

        /** How many workers did work for this cell. */
        int count() {
            return workers.size();
        }

        /** Those still alive when asked (a pool's, or a worker not joined). */
        int running() {
            return (int) workers.values().stream().filter(w -> w[2] == 0).count();
        }

        long cpuMillis() {
            return workers.values().stream().mapToLong(w -> Math.max(0, w[1] - w[0])).sum();
        }
    }

    /** Starts counting for {@code cellId} (the kernel's main thread, before the cell's code runs). */
    Cell open(String cellId) {
        Map<Long, Long> baselines = new HashMap<>();
        latest.forEach((pid, known) -> baselines.put(pid, Math.max(known, cpuNow.apply(pid).orElse(known))));
        Cell cell = new Cell(Map.copyOf(baselines), cpuNow);
        open.put(cellId, cell);
        return cell;
    }

    void close(String cellId) {
        open.remove(cellId);
    }

    void started(String cellId, long pid) {
        latest.put(pid, 0L);
        Cell cell = open.get(cellId);
        if (cell != null) {
            cell.note(pid, 0, true, false);
        }
    }

    void cpu(String cellId, long pid, long cpuMillis) {
        latest.computeIfPresent(pid, (p, was) -> Math.max(was, cpuMillis));
        Cell cell = open.get(cellId);
        if (cell != null) {
            cell.note(pid, cpuMillis, false, false);
        }
    }

    void exited(String cellId, long pid, long cpuMillis) {
        latest.remove(pid);
        Cell cell = open.get(cellId);
        if (cell != null) {
            cell.note(pid, cpuMillis, false, true);
        }
    }
}
