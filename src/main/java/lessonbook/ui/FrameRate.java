package lessonbook.ui;

/**
 * The window draws at most 30 frames a second instead of JavaFX's 60. On Linux JavaFX's pulse timer never
 * pauses (GTK's timer ignores pause), so it wakes the app 60 times a second for as long as a window is open;
 * and under software rendering every pulse that finds something changed (a batch of output, a ticking lane)
 * redraws its region, so output arriving in many small batches costs one frame per pulse. Halving the rate halves
 * the idle wake-ups; in the app bench (Xvfb, 2 cores, 3 runs each) the app's CPU while the lesson's worker cells
 * ran was 10.1-11.2 % against 11.4 % at 60, a difference within the runs' spread. Typing and scrolling still
 * follow the pointer well at that rate. {@code -Djavafx.animation.pulse=60} restores JavaFX's default.
 */
public final class FrameRate {
    static final String PULSE_PROPERTY = "javafx.animation.pulse";
    static final String FRAMES_PER_SECOND = "30";

    private FrameRate() {
    }

    /** Call before the JavaFX toolkit starts: JavaFX reads the rate once. Keeps a rate the user set. */
    public static void beforeToolkitStarts() {
        if (System.getProperty(PULSE_PROPERTY) == null) {
            System.setProperty(PULSE_PROPERTY, FRAMES_PER_SECOND);
        }
    }
}
