package lessonbook.ui;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import javafx.animation.AnimationTimer;

/**
 * The longest gap between two FX pulses while it runs: a blocked FX thread shows as a long gap. For that
 * gap it also keeps what the FX thread and the renderer burnt in CPU and how long the JVM spent collecting,
 * so a stall can be told apart: work on the FX thread, a slow paint, a GC pause, or threads waiting for a
 * core on a loaded machine (wall time far above all of those).
 */
final class PulseWatch extends AnimationTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long last;
    private long lastFxCpu;
    private long lastRenderCpu;
    private long lastGcMillis;
    private long renderThread = -1;
    private long maxGap;
    private long maxGapFxCpu;
    private long maxGapRenderCpu;
    private long maxGapGcMillis;
    private int gapsOver100Ms;
    private int pulses;
    private long firstPulse;
    private long firstFxCpu;
    private long firstRenderCpu;

    @Override
    public void start() {
        renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst()
                .orElse(-1);
        super.start();
    }

    @Override
    public void handle(long now) {
        long fxCpu = THREADS.getCurrentThreadCpuTime();
        long renderCpu = renderThread < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(renderThread));
        long gc = gcMillis();
        if (last == 0) {
            firstPulse = now;
            firstFxCpu = fxCpu;
            firstRenderCpu = renderCpu;
        } else {
            long gap = now - last;
            pulses++;
            if (gap > 100_000_000L) {
                gapsOver100Ms++;
            }
            if (gap > maxGap) {
                maxGap = gap;
                maxGapFxCpu = fxCpu - lastFxCpu;
                maxGapRenderCpu = renderCpu - lastRenderCpu;
                maxGapGcMillis = gc - lastGcMillis;
            }
        }
        last = now;
        lastFxCpu = fxCpu;
        lastRenderCpu = renderCpu;
        lastGcMillis = gc;
    }

    double maxGapMillis() {
        return maxGap / 1e6;
    }

    /**
     * One line saying what the worst gap was made of, and what the whole watch cost the FX thread and the
     * renderer in CPU (a figure that, unlike the gaps, hardly depends on how loaded the machine is).
     */
    String worstGap() {
        return String.format(Locale.ROOT,
                "worst pulse gap %.1f ms: FX thread cpu %.1f ms, renderer cpu %.1f ms, gc %d ms; %d of %d gaps "
                        + "over 100 ms; in all %.0f ms: FX thread cpu %.0f ms, renderer cpu %.0f ms",
                maxGap / 1e6, maxGapFxCpu / 1e6, maxGapRenderCpu / 1e6, maxGapGcMillis, gapsOver100Ms, pulses,
                (last - firstPulse) / 1e6, (lastFxCpu - firstFxCpu) / 1e6, (lastRenderCpu - firstRenderCpu) / 1e6);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
