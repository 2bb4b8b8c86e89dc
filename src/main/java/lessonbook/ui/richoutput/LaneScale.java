package lessonbook.ui.richoutput;

import java.util.List;

/** Where a moment falls on the lanes' time axis; shared by every lane and the axis of one view. */
final class LaneScale {
    long origin;
    long span = 1000;
    long now;
    double step = 1000;
    List<Double> ticks = List.of(0.0);

    /**
     * Picks round ticks for the span that fit {@code width} with room for labels about {@code labelWidth}
     * wide; true if they changed (so the lanes' grid lines must follow).
     */
    boolean fitTicks(double width, double labelWidth) {
        int maxTicks = width > 0 ? (int) Math.max(2, width / (labelWidth * 1.8)) : 5;
        double newStep = TimeScale.step(span, maxTicks);
        List<Double> newTicks = TimeScale.ticks(span, newStep);
        boolean changed = newStep != step || !newTicks.equals(ticks);
        step = newStep;
        ticks = newTicks;
        return changed;
    }

    double x(long epochMillis, double width) {
        double fraction = (epochMillis - origin) / (double) Math.max(1, span);
        return Math.max(0, Math.min(1, fraction)) * width;
    }
}
