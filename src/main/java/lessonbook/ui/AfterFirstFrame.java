package lessonbook.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs work the window does not need for its first picture once that picture is on its way: at the next pulse
 * (whose layout and render make the frame) it hands the work to the FX thread's queue, which runs it after that
 * pulse. Work queued with {@code Platform.runLater} while the window opens runs before its first pulse instead,
 * and building the code editors near the top of a lesson there, a few per turn, delayed the first frame by
 * 100-140 ms of FX thread time (flight recordings of the first-frame probe). FX thread only.
 */
final class AfterFirstFrame {
    private AfterFirstFrame() {
    }

    static void run(Runnable work) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("queue work after the first frame from the FX thread");
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                Platform.runLater(work);
            }
        }.start();
    }
}
