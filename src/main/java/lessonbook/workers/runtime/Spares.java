package lessonbook.workers.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The idle worker JVMs a host keeps started ahead, so that starting a worker and making a pool do not pay a JVM
 * start: how many ({@link #target()}), when they are refilled, and handing one out. A spare has loaded no user class
 * yet; it gets the class path, generation and variables when it is claimed, so a redefinition is still honoured.
 * <p>
 * They are refilled in the background only while no worker is busy, so refilling never competes with user work
 * for the cpus, and a few at a time, leaving a core to the kernel and the window ({@link #refillInBackground()});
 * {@link #prewarm} starts them all at once, as its caller waits for them. An idle spare costs about 45 MB of memory
 * and no cpu. Threads: any; the list is guarded by itself, and one refill runs at a time on the runtime's
 * background executor.
 */
final class Spares {
    /** Starts one spare JVM with these options (and registers it with the runtime). */
    interface Launcher {
        ChildJvm launch(List<String> options) throws IOException;
    }

    private final List<ChildJvm> idle = new ArrayList<>();
    /** Spares asked for by {@link #prewarm(int)} ({@code Worker.prestart}); the target never drops below it. */
    private final AtomicInteger requested = new AtomicInteger();
    private final AtomicBoolean refilling = new AtomicBoolean();
    private final Launcher launcher;
    private final Executor background;
    /** Workers busy now, and the most there were at once. */
    private final IntSupplier busy;
    private final IntSupplier peakBusy;
    /** True in a worker JVM: it keeps no spares of its own. */
    private final BooleanSupplier keepsNone;

    Spares(Launcher launcher, Executor background, IntSupplier busy, IntSupplier peakBusy,
            BooleanSupplier keepsNone) {
        this.launcher = launcher;
        this.background = background;
        this.busy = busy;
        this.peakBusy = peakBusy;
        this.keepsNone = keepsNone;
    }

    /**
     * A ready spare started with {@code options} (the workers' options now), or null; spares started with other
     * options (a cell changed them since) are ended on the way.
     */
    ChildJvm take(List<String> options) {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                ChildJvm spare = idle.remove(0);
                if (stillFits(spare, options)) {
                    return spare;
                }
                spare.kill();
            }
        }
        return null;
    }

    /** Forgets the spares (the runtime kills every JVM it started). */
    void clear() {
        synchronized (idle) {
            idle.clear();
        }
    }

    WorkerRuntime.SpareCount count() {
        synchronized (idle) {
            int ready = (int) idle.stream().filter(ChildJvm::isConnected).count();
            return new WorkerRuntime.SpareCount(idle.size() - ready, ready);
        }
    }

    /** At least {@code atLeast} spares from now on, started now; see {@link #prewarm()}. */
    void prewarm(int atLeast) {
        requested.accumulateAndGet(atLeast, Math::max);
        prewarm();
    }

    /**
     * Starts the missing spares now and waits (a few seconds at most) until they are connected and idle, e.g.
     * before a timed run. Spares only start while no worker is busy.
     */
    void prewarm() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (busy.getAsInt() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);   // workers that just ended report so a moment after join() returned
            }
            launchMissing(Integer.MAX_VALUE);
            List<ChildJvm> ready;
            synchronized (idle) {
                ready = new ArrayList<>(idle);
            }
            for (ChildJvm spare : ready) {
                spare.awaitConnected();
            }
        } catch (Exception e) {
            // spares are an optimisation: without them workers start cold
        }
    }

    /**
     * Refills the spares on a background thread, at most {@link #bootingAtOnce()} booting at a time: ten JVMs
     * booting at once after a cell's ten workers ended took both cores for about a second, and the next cell, a
     * single {@code println}, took 0.9-1.4 s instead of 0.1 s. One refill runs at a time; a request during it is
     * met by the refill running, which reads the target again before each boot.
     */
    void refillInBackground() {
        if (!refilling.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            boolean failed = false;
            try {
                while (true) {
                    List<ChildJvm> booting = launchMissing(bootingAtOnce());
                    if (booting.isEmpty()) {
                        break;
                    }
                    for (ChildJvm spare : booting) {
                        spare.awaitConnected();   // connected = booted and idle (see WorkerMain)
                    }
                }
            } catch (IOException e) {
                failed = true;   // spares are an optimisation: a real start will report the problem
            } finally {
                refilling.set(false);
            }
            if (!failed && missing() > 0 && busy.getAsInt() == 0) {
                refillInBackground();   // asked for while this refill was ending
            }
        });
    }

    /**
     * Spares booting at once in a background refill: all cores but one, at least one; or
     * {@code -Dlessonbook.workers.bootingAtOnce}.
     */
    static int bootingAtOnce() {
        Integer fixed = Integer.getInteger("lessonbook.workers.bootingAtOnce");
        return fixed != null ? Math.max(1, fixed) : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** A spare alive and started with the options workers start with now (a cell may have changed them since). */
    private static boolean stillFits(ChildJvm spare, List<String> options) {
        return spare.isAlive() && spare.options().equals(options);
    }

    /** Starts up to {@code limit} of the spares missing, while no worker is busy; returns those it started. */
    private List<ChildJvm> launchMissing(int limit) throws IOException {
        List<String> options = WorkerJvmOptions.all();
        List<ChildJvm> started = new ArrayList<>();
        synchronized (idle) {
            idle.removeIf(s -> {
                boolean stale = !stillFits(s, options);
                if (stale) {
                    s.kill();   // as take() does: a spare started with other options is no spare any more
                }
                return stale;
            });
            while (started.size() < limit && missing() > 0 && busy.getAsInt() == 0) {
                ChildJvm spare = launcher.launch(options);
                idle.add(spare);
                started.add(spare);
            }
        }
        return started;
    }

    private int missing() {
        int target = keepsNone.getAsBoolean() ? 0 : target();
        synchronized (idle) {
            return target - idle.size();
        }
    }

    /**
     * As many spares as workers were busy at once before (a lesson that starts ten workers finds ten ready the
     * next time), at least the cpu count, at most {@code lessonbook.workers.maxSpares} (default 10); or exactly
     * {@code lessonbook.workers.spares} when that is set ({@code 0} disables them).
     */
    int target() {
        Integer fixed = Integer.getInteger("lessonbook.workers.spares");
        if (fixed != null) {
            return Math.max(0, fixed);
        }
        int max = Integer.getInteger("lessonbook.workers.maxSpares", 10);
        int wanted = Math.max(Runtime.getRuntime().availableProcessors(),
                Math.max(peakBusy.getAsInt(), requested.get()));
        return Math.min(Math.max(max, requested.get()), wanted);
    }
}
