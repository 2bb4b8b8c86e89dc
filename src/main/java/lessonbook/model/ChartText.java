package lessonbook.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The chart block: a header ("bar chart: title", optional "x: ..." and "y: ..." lines), then each series
 * ("series: name", left out for a single unnamed series) with one indented row per point,
 * "label | value" for a line chart and "label | bar value" for a bar chart.
 */
final class ChartText {
    private static final String BAR_HEADER = "bar chart:";
    private static final String LINE_HEADER = "line chart:";
    private static final String SERIES = "series:";
    private static final int BAR_COLUMNS = 30;
    private static final String PARTIAL_BLOCKS = " ▏▎▍▌▋▊▉";

    private ChartText() {
    }

    static String format(Output.Chart chart) {
        StringBuilder out = new StringBuilder();
        out.append(headerLine(chart.kind() == Output.Chart.Kind.BAR ? BAR_HEADER : LINE_HEADER, chart.title()));
        if (!chart.xLabel().isEmpty()) {
            out.append(headerLine("x:", chart.xLabel()));
        }
        if (!chart.yLabel().isEmpty()) {
            out.append(headerLine("y:", chart.yLabel()));
        }
        int labelWidth = 0;
        double largest = 0;
        for (Output.Chart.Series s : chart.series()) {
            for (Output.Chart.Point p : s.points()) {
                labelWidth = Math.max(labelWidth, DisplayText.displayWidth(DisplayText.escape(p.x(), true)));
                if (Double.isFinite(p.y())) {
                    largest = Math.max(largest, p.y());
                }
            }
        }
        boolean namedSeries = chart.series().size() != 1 || !chart.series().get(0).name().isEmpty()
                || chart.series().get(0).points().isEmpty();
        for (Output.Chart.Series s : chart.series()) {
            if (namedSeries) {
                out.append(headerLine(SERIES, s.name()));
            }
            for (Output.Chart.Point p : s.points()) {
                out.append("  ").append(DisplayText.pad(DisplayText.escape(p.x(), true), labelWidth)).append(" | ");
                if (chart.kind() == Output.Chart.Kind.BAR) {
                    out.append(bar(p.y(), largest)).append(' ');
                }
                out.append(DisplayText.formatNumber(p.y())).append('\n');
            }
        }
        return out.toString();
    }

    private static String headerLine(String key, String value) {
        return value.isEmpty() ? key + "\n" : key + " " + DisplayText.escape(value, false) + "\n";
    }

    /** Whole blocks and one eighth-block for the rest, padded so the values line up. */
    private static String bar(double value, double largest) {
        int eighths = !(value > 0) || !(largest > 0) || !Double.isFinite(value)
                ? 0 : (int) Math.round(value / largest * BAR_COLUMNS * 8);
        StringBuilder bar = new StringBuilder("█".repeat(eighths / 8));
        if (eighths % 8 != 0) {
            bar.append(PARTIAL_BLOCKS.charAt(eighths % 8));
        }
        while (bar.length() < BAR_COLUMNS) {
            bar.append(' ');
        }
        return bar.toString();
    }

    static Output.Chart parse(String body) {
        List<String> lines = DisplayText.lines(body);
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i == lines.size()) {
            throw DisplayText.malformed(1, "\"bar chart: title\" or \"line chart: title\"", "an empty block");
        }
        Output.Chart.Kind kind;
        String first = lines.get(i);
        if (first.startsWith(BAR_HEADER)) {
            kind = Output.Chart.Kind.BAR;
        } else if (first.startsWith(LINE_HEADER)) {
            kind = Output.Chart.Kind.LINE;
        } else {
            throw DisplayText.malformed(i + 1, "\"bar chart: title\" or \"line chart: title\"", first);
        }
        String title = value(first, kind == Output.Chart.Kind.BAR ? BAR_HEADER : LINE_HEADER);
        i++;
        String xLabel = "";
        String yLabel = "";
        if (i < lines.size() && lines.get(i).startsWith("x:")) {
            xLabel = value(lines.get(i++), "x:");
        }
        if (i < lines.size() && lines.get(i).startsWith("y:")) {
            yLabel = value(lines.get(i++), "y:");
        }
        List<Output.Chart.Series> series = new ArrayList<>();
        String seriesName = null;
        List<Output.Chart.Point> points = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith(SERIES)) {
                if (seriesName != null || !points.isEmpty()) {
                    series.add(new Output.Chart.Series(seriesName == null ? "" : seriesName, points));
                }
                seriesName = value(line, SERIES);
                points = new ArrayList<>();
            } else if (line.startsWith(" ")) {
                points.add(point(line, i + 1));
            } else {
                throw DisplayText.malformed(i + 1, "\"series: name\" or an indented row \"label | value\"", line);
            }
        }
        if (seriesName != null || !points.isEmpty()) {
            series.add(new Output.Chart.Series(seriesName == null ? "" : seriesName, points));
        }
        return new Output.Chart(kind, title, xLabel, yLabel, series);
    }

    private static String value(String line, String key) {
        return DisplayText.unescape(DisplayText.trimSpaces(line.substring(key.length())));
    }

    private static Output.Chart.Point point(String line, int lineNumber) {
        List<String> pieces = DisplayText.splitRow(line);
        if (pieces.size() != 2) {
            throw DisplayText.malformed(lineNumber, "a row \"label | value\"", line);
        }
        String label = DisplayText.unescape(DisplayText.trimSpaces(pieces.get(0)));
        String rest = pieces.get(1).trim();
        int start = 0;
        while (start < rest.length() && (rest.charAt(start) == ' ' || rest.charAt(start) == '█'
                || PARTIAL_BLOCKS.indexOf(rest.charAt(start)) >= 0)) {
            start++;
        }
        return new Output.Chart.Point(label, DisplayText.parseNumber(rest.substring(start), lineNumber));
    }
}
