package lessonbook.model;

import java.util.ArrayList;
import java.util.List;

/** The table block: an optional title line, then an aligned pipe grid (header, rule, rows). */
final class TableText {
    private TableText() {
    }

    static String format(Output.Table table) {
        StringBuilder out = new StringBuilder();
        if (!table.title().isEmpty()) {
            out.append(DisplayText.escape(table.title(), true)).append('\n');
        }
        out.append(grid(table.columns(), table.rows()));
        return out.toString();
    }

    static Output.Table parse(String body) {
        List<String> lines = DisplayText.lines(body);
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        String title = "";
        if (i < lines.size() && !lines.get(i).startsWith("|")) {
            title = DisplayText.unescape(DisplayText.trimSpaces(lines.get(i)));
            i++;
        }
        Grid grid = parseGrid(lines, i);
        return new Output.Table(title, grid.header, grid.rows);
    }

    /** A grid whose columns are as wide as their widest cell, every cell escaped. */
    static String grid(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> escapedRows = new ArrayList<>(rows.size() + 1);
        escapedRows.add(escapeAll(header));
        rows.forEach(r -> escapedRows.add(escapeAll(r)));
        for (List<String> row : escapedRows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(Math.max(widths[c], 3), DisplayText.displayWidth(row.get(c)));
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
        cells.forEach(c -> escaped.add(DisplayText.escape(c, true)));
        return escaped;
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        if (cells.isEmpty()) {
            out.append("|\n");
            return;
        }
        for (int c = 0; c < cells.size(); c++) {
            out.append("| ").append(DisplayText.pad(cells.get(c), widths[c])).append(' ');
        }
        out.append("|\n");
    }

    record Grid(List<String> header, List<List<String>> rows) {
    }

    /** Reads a header, a rule and rows from {@code lines[from]} on; blank lines may only trail. */
    static Grid parseGrid(List<String> lines, int from) {
        if (from >= lines.size() || !lines.get(from).trim().startsWith("|")) {
            throw DisplayText.malformed(from + 1, "a header row \"| column | ... |\"",
                    from < lines.size() ? lines.get(from) : "the end of the block");
        }
        List<String> header = cells(lines.get(from), from + 1);
        if (from + 1 >= lines.size() || !lines.get(from + 1).trim().matches("\\|[-:| ]*")) {
            throw DisplayText.malformed(from + 2, "a rule \"| --- | ... |\"",
                    from + 1 < lines.size() ? lines.get(from + 1) : "the end of the block");
        }
        List<List<String>> rows = new ArrayList<>();
        int i = from + 2;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            List<String> row = cells(lines.get(i), i + 1);
            if (row.size() != header.size()) {
                throw DisplayText.malformed(i + 1, header.size() + " cells", row.size() + " cells in " + lines.get(i));
            }
            rows.add(row);
        }
        for (; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                throw DisplayText.malformed(i + 1, "the end of the table", lines.get(i));
            }
        }
        return new Grid(header, rows);
    }

    private static List<String> cells(String line, int lineNumber) {
        String trimmed = line.trim();
        if (trimmed.equals("|")) {
            return List.of();
        }
        List<String> pieces = DisplayText.splitRow(trimmed);
        if (pieces.size() < 3 || !pieces.get(0).isEmpty() || !pieces.get(pieces.size() - 1).isEmpty()) {
            throw DisplayText.malformed(lineNumber, "a row \"| cell | ... |\"", line);
        }
        List<String> cells = new ArrayList<>(pieces.size() - 2);
        for (String piece : pieces.subList(1, pieces.size() - 1)) {
            cells.add(DisplayText.unescape(DisplayText.trimSpaces(piece)));
        }
        return cells;
    }
}
