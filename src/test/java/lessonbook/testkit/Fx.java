package lessonbook.testkit;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs test code on the JavaFX application thread and waits (bounded) for it: the scene graph may only be read
 * and changed there. Called on the FX thread itself, the code runs at once.
 */
public final class Fx {
    /** Bound on one piece of test code on the FX thread; a stuck FX thread fails the test instead of hanging it. */
    private static final long SECONDS = 10;

    private Fx() {
    }

    /** The value {@code read} returns on the FX thread. */
    public static <T> T onFx(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the FX thread", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the FX thread did not run the test's code within " + SECONDS + " s", e);
        }
    }

    /** Runs {@code action} on the FX thread and waits until it has run. */
    public static void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Waits (bounded) until {@code scene} has run {@code count} more pulses, each with its CSS and layout pass:
     * what {@code waitForFxEvents} does not promise, since a pulse is not an event on the queue.
     */
    public static void awaitPulses(Scene scene, int count) {
        java.util.concurrent.CountDownLatch pulses = new java.util.concurrent.CountDownLatch(count);
        Runnable onPulse = new Runnable() {
            @Override
            public void run() {
                pulses.countDown();
                if (pulses.getCount() > 0) {
                    Platform.requestNextPulse();
                }
            }
        };
        onFx(() -> {
            scene.addPostLayoutPulseListener(onPulse);
            Platform.requestNextPulse();
        });
        try {
            if (!pulses.await(SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the scene ran fewer than " + count + " pulses within " + SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for pulses", e);
        } finally {
            onFx(() -> scene.removePostLayoutPulseListener(onPulse));
        }
    }

    /**
     * Scrolls {@code pane} to {@code value} as a user's scroll does: the value set, then the scroll event the wheel
     * sends, with no distance of its own. The notebook takes the reader's place from such events (its view anchor),
     * not from every change of the value, which the scroll pane also makes itself as the page grows. FX thread.
     */
    public static void scrollAsUser(ScrollPane pane, double value) {
        pane.setVvalue(value);
        pane.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 0, 0, 0, 0, false, false, false, false, false, false,
                0, 0, 0, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE,
                0, 0, null));
    }
}
