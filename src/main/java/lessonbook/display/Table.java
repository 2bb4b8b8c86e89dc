package lessonbook.display;

import java.util.ArrayList;
import java.util.List;

import lessonbook.model.Output;

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
 */
public final class Table {
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(String title, List<String> columns) {
        this.title = title;
        this.columns = columns;
    }

    /** A table with a title and these column names. */
    public static Table of(String title, String... columns) {
        List<String> names = new ArrayList<>(columns.length);
        for (String c : columns) {
            names.add(c == null ? "" : c);
        }
        return new Table(title, List.copyOf(names));
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
        List<String> cells = Display.cellTexts(values);
        while (cells.size() < columns.size()) {
            cells.add("");
        }
        rows.add(cells);
        return this;
    }

    /** The table as an output record, without showing it. */
    public Output.Table build() {
        return new Output.Table(title, columns, rows);
    }

    /** Shows the table under the cell (as text outside the notebook). */
    public void show() {
        Display.show(build());
    }
}
