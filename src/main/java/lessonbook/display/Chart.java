package lessonbook.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import lessonbook.model.Output;
import lessonbook.model.TextCut;

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
 * <p>
 * A line keeps at most {@code 2 * }{@value #MAX_POINTS} of its points, evenly spaced (every second one, then every
 * fourth..., always the first and the last), and a bar chart its first {@value #MAX_BARS} bars; the title then
 * says so. A plot of a simulation's 200,000 steps came to 6 MB, more than a cell may send, and was left out
 * altogether, the cell saying only how many lines it did not keep; a picture has no use for more points than it
 * has pixels across.
 */
public final class Chart {
    static final int MAX_POINTS = 2_000;
    static final int MAX_BARS = 200;
    static final int MAX_LABEL_CHARS = 200;
    private final Output.Chart.Kind kind;
    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private final List<String> seriesNames = new ArrayList<>();
    private final List<Kept> seriesPoints = new ArrayList<>();

    private Chart(Output.Chart.Kind kind, String title) {
        this.kind = kind;
        this.title = title == null ? "" : TextCut.head(title, MAX_LABEL_CHARS);
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
        xLabel = label == null ? "" : TextCut.head(label, MAX_LABEL_CHARS);
        return this;
    }

    /** The name beside the vertical axis, e.g. the unit of the values. */
    public Chart yLabel(String label) {
        yLabel = label == null ? "" : TextCut.head(label, MAX_LABEL_CHARS);
        return this;
    }

    /** Starts a new series (a colour in the legend); the values added next belong to it. */
    public Chart series(String name) {
        seriesNames.add(name == null ? "" : TextCut.head(name, MAX_LABEL_CHARS));
        seriesPoints.add(new Kept());
        return this;
    }

    /** Adds a bar (or a point) with this label (or x value) and value to the current series. */
    public Chart add(Object label, Number value) {
        Objects.requireNonNull(value, () -> "no value for " + label);
        if (seriesPoints.isEmpty()) {
            series("");
        }
        Kept kept = seriesPoints.get(seriesPoints.size() - 1);
        kept.added++;
        boolean bar = kind == Output.Chart.Kind.BAR;
        if (bar && kept.points.size() >= MAX_BARS) {
            return this;
        }
        Output.Chart.Point point = new Output.Chart.Point(TextCut.head(String.valueOf(label), MAX_LABEL_CHARS),
                value.doubleValue());
        if (bar || (kept.added - 1) % kept.stride == 0) {
            kept.add(point);
        } else {
            kept.last = point;
        }
        return this;
    }

    /** The chart as an output record, without showing it; its title says so when points or bars were left out. */
    public Output.Chart build() {
        List<Output.Chart.Series> series = new ArrayList<>(seriesNames.size());
        long added = 0;
        long shown = 0;
        for (int i = 0; i < seriesNames.size(); i++) {
            List<Output.Chart.Point> points = seriesPoints.get(i).points();
            series.add(new Output.Chart.Series(seriesNames.get(i), points));
            added += seriesPoints.get(i).added;
            shown += points.size();
        }
        String shownTitle = title;
        if (shown < added) {
            String note = kind == Output.Chart.Kind.BAR ? String.format("(the first %,d of %,d bars)", shown, added)
                    : String.format("(%,d of %,d points, evenly spaced)", shown, added);
            shownTitle = title.isEmpty() ? note : title + " " + note;
        }
        return new Output.Chart(kind, shownTitle, xLabel, yLabel, series);
    }

    /**
     * One series' points as kept: for a line, those whose place is a multiple of {@link #stride}, which doubles
     * (and half the points go) each time {@code 2 * MAX_POINTS} are kept, and the last one added.
     */
    private static final class Kept {
        List<Output.Chart.Point> points = new ArrayList<>();
        long added;
        long stride = 1;
        /** The newest point not kept by the stride: a line ends where its data ends. */
        Output.Chart.Point last;

        void add(Output.Chart.Point point) {
            points.add(point);
            last = null;
            if (points.size() == 2 * MAX_POINTS) {
                List<Output.Chart.Point> half = new ArrayList<>(MAX_POINTS);
                for (int i = 0; i < points.size(); i += 2) {
                    half.add(points.get(i));
                }
                last = points.get(points.size() - 1);
                points = half;
                stride *= 2;
            }
        }

        List<Output.Chart.Point> points() {
            if (last == null) {
                return points;
            }
            List<Output.Chart.Point> withLast = new ArrayList<>(points);
            withLast.add(last);
            return withLast;
        }
    }

    /** Shows the chart under the cell (as text outside the notebook). */
    public void show() {
        Display.show(build());
    }
}
