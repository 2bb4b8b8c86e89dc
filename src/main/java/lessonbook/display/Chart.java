package lessonbook.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import lessonbook.model.Output;

/**
 * A bar or line chart built step by step, then shown under the cell:
 *
 * <pre>{@code
 * Chart.bar("Time per strategy").yLabel("seconds")
 *      .add("sequential", 2.97)
 *      .add("10 workers", 1.61)
 *      .add("pool", 1.52)
 *      .show();
 *
 * Chart.line("Speedup").xLabel("workers").yLabel("times faster")
 *      .series("measured").add(1, 1.0).add(2, 1.9).add(4, 1.95)
 *      .series("ideal").add(1, 1).add(2, 2).add(4, 4)
 *      .show();
 * }</pre>
 *
 * Values are added to the current series; without {@link #series(String)} there is one unnamed series.
 * Bars and points keep the order in which they were added.
 */
public final class Chart {
    private final Output.Chart.Kind kind;
    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private final List<String> seriesNames = new ArrayList<>();
    private final List<List<Output.Chart.Point>> seriesPoints = new ArrayList<>();

    private Chart(Output.Chart.Kind kind, String title) {
        this.kind = kind;
        this.title = title == null ? "" : title;
    }

    /** A bar chart: one bar per label. */
    public static Chart bar(String title) {
        return new Chart(Output.Chart.Kind.BAR, title);
    }

    /** A line chart: points joined by lines, one line per series. */
    public static Chart line(String title) {
        return new Chart(Output.Chart.Kind.LINE, title);
    }

    /** The name under the horizontal axis. */
    public Chart xLabel(String label) {
        xLabel = label == null ? "" : label;
        return this;
    }

    /** The name beside the vertical axis, e.g. the unit of the values. */
    public Chart yLabel(String label) {
        yLabel = label == null ? "" : label;
        return this;
    }

    /** Starts a new series (a colour in the legend); the values added next belong to it. */
    public Chart series(String name) {
        seriesNames.add(name == null ? "" : name);
        seriesPoints.add(new ArrayList<>());
        return this;
    }

    /** Adds a bar (or a point) with this label (or x value) and value to the current series. */
    public Chart add(Object label, Number value) {
        Objects.requireNonNull(value, () -> "no value for " + label);
        if (seriesPoints.isEmpty()) {
            series("");
        }
        seriesPoints.get(seriesPoints.size() - 1)
                .add(new Output.Chart.Point(String.valueOf(label), value.doubleValue()));
        return this;
    }

    /** The chart as an output record, without showing it. */
    public Output.Chart build() {
        List<Output.Chart.Series> series = new ArrayList<>(seriesNames.size());
        for (int i = 0; i < seriesNames.size(); i++) {
            series.add(new Output.Chart.Series(seriesNames.get(i), seriesPoints.get(i)));
        }
        return new Output.Chart(kind, title, xLabel, yLabel, series);
    }

    /** Shows the chart under the cell (as text outside the notebook). */
    public void show() {
        Display.show(build());
    }
}
