package lessonbook.ui.display;

import java.util.List;

/** Where a moment falls on the lanes' time axis; shared by every lane and the axis of one view. */
final class LaneScale {
    long origin;
    long span = 1000;
    long now;
    double step = 1000;
    List<Double> ticks = List.of(0.0);

    double x(long epochMillis, double width) {
        double fraction = (epochMillis - origin) / (double) Math.max(1, span);
        return Math.max(0, Math.min(1, fraction)) * width;
    }
}
