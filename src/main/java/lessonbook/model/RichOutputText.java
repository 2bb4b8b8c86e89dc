package lessonbook.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain text of the outputs that are drawn rather than printed: a table as an aligned pipe grid, a chart as
 * labelled bars of block characters (or, for a line chart, its points), a check as one line. This is what
 * {@link Output#text()} gives, so the headless runner and the clipboard show it; lesson files keep the same text
 * in their blocks, which is why the readers in {@code lessonbook.format.text} parse exactly this layout. The
 * layout lives here rather than next to those readers because the model may not depend on a file format.
 *
 * <p>In every cell, label and title a backslash escapes: {@code \|} a bar, {@code \\} a backslash, {@code \n}
 * {@code \r} {@code \t} line breaks and tabs, {@code \s} a space at either end, {@code \}{@code u00XX} other
 * control characters, and a leading backtick is written {@code \`} so that no line can close a fence.
 * Numbers are written in the shortest form that reads back as the same {@code double}.
 */
public final class RichOutputText {
    public static final String BAR_HEADER = "bar chart:";
    public static final String LINE_HEADER = "line chart:";
    public static final String SERIES = "series:";
    /** One eighth of a block per step; index 0 is "no part", so a reader can skip all of these before a value. */
    public static final String PARTIAL_BLOCKS = " ▏▎▍▌▋▊▉";
    public static final char FULL_BLOCK = '█';
    private static final int BAR_COLUMNS = 30;
    private static final String PASSED = "passed";
    private static final String FAILED = "failed";

    private RichOutputText() {
    }

    /** An optional title line, then an aligned pipe grid (header, rule, rows). */
    static String table(Output.Table table) {
        StringBuilder out = new StringBuilder();
        if (!table.title().isEmpty()) {
            out.append(escape(table.title(), true)).append('\n');
        }
        out.append(grid(table.columns(), table.rows()));
        return out.toString();
    }

    /**
     * A header ("bar chart: title", optional "x: ..." and "y: ..." lines), then each series ("series: name", left
     * out for a single unnamed series) with one indented row per point, "label | value" for a line chart and
     * "label | bar value" for a bar chart.
     */
    static String chart(Output.Chart chart) {
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
                labelWidth = Math.max(labelWidth, displayWidth(escape(p.x(), true)));
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
                out.append("  ").append(pad(escape(p.x(), true), labelWidth)).append(" | ");
                if (chart.kind() == Output.Chart.Kind.BAR) {
                    out.append(bar(p.y(), largest)).append(' ');
                }
                out.append(formatNumber(p.y())).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code [passed] factorial(5): 120} or {@code [failed] factorial(20): expected 2432902008176640000 but was -2102132736}. */
    static String check(Output.Check check) {
        StringBuilder text = new StringBuilder("[").append(check.passed() ? PASSED : FAILED).append("] ")
                .append(check.what());
        if (check.comparesValues()) {
            text.append(": ");
            if (check.passed()) {
                text.append(check.actual());
            } else {
                text.append("expected ").append(check.expected()).append(" but was ").append(check.actual());
            }
        }
        return text.append('\n').toString();
    }

    private static String headerLine(String key, String value) {
        return value.isEmpty() ? key + "\n" : key + " " + escape(value, false) + "\n";
    }

    /** Whole blocks and one eighth-block for the rest, padded so the values line up. */
    private static String bar(double value, double largest) {
        int eighths = !(value > 0) || !(largest > 0) || !Double.isFinite(value)
                ? 0 : (int) Math.round(value / largest * BAR_COLUMNS * 8);
        StringBuilder bar = new StringBuilder(String.valueOf(FULL_BLOCK).repeat(eighths / 8));
        if (eighths % 8 != 0) {
            bar.append(PARTIAL_BLOCKS.charAt(eighths % 8));
        }
        while (bar.length() < BAR_COLUMNS) {
            bar.append(' ');
        }
        return bar.toString();
    }

    /** A grid whose columns are as wide as their widest cell, every cell escaped. */
    public static String grid(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> escapedRows = new ArrayList<>(rows.size() + 1);
        escapedRows.add(escapeAll(header));
        rows.forEach(r -> escapedRows.add(escapeAll(r)));
        for (List<String> row : escapedRows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(Math.max(widths[c], 3), displayWidth(row.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, escapedRows.get(0), widths);
        List<String> rule = new ArrayList<>(widths.length);
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        appendRow(out, rule, widths);
        for (List<String> row : escapedRows.subList(1, escapedRows.size())) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    private static List<String> escapeAll(List<String> cells) {
        List<String> escaped = new ArrayList<>(cells.size());
        cells.forEach(c -> escaped.add(escape(c, true)));
        return escaped;
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        if (cells.isEmpty()) {
            out.append("|\n");
            return;
        }
        for (int c = 0; c < cells.size(); c++) {
            out.append("| ").append(pad(cells.get(c), widths[c])).append(' ');
        }
        out.append("|\n");
    }

    /** Escapes a value so it fits on one line, survives trimming, and (with {@code pipes}) a pipe-separated row. */
    private static String escape(String value, boolean pipes) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean atEnd = i == 0 || i == value.length() - 1;
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '|' && pipes) {
                out.append("\\|");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == ' ' && atEnd) {
                out.append("\\s");
            } else if (c == '`' && i == 0) {
                out.append("\\`");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The shortest text that reads back as the same double, without exponent for everyday magnitudes. */
    private static String formatNumber(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e15) {
            return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }

    /** Columns a text takes in a monospaced font: wide East Asian characters take two, combining marks none. */
    private static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            width += isWide(cp) ? 2 : 1;
        }
        return width;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static String pad(String s, int width) {
        int missing = width - displayWidth(s);
        return missing <= 0 ? s : s + " ".repeat(missing);
    }
}
