package lessonbook.ui.display;

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
        for (int c = 0; c < columns.size(); c++) {
            numeric[c] = isNumericColumn(c);
            grid.add(cell(columns.get(c), "table-header", numeric[c]), c, 0);
        }
        int shown = Math.min(MAX_ROWS, table.rows().size());
        for (int r = 0; r < shown; r++) {
            List<String> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Label cell = cell(row.get(c), "table-cell", numeric[c]);
                if (r % 2 == 1) {
                    cell.getStyleClass().add("table-cell-alt");
                }
                grid.add(cell, c, r + 1);
            }
        }
        getChildren().add(grid);
        if (shown < table.rows().size()) {
            Label more = new Label("… " + (table.rows().size() - shown) + " more rows (saved with the lesson)");
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
