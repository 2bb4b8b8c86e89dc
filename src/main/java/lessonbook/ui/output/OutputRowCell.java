package lessonbook.ui.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.scene.control.ListCell;

import lessonbook.model.CellLine;

/**
 * One drawn row of an output pane: the row's text with its line's style classes; a click on an exception's
 * header folds or unfolds its frames, one on a frame that names a cell's line ({@link CellLine}) goes there.
 * A laid-out row on screen tells the list its font and padding, so the list knows how many characters fit in a
 * row.
 */
final class OutputRowCell extends ListCell<RowWrapper.Row> {
    private final RowList list;
    private final List<String> applied = new ArrayList<>();
    private String appliedStyle = "";

    OutputRowCell(RowList list, IntConsumer toggleError, Consumer<CellLine> goTo) {
        this.list = list;
        getStyleClass().add("output-line");
        setOnMouseClicked(e -> {
            OutputLine line = getItem() == null ? null : getItem().line();
            if (line != null && line.errorHeader()) {
                toggleError.accept(line.errorId());
            } else if (line != null && e.getClickCount() == 1) {
                line.place().ifPresent(goTo);
            }
        });
    }

    @Override
    protected void updateItem(RowWrapper.Row row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setStyles("");
            setText(null);
            return;
        }
        setText(row.text());
        setStyles(row.continued() ? row.line().styleClass() + " out-continued" : row.line().styleClass());
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // Only a cell on screen tells the width: the list also lays out a hidden cell to measure rows.
        if (!isEmpty() && getItem() != null && !getItem().continued() && getParent() != null
                && getParent().isVisible() && isVisible()) {
            list.cellLaidOut(getFont(), snappedLeftInset() + snappedRightInset());
        }
    }

    /** Changing style classes re-applies CSS to the cell: during a flood rows keep their style, so skip it. */
    private void setStyles(String styles) {
        if (styles.equals(appliedStyle)) {
            return;
        }
        getStyleClass().removeAll(applied);
        applied.clear();
        if (!styles.isEmpty()) {
            applied.addAll(List.of(styles.split(" ")));
        }
        getStyleClass().addAll(applied);
        appliedStyle = styles;
    }
}
