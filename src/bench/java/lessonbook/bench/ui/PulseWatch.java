package lessonbook.bench.ui;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.animation.AnimationTimer;

/**
 * The longest gaps between two FX pulses while it runs: a blocked FX thread shows as a long gap. For each
 * of the worst gaps it keeps what the FX thread and the renderer spent on a core, how long they waited for
 * one (Linux schedstat: time runnable but not running) and how long the JVM spent collecting, so a stall can
 * be told apart: work on the FX thread, a slow paint, a GC pause, threads waiting for a core on a loaded
 * machine, or a thread blocked (sleeping on a lock, on the renderer, on the display) for the rest.
 */
public final class PulseWatch extends AnimationTimer {
    private static final int KEPT_GAPS = 3;

    private final ThreadClock fx = ThreadClock.of("JavaFX Applicat");
    private final ThreadClock renderer = ThreadClock.of("QuantumRenderer");
    private long last;
    private long[] lastFx = new long[2];
    private long[] lastRender = new long[2];
    private long lastGcMillis;
    private final List<Gap> worst = new ArrayList<>();
    private int gapsOver100Ms;
    private int pulses;
    private long firstPulse;
    private long[] firstFx;
    private long[] firstRender;

    /** One gap between pulses and what the two FX threads did in it (ns). */
    record Gap(long wall, long fxCpu, long fxWait, long renderCpu, long renderWait, long gcMillis) {
        String describe() {
            return String.format(Locale.ROOT,
                    "%.1f ms (FX thread cpu %.1f / waiting for a core %.1f; renderer cpu %.1f / waiting %.1f; gc %d)",
                    wall / 1e6, fxCpu / 1e6, fxWait / 1e6, renderCpu / 1e6, renderWait / 1e6, gcMillis);
        }
    }

    @Override
    public void handle(long now) {
        long[] fxNow = fx.read();
        long[] renderNow = renderer.read();
        long gc = gcMillis();
        if (last == 0) {
            firstPulse = now;
            firstFx = fxNow;
            firstRender = renderNow;
        } else {
            long gap = now - last;
            pulses++;
            if (gap > 100_000_000L) {
                gapsOver100Ms++;
            }
            keep(new Gap(gap, fxNow[0] - lastFx[0], fxNow[1] - lastFx[1], renderNow[0] - lastRender[0],
                    renderNow[1] - lastRender[1], gc - lastGcMillis));
        }
        last = now;
        lastFx = fxNow;
        lastRender = renderNow;
        lastGcMillis = gc;
    }

    private void keep(Gap gap) {
        if (worst.size() < KEPT_GAPS || gap.wall() > worst.get(worst.size() - 1).wall()) {
            worst.add(gap);
            worst.sort(Comparator.comparingLong(Gap::wall).reversed());
            if (worst.size() > KEPT_GAPS) {
                worst.remove(KEPT_GAPS);
            }
        }
    }

    public double maxGapMillis() {
        return worst.isEmpty() ? 0 : worst.get(0).wall() / 1e6;
    }

    /**
     * One line saying what the worst gaps were made of, and what the whole watch cost the FX thread and the
     * renderer (a figure that, unlike the gaps, hardly depends on how loaded the machine is).
     */
    public String worstGap() {
        String gaps = worst.stream().map(Gap::describe).collect(Collectors.joining("; "));
        if (firstFx == null) {
            return "no pulses";
        }
        return String.format(Locale.ROOT,
                "worst pulse gaps %s; %d of %d gaps over 100 ms; in all %.0f ms: FX thread cpu %.0f ms, "
                        + "waiting for a core %.0f ms; renderer cpu %.0f ms, waiting %.0f ms",
                gaps, gapsOver100Ms, pulses, (last - firstPulse) / 1e6, (lastFx[0] - firstFx[0]) / 1e6,
                (lastFx[1] - firstFx[1]) / 1e6, (lastRender[0] - firstRender[0]) / 1e6,
                (lastRender[1] - firstRender[1]) / 1e6);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /**
     * A thread's time on a core and time waiting for one, from /proc/self/task/TID/schedstat (Linux); the
     * thread is found by its native name. Reads zeros where that does not exist.
     */
    private static final class ThreadClock {
        private final Path schedstat;

        private ThreadClock(Path schedstat) {
            this.schedstat = schedstat;
        }

        static ThreadClock of(String nativeNamePrefix) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.startsWith(nativeNamePrefix)) {
                        return new ThreadClock(task.resolve("schedstat"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not Linux, or /proc not readable: the figures say 0.
            }
            return new ThreadClock(null);
        }

        long[] read() {
            return Schedstat.read(schedstat);
        }
    }
}
