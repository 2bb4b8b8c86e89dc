package lessonbook.display;

import java.util.ArrayList;
import java.util.List;

import lessonbook.model.Output;
import lessonbook.model.TextCut;

/**
 * A table built row by row, then shown under the cell:
 *
 * <pre>{@code
 * Table.of("Timings", "strategy", "seconds", "speedup")
 *      .row("sequential", 2.97, 1.0)
 *      .row("pool", 1.52, 1.95)
 *      .show();
 * }</pre>
 *
 * Numbers with many decimals are rounded for reading (pass a {@code String} to show a value exactly);
 * {@code null} shows as an empty cell.
 * <p>
 * A table keeps its first {@value #MAX_ROWS} rows, or fewer when they pass {@value #MAX_CHARS} characters in all
 * (a value is cut at {@value #MAX_CELL_CHARS}), and its title then says how many rows it had. A loop that adds a
 * row at every step makes a table of a million rows: whole, it came to 25 MB, more than a cell may send, and was
 * left out altogether, the cell saying only how many lines it did not keep.
 */
public final class Table {
    static final int MAX_ROWS = 5_000;
    static final int MAX_CHARS = 100_000;
    static final int MAX_CELL_CHARS = 1_000;
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private long rowsAdded;
    private int chars;
    private boolean full;

    private Table(String title, List<String> columns) {
        this.title = title;
        this.columns = columns;
    }

    /** A table with a title and these column names. */
    public static Table of(String title, String... columns) {
        List<String> names = new ArrayList<>(columns.length);
        for (String c : columns) {
            names.add(c == null ? "" : TextCut.head(c, MAX_CELL_CHARS));
        }
        return new Table(TextCut.head(title, MAX_CELL_CHARS), List.copyOf(names));
    }

    /**
     * Adds a row with one value per column; missing values at the end are left empty.
     *
     * @throws IllegalArgumentException if there are more values than columns
     */
    public Table row(Object... values) {
        if (values.length > columns.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + values.length
                    + " values but the table has " + columns.size() + " columns " + columns);
        }
        rowsAdded++;
        if (full) {
            return this;
        }
        List<String> cells = new ArrayList<>(columns.size());
        int size = 0;
        for (String text : Display.cellTexts(values)) {
            String cut = TextCut.head(text, MAX_CELL_CHARS);
            cells.add(cut);
            size += cut.length() + 1;
        }
        while (cells.size() < columns.size()) {
            cells.add("");
        }
        if (rows.size() == MAX_ROWS || chars + size > MAX_CHARS) {
            full = true;
            return this;
        }
        rows.add(cells);
        chars += size;
        return this;
    }

    /** The table as an output record, without showing it; its title says so when rows were left out. */
    public Output.Table build() {
        if (rowsAdded == rows.size()) {
            return new Output.Table(title, columns, rows);
        }
        String note = String.format("(the first %,d of %,d rows)", rows.size(), rowsAdded);
        return new Output.Table(title == null || title.isEmpty() ? note : title + " " + note, columns, rows);
    }

    /** Shows the table under the cell (as text outside the notebook). */
    public void show() {
        Display.show(build());
    }
}
