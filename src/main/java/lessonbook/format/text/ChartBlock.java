package lessonbook.format.text;

import java.util.ArrayList;
import java.util.List;

import lessonbook.model.Output;
import lessonbook.model.RichOutputText;

/**
 * Reads the chart block as {@link RichOutputText} lays it out: a header ("bar chart: title", optional "x: ..."
 * and "y: ..." lines), then each series ("series: name", left out for a single unnamed series) with one indented
 * row per point, "label | value" for a line chart and "label | bar value" for a bar chart.
 */
final class ChartBlock {
    private ChartBlock() {
    }

    static Output.Chart parse(String body) {
        List<String> lines = OutputBlocks.lines(body);
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i == lines.size()) {
            throw OutputBlocks.malformed(1, "\"bar chart: title\" or \"line chart: title\"", "an empty block");
        }
        Output.Chart.Kind kind;
        String first = lines.get(i);
        if (first.startsWith(RichOutputText.BAR_HEADER)) {
            kind = Output.Chart.Kind.BAR;
        } else if (first.startsWith(RichOutputText.LINE_HEADER)) {
            kind = Output.Chart.Kind.LINE;
        } else {
            throw OutputBlocks.malformed(i + 1, "\"bar chart: title\" or \"line chart: title\"", first);
        }
        String title = value(first, kind == Output.Chart.Kind.BAR ? RichOutputText.BAR_HEADER : RichOutputText.LINE_HEADER);
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
            if (line.startsWith(RichOutputText.SERIES)) {
                if (seriesName != null || !points.isEmpty()) {
                    series.add(new Output.Chart.Series(seriesName == null ? "" : seriesName, points));
                }
                seriesName = value(line, RichOutputText.SERIES);
                points = new ArrayList<>();
            } else if (line.startsWith(" ")) {
                points.add(point(line, i + 1));
            } else {
                throw OutputBlocks.malformed(i + 1, "\"series: name\" or an indented row \"label | value\"", line);
            }
        }
        if (seriesName != null || !points.isEmpty()) {
            series.add(new Output.Chart.Series(seriesName == null ? "" : seriesName, points));
        }
        return new Output.Chart(kind, title, xLabel, yLabel, series);
    }

    private static String value(String line, String key) {
        return OutputBlocks.unescape(OutputBlocks.trimSpaces(line.substring(key.length())));
    }

    private static Output.Chart.Point point(String line, int lineNumber) {
        List<String> pieces = OutputBlocks.splitRow(line);
        if (pieces.size() != 2) {
            throw OutputBlocks.malformed(lineNumber, "a row \"label | value\"", line);
        }
        String label = OutputBlocks.unescape(OutputBlocks.trimSpaces(pieces.get(0)));
        String rest = pieces.get(1).trim();
        int start = 0;
        while (start < rest.length() && (rest.charAt(start) == ' ' || rest.charAt(start) == RichOutputText.FULL_BLOCK
                || RichOutputText.PARTIAL_BLOCKS.indexOf(rest.charAt(start)) >= 0)) {
            start++;
        }
        return new Output.Chart.Point(label, OutputBlocks.parseNumber(rest.substring(start), lineNumber));
    }
}
