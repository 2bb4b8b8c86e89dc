package lessonbook.format.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import lessonbook.model.Output;

/** A chart as inline SVG: bars grouped per category, or one polyline per series; every label escaped. */
final class ChartSvg {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 56;

    private ChartSvg() {
    }

    static String render(Output.Chart chart) {
        List<String> categories = categories(chart);
        double max = 0;
        double min = 0;
        for (Output.Chart.Series series : chart.series()) {
            for (Output.Chart.Point point : series.points()) {
                if (Double.isFinite(point.y())) {
                    max = Math.max(max, point.y());
                    min = Math.min(min, point.y());
                }
            }
        }
        if (max == min) {
            max = min + 1;
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double scale = plotHeight / (max - min);
        double zeroY = TOP + max * scale;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(chart.title())).append("\">\n");
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"22\" text-anchor=\"middle\" class=\"chart-title\">")
                .append(Html.escape(chart.title())).append("</text>\n");
        svg.append(line(LEFT, zeroY, WIDTH - RIGHT, zeroY)).append(line(LEFT, TOP, LEFT, TOP + plotHeight));
        svg.append(text(8, TOP - 8, "start", chart.yLabel()));
        svg.append(text(WIDTH - RIGHT, HEIGHT - 8, "end", chart.xLabel()));
        svg.append(text(LEFT - 6, TOP + 4, "end", number(max))).append(text(LEFT - 6, zeroY + 4, "end", "0"));
        double slot = plotWidth / Math.max(1, categories.size());
        for (int c = 0; c < categories.size(); c++) {
            svg.append(text(LEFT + slot * c + slot / 2, TOP + plotHeight + 18, "middle", categories.get(c)));
        }
        int seriesCount = Math.max(1, chart.series().size());
        for (int s = 0; s < chart.series().size(); s++) {
            Output.Chart.Series series = chart.series().get(s);
            String colour = COLOURS[s % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (Output.Chart.Point point : series.points()) {
                if (!Double.isFinite(point.y())) {
                    continue;
                }
                int c = categories.indexOf(point.x());
                double y = zeroY - point.y() * scale;
                if (chart.kind() == Output.Chart.Kind.BAR) {
                    double barWidth = slot * 0.8 / seriesCount;
                    double x = LEFT + slot * c + slot * 0.1 + barWidth * s;
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                            x, Math.min(y, zeroY), barWidth, Math.abs(zeroY - y), colour));
                    svg.append(text(x + barWidth / 2, Math.min(y, zeroY) - 4, "middle", number(point.y())));
                } else {
                    points.add(String.format(Locale.ROOT, "%.1f,%.1f", LEFT + slot * c + slot / 2, y));
                }
            }
            if (!points.isEmpty()) {
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour)
                        .append("\" points=\"").append(String.join(" ", points)).append("\"/>\n");
            }
            if (!series.name().isEmpty()) {
                svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(TOP + 14 * s)
                        .append("\" text-anchor=\"end\" fill=\"").append(colour).append("\">")
                        .append(Html.escape(series.name())).append("</text>\n");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static List<String> categories(Output.Chart chart) {
        Set<String> categories = new LinkedHashSet<>();
        chart.series().forEach(series -> series.points().forEach(point -> categories.add(point.x())));
        return new ArrayList<>(categories);
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
                x1, y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, String label) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor)
                + Html.escape(label) + "</text>\n";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
