package lessonbook.ui.richoutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round numbers for the time axis of the worker lanes. */
final class TimeScale {
    private static final double[] STEPS = {1, 2, 5};
    private static final double[] SPANS = {1, 1.5, 2, 3, 4, 5, 6, 8, 10};

    private TimeScale() {
    }

    /** The smallest round span (1, 1.5, 2, 3, 4, 5, 6, 8 times a power of ten) not below {@code millis}. */
    static long roundSpanUp(long millis) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(millis, 1))));
        for (double s : SPANS) {
            if (s * magnitude >= millis) {
                return Math.round(s * magnitude);
            }
        }
        return Math.round(10 * magnitude);
    }

    /** A round step (1, 2, 5 times a power of ten, in ms) giving at most {@code maxTicks} intervals. */
    static double step(double spanMillis, int maxTicks) {
        double rough = spanMillis / Math.max(1, maxTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-3))));
        for (double s : STEPS) {
            if (s * magnitude >= rough) {
                return s * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static List<Double> ticks(double spanMillis, double step) {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= spanMillis + 1e-9; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    static String label(double millis, double step) {
        int decimals = step >= 1000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f s", millis / 1000);
    }
}
