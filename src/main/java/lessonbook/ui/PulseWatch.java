package lessonbook.ui;

import javafx.animation.AnimationTimer;

/** The longest gap between two FX pulses while it runs: a blocked FX thread shows as a long gap. */
final class PulseWatch extends AnimationTimer {
    private long last;
    private long maxGap;

    @Override
    public void handle(long now) {
        if (last != 0) {
            maxGap = Math.max(maxGap, now - last);
        }
        last = now;
    }

    double maxGapMillis() {
        return maxGap / 1e6;
    }
}
