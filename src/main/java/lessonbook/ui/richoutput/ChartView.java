package lessonbook.ui.richoutput;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import lessonbook.model.Output;

/**
 * A chart output as a JavaFX bar or line chart, without animation. Bars carry their value above them; a
 * chart of a single unnamed series has no legend. Sizes are in em (see display.css), so it scales with the
 * font for a projector.
 * <p>
 * Bounded, whatever the chart holds (a lesson file can hold any number of points): a line of more than
 * {@value #FEW} numeric x values is drawn on a number axis, without a dot per point, and at most
 * {@value #MOST_POINTS} evenly spaced points a line; on a category axis (bars, or x values that are not numbers)
 * at most the first {@value #MOST_CATEGORIES} categories are drawn, and a line under the chart says what was
 * not. JavaFX's category axis checks each added category against every pair of the others, so that a line of
 * 3,126 points on it held the JavaFX thread for minutes.
 */
public final class ChartView extends VBox {
    static final int FEW = 60;
    static final int MOST_POINTS = 2_000;
    static final int MOST_CATEGORIES = 200;
    private final Output.Chart model;
    private final XYChart<?, Number> chart;

    public ChartView(Output.Chart model) {
        this.model = model;
        getStyleClass().add("chart-view");
        getStylesheets().add(DisplayViews.STYLESHEET);
        NumberAxis y = new NumberAxis();
        y.setLabel(model.yLabel().isEmpty() ? null : model.yLabel());
        y.setAnimated(false);
        // The categories in the order the cell gave them, across all series.
        Set<String> categories = new LinkedHashSet<>();
        model.series().forEach(s -> s.points().forEach(p -> categories.add(p.x())));
        boolean line = model.kind() == Output.Chart.Kind.LINE;
        String notDrawn = null;
        if (line && categories.size() > FEW && categories.stream().allMatch(ChartView::isNumber)) {
            chart = numbered(y);
        } else {
            List<String> drawn = new ArrayList<>(categories);
            if (drawn.size() > MOST_CATEGORIES) {
                notDrawn = String.format("… the first %,d of %,d %s drawn", MOST_CATEGORIES, drawn.size(),
                        line ? "x values" : "bars");
                drawn = drawn.subList(0, MOST_CATEGORIES);
            }
            chart = byCategory(y, drawn);
        }
        chart.setAnimated(false);
        chart.setTitle(model.title().isEmpty() ? null : model.title());
        chart.setLegendVisible(model.series().size() > 1
                || (model.series().size() == 1 && !model.series().get(0).name().isEmpty()));
        getChildren().add(chart);
        if (notDrawn != null) {
            Label more = new Label(notDrawn);
            more.getStyleClass().add("chart-not-drawn");
            getChildren().add(more);
        }
    }

    private XYChart<String, Number> byCategory(NumberAxis y, List<String> drawn) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(model.xLabel().isEmpty() ? null : model.xLabel());
        x.setAnimated(false);
        x.getCategories().setAll(drawn);
        Set<String> shown = new java.util.HashSet<>(drawn);
        XYChart<String, Number> made = model.kind() == Output.Chart.Kind.BAR ? new BarChart<>(x, y) : line(x, y);
        if (model.kind() == Output.Chart.Kind.BAR) {
            fixRangeWithHeadroom(y);
        }
        int decimals = sharedDecimals(model);
        for (Output.Chart.Series s : model.series()) {
            List<XYChart.Data<String, Number>> data = new ArrayList<>();
            for (Output.Chart.Point p : s.points()) {
                if (shown.contains(p.x())) {
                    data.add(new XYChart.Data<>(p.x(), p.y()));
                }
            }
            XYChart.Series<String, Number> series = new XYChart.Series<>(s.name(), FXCollections.observableList(data));
            made.getData().add(series);
            for (XYChart.Data<String, Number> d : series.getData()) {
                decorate(d.getNode(), d.getXValue(), d.getYValue().doubleValue(), s.name(), decimals);
            }
        }
        return made;
    }

    /** A line of many numeric x values: on a number axis, at most {@link #MOST_POINTS} points a line. */
    private XYChart<Number, Number> numbered(NumberAxis y) {
        NumberAxis x = new NumberAxis();
        x.setLabel(model.xLabel().isEmpty() ? null : model.xLabel());
        x.setAnimated(false);
        x.setForceZeroInRange(false);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> made = line(x, y);
        for (Output.Chart.Series s : model.series()) {
            List<Output.Chart.Point> points = s.points();
            int stride = Math.max(1, (points.size() + MOST_POINTS - 1) / MOST_POINTS);
            List<XYChart.Data<Number, Number>> data = new ArrayList<>();
            for (int i = 0; i < points.size(); i += stride) {
                data.add(new XYChart.Data<>(Double.parseDouble(points.get(i).x()), points.get(i).y()));
            }
            if (!points.isEmpty() && (points.size() - 1) % stride != 0) {
                Output.Chart.Point last = points.get(points.size() - 1);
                data.add(new XYChart.Data<>(Double.parseDouble(last.x()), last.y()));
            }
            made.getData().add(new XYChart.Series<>(s.name(), FXCollections.observableList(data)));
        }
        return made;
    }

    /** A line chart; a dot per point (with its value as a tooltip) only while the lines have few points. */
    private <X> LineChart<X, Number> line(javafx.scene.chart.Axis<X> x, NumberAxis y) {
        LineChart<X, Number> made = new LineChart<>(x, y);
        made.setCreateSymbols(model.series().stream().allMatch(s -> s.points().size() <= FEW));
        return made;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The chart shown. */
    public Output.Chart model() {
        return model;
    }

    /** The JavaFX chart inside, for a caller that wants to restyle or export it. */
    public XYChart<?, Number> chart() {
        return chart;
    }

    private void decorate(Node node, String xValue, double y, String seriesName, int decimals) {
        if (node == null) {
            return;
        }
        String value = readable(y);
        Tooltip.install(node, new Tooltip((seriesName.isEmpty() ? "" : seriesName + ", ") + xValue + ": "
                + value + (model.yLabel().isEmpty() ? "" : " " + model.yLabel())));
        if (model.kind() == Output.Chart.Kind.BAR && node instanceof StackPane) {
            Label label = new Label(Double.isFinite(y) ? fixed(y, decimals) : value);
            label.getStyleClass().add("chart-bar-value");
            label.setMinSize(Label.USE_PREF_SIZE, Label.USE_PREF_SIZE);
            label.setManaged(false);
            StackPane bar = (StackPane) node;
            bar.getChildren().add(label);
            // Centred just above the bar's top edge, wherever the chart lays the bar out.
            Runnable place = () -> {
                double w = label.prefWidth(-1);
                double h = label.prefHeight(w);
                label.resizeRelocate((bar.getWidth() - w) / 2, -h, w, h);
            };
            bar.widthProperty().addListener((o, a, b) -> place.run());
            bar.heightProperty().addListener((o, a, b) -> place.run());
            label.fontProperty().addListener((o, a, b) -> place.run());
            place.run();
            StackPane.setAlignment(label, Pos.TOP_CENTER);
        }
    }

    /** Bars start at zero and leave room above the tallest bar for its value. */
    private void fixRangeWithHeadroom(NumberAxis y) {
        double max = 0;
        double min = 0;
        for (Output.Chart.Series s : model.series()) {
            for (Output.Chart.Point p : s.points()) {
                if (Double.isFinite(p.y())) {
                    max = Math.max(max, p.y());
                    min = Math.min(min, p.y());
                }
            }
        }
        if (max == 0 && min == 0) {
            max = 1;
        }
        double step = TimeScale.step((max - min) * 1.15, 5);
        y.setAutoRanging(false);
        y.setTickUnit(step);
        y.setLowerBound(Math.floor(min / step) * step);
        y.setUpperBound(Math.ceil(max * 1.15 / step) * step);
    }

    /**
     * One number of decimals for every bar label of a chart, so a class compares like with like ("16.6, 9.4,
     * 8.9", not "16.6, 9.39, 8.9"): three significant digits of the largest value, and never more decimals
     * than the values need (bars of 3 and 5 stay "3" and "5").
     */
    static int sharedDecimals(Output.Chart chart) {
        double max = 0;
        int needed = 0;
        for (Output.Chart.Series s : chart.series()) {
            for (Output.Chart.Point p : s.points()) {
                if (Double.isFinite(p.y())) {
                    max = Math.max(max, Math.abs(p.y()));
                    needed = Math.max(needed, decimalsOf(readable(p.y())));
                }
            }
        }
        if (max == 0) {
            return 0;
        }
        int fromLargest = Math.max(0, 2 - (int) Math.floor(Math.log10(max)));
        return Math.min(fromLargest, needed);
    }

    static int decimalsOf(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    static String fixed(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    static String readable(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v == 0 ? "0" : Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(Math.abs(v) >= 1000 ? 6 : 3, RoundingMode.HALF_UP))
                .stripTrailingZeros().toPlainString();
    }
}
