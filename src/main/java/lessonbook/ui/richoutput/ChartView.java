package lessonbook.ui.richoutput;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.Set;

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
 */
public final class ChartView extends VBox {
    private final Output.Chart model;
    private final XYChart<String, Number> chart;

    public ChartView(Output.Chart model) {
        this.model = model;
        getStyleClass().add("chart-view");
        getStylesheets().add(DisplayViews.STYLESHEET);
        CategoryAxis x = new CategoryAxis();
        x.setLabel(model.xLabel().isEmpty() ? null : model.xLabel());
        x.setAnimated(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(model.yLabel().isEmpty() ? null : model.yLabel());
        y.setAnimated(false);
        chart = model.kind() == Output.Chart.Kind.BAR ? new BarChart<>(x, y) : new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setTitle(model.title().isEmpty() ? null : model.title());
        chart.setLegendVisible(model.series().size() > 1
                || (model.series().size() == 1 && !model.series().get(0).name().isEmpty()));
        // The categories in the order the cell gave them, across all series.
        Set<String> categories = new LinkedHashSet<>();
        model.series().forEach(s -> s.points().forEach(p -> categories.add(p.x())));
        x.getCategories().setAll(categories);
        if (model.kind() == Output.Chart.Kind.BAR) {
            fixRangeWithHeadroom(y);
        }
        int decimals = sharedDecimals(model);
        for (Output.Chart.Series s : model.series()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            for (Output.Chart.Point p : s.points()) {
                series.getData().add(new XYChart.Data<>(p.x(), p.y()));
            }
            chart.getData().add(series);
            for (XYChart.Data<String, Number> d : series.getData()) {
                decorate(d, s.name(), decimals);
            }
        }
        getChildren().add(chart);
    }

    /** The chart shown. */
    public Output.Chart model() {
        return model;
    }

    /** The JavaFX chart inside, for a caller that wants to restyle or export it. */
    public XYChart<String, Number> chart() {
        return chart;
    }

    private void decorate(XYChart.Data<String, Number> d, String seriesName, int decimals) {
        Node node = d.getNode();
        if (node == null) {
            return;
        }
        double y = d.getYValue().doubleValue();
        String value = readable(y);
        Tooltip.install(node, new Tooltip((seriesName.isEmpty() ? "" : seriesName + ", ") + d.getXValue() + ": "
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
