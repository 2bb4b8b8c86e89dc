package lessonbook.format.text;

import java.util.ArrayList;
import java.util.List;

import lessonbook.model.Output;
import lessonbook.model.RichOutputText;

/** Reads the table block: an optional title line, then an aligned pipe grid (see {@link RichOutputText}). */
final class TableBlock {
    private TableBlock() {
    }

    static Output.Table parse(String body) {
        List<String> lines = OutputBlocks.lines(body);
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        String title = "";
        if (i < lines.size() && !lines.get(i).startsWith("|")) {
            title = OutputBlocks.unescape(OutputBlocks.trimSpaces(lines.get(i)));
            i++;
        }
        Grid grid = parseGrid(lines, i);
        return new Output.Table(title, grid.header, grid.rows);
    }

    record Grid(List<String> header, List<List<String>> rows) {
    }

    /** Reads a header, a rule and rows from {@code lines[from]} on; blank lines may only trail. */
    static Grid parseGrid(List<String> lines, int from) {
        if (from >= lines.size() || !lines.get(from).trim().startsWith("|")) {
            throw OutputBlocks.malformed(from + 1, "a header row \"| column | ... |\"",
                    from < lines.size() ? lines.get(from) : "the end of the block");
        }
        List<String> header = cells(lines.get(from), from + 1);
        if (from + 1 >= lines.size() || !lines.get(from + 1).trim().matches("\\|[-:| ]*")) {
            throw OutputBlocks.malformed(from + 2, "a rule \"| --- | ... |\"",
                    from + 1 < lines.size() ? lines.get(from + 1) : "the end of the block");
        }
        List<List<String>> rows = new ArrayList<>();
        int i = from + 2;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            List<String> row = cells(lines.get(i), i + 1);
            if (row.size() != header.size()) {
                throw OutputBlocks.malformed(i + 1, header.size() + " cells", row.size() + " cells in " + lines.get(i));
            }
            rows.add(row);
        }
        for (; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                throw OutputBlocks.malformed(i + 1, "the end of the table", lines.get(i));
            }
        }
        return new Grid(header, rows);
    }

    private static List<String> cells(String line, int lineNumber) {
        String trimmed = line.trim();
        if (trimmed.equals("|")) {
            return List.of();
        }
        List<String> pieces = OutputBlocks.splitRow(trimmed);
        if (pieces.size() < 3 || !pieces.get(0).isEmpty() || !pieces.get(pieces.size() - 1).isEmpty()) {
            throw OutputBlocks.malformed(lineNumber, "a row \"| cell | ... |\"", line);
        }
        List<String> cells = new ArrayList<>(pieces.size() - 2);
        for (String piece : pieces.subList(1, pieces.size() - 1)) {
            cells.add(OutputBlocks.unescape(OutputBlocks.trimSpaces(piece)));
        }
        return cells;
    }
}
