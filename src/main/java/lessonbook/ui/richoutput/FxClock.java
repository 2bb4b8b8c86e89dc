package lessonbook.ui.richoutput;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/**
 * Runs an action on the FX thread every so many milliseconds while started, without keeping JavaFX's pulse
 * going: a running Timeline or AnimationTimer asks for 60 frames a second for as long as it runs, each a CSS,
 * layout and sync pass on the FX thread, even when the action has nothing to draw. Here a timer thread hands the
 * FX thread one tick at a time (never a backlog when the FX thread is busy), and a frame follows only when the
 * tick changed something. Start and stop on the FX thread.
 */
public final class FxClock {
    /**
     * The one cadence of everything in the window that ticks: two frames a second at most while cells run. Not
     * four: JavaFX's pulse timer wakes 60 times a second until no pulse was asked for during 250 ms
     * ({@code QuantumToolkit.PAUSE_THRESHOLD_DURATION}), so a tick every 250 ms kept it awake for the whole run
     * (its timer thread used ~0.5-1 % of a core); at 500 ms it sleeps half the time. Bench
     * {@code app.cpu_during_workers}: 10.48 % (runs 10.48/11.18/10.39) at 250 ms, 9.26 % (9.26/8.31/9.46) at 500 ms.
     */
    public static final long FRAME_MILLIS = 500;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-fx-clock");
        t.setDaemon(true);
        return t;
    });

    private final long periodMillis;
    private final Runnable action;
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private ScheduledFuture<?> ticking;

    public FxClock(long periodMillis, Runnable action) {
        this.periodMillis = periodMillis;
        this.action = action;
    }

    /**
     * Ticks fall on whole multiples of the period of the wall clock, so that clocks of the same period (the
     * running cell's elapsed time, its worker lanes) change the scene together and share one frame instead of
     * drawing one each: under software rendering every frame costs its whole window's upload.
     */
    public void start() {
        if (ticking == null) {
            long firstIn = periodMillis - System.currentTimeMillis() % periodMillis;
            ticking = TIMER.scheduleAtFixedRate(this::queueTick, firstIn, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    public void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    public boolean isRunning() {
        return ticking != null;
    }

    private void queueTick() {
        if (tickQueued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                tickQueued.set(false);
                if (ticking != null) {
                    action.run();
                }
            });
        }
    }
}
