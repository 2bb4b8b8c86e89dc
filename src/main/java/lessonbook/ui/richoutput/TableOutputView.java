package lessonbook.ui.richoutput;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import lessonbook.model.Output;

/**
 * A table output as a light grid of text: a title, a bold header, rows with faint rules, numbers aligned
 * right. Large tables show their first {@value #MAX_ROWS} rows and say how many more there are.
 */
public final class TableOutputView extends VBox {
    static final int MAX_ROWS = 200;

    private final Output.Table table;

    public TableOutputView(Output.Table table) {
        this.table = table;
        getStyleClass().add("table-output");
        getStylesheets().add(DisplayViews.STYLESHEET);
        if (!table.title().isEmpty()) {
            Label title = new Label(table.title());
            title.getStyleClass().add("table-title");
            title.setWrapText(true);
            getChildren().add(title);
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("table-grid");
        grid.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // rules as wide as the table, not the pane
        List<String> columns = table.columns();
        boolean[] numeric = new boolean[columns.size()];
        int[] decimals = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            numeric[c] = isNumericColumn(c);
            decimals[c] = numeric[c] ? sharedDecimals(c) : -1;
            grid.add(cell(columns.get(c), "table-header", numeric[c]), c, 0);
        }
        int shown = Math.min(MAX_ROWS, table.rows().size());
        for (int r = 0; r < shown; r++) {
            List<String> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Label cell = cell(aligned(row.get(c), decimals[c]), "table-cell", numeric[c]);
                if (r % 2 == 1) {
                    cell.getStyleClass().add("table-cell-alt");
                }
                grid.add(cell, c, r + 1);
            }
        }
        getChildren().add(grid);
        if (shown < table.rows().size()) {
            Label more = new Label(String.format("… %,d more rows (saved with the lesson)",
                    table.rows().size() - shown));
            more.getStyleClass().add("table-more");
            getChildren().add(more);
        }
    }

    /** The table shown. */
    public Output.Table table() {
        return table;
    }

    private static Label cell(String text, String styleClass, boolean numeric) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMaxWidth(Double.MAX_VALUE);
        if (numeric) {
            label.getStyleClass().add("table-number");
            label.setAlignment(Pos.CENTER_RIGHT);
        }
        return label;
    }

    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("-?\\d+(\\.(\\d+))?");
    private static final int MAX_PADDED_DECIMALS = 6;

    /**
     * The decimals every cell of a column of plain decimal numbers takes room for (the most any cell has), so the
     * points line up: "9.39" over "8.896", each digit under a digit. -1 when the column has other text. Only the
     * view pads; the table saved with the lesson keeps the cell's own text.
     */
    private int sharedDecimals(int column) {
        int most = 0;
        for (List<String> row : table.rows()) {
            String v = row.get(column).trim();
            if (v.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = PLAIN_DECIMAL.matcher(v);
            if (!m.matches()) {
                return -1;
            }
            most = Math.max(most, m.group(2) == null ? 0 : m.group(2).length());
        }
        return most <= MAX_PADDED_DECIMALS ? most : -1;
    }

    /** A digit's width without a digit (Unicode's figure space), and a point's (punctuation space). */
    static final char NO_DIGIT = '\u2007';
    static final char NO_POINT = '\u2008';

    /**
     * {@code text} with room for {@code decimals} decimals, right-aligned in its column: blanks as wide as the digits
     * it lacks, not zeros, which would claim a precision the number does not have ("0.1060" for 0.106).
     */
    static String aligned(String text, int decimals) {
        String v = text.trim();
        if (decimals <= 0 || v.isEmpty()) {
            return text;
        }
        int dot = v.indexOf('.');
        int has = dot < 0 ? 0 : v.length() - dot - 1;
        return v + (dot < 0 ? String.valueOf(NO_POINT) : "") + String.valueOf(NO_DIGIT).repeat(decimals - has);
    }

    private boolean isNumericColumn(int column) {
        boolean any = false;
        for (List<String> row : table.rows()) {
            String v = row.get(column).trim();
            if (v.isEmpty()) {
                continue;
            }
            if (!v.matches("[-+]?(\\d[\\d_,]*)?(\\.\\d+)?([eE][-+]?\\d+)?\\s*(%|x|s|ms)?") || v.matches("\\D*")) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
