package lessonbook.workers.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the CPU time of every running worker this JVM started, every {@value #DEFAULT_PERIOD_MS} ms, so that it is
 * known while a worker runs ({@link WorkerEvents#cpu}) and not only from the worker's last message at a normal
 * exit (a killed worker sends none). The host reads it, so workers send nothing for it: on Linux one read of
 * {@code /proc/<pid>/stat} per worker, elsewhere {@link ProcessHandle.Info} (which also reads the command line).
 * Ten workers cost at most about 1 % of a core. One daemon
 * thread, ticking only while a worker runs: an idle kernel's ticks with nothing to read still cost ~1 ms of CPU a
 * second (measured with the lesson's ten spares waiting).
 * {@code -Dlessonbook.workers.cpuSampleMs=0} turns it off.
 */
final class CpuSampler {
    static final long DEFAULT_PERIOD_MS = 500;
    private static final long PERIOD_MS = Long.getLong("lessonbook.workers.cpuSampleMs", DEFAULT_PERIOD_MS);
    private static final Set<ChildJvm> watched = ConcurrentHashMap.newKeySet();
    /** Guarded by the class: made on the first watch, kept; its one thread waits untimed while nothing ticks. */
    private static ScheduledExecutorService timer;
    /** Guarded by the class: the ticks, while any worker is watched. */
    private static ScheduledFuture<?> ticking;

    private CpuSampler() {
    }

    /** Samples {@code child} from now on until it ends. */
    static void watch(ChildJvm child) {
        if (PERIOD_MS <= 0) {
            return;
        }
        watched.add(child);
        child.ended().whenComplete((code, error) -> watched.remove(child));
        synchronized (CpuSampler.class) {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(
                        r -> WorkerRuntime.runtimeThread(r, "worker-cpu-sampler"));
            }
            // after the add: a tick that found nothing to read and stopped before it is started again here
            if (ticking == null) {
                ticking = timer.scheduleAtFixedRate(CpuSampler::sampleAll, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void sampleAll() {
        for (ChildJvm child : watched) {
            try {
                child.sampleCpu();
            } catch (RuntimeException e) {
                // a sink that failed must not end the sampling of the others
            }
        }
        synchronized (CpuSampler.class) {
            if (watched.isEmpty() && ticking != null) {
                ticking.cancel(false);
                ticking = null;
            }
        }
    }
}
