package lessonbook.ui.output;

import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The list an output pane draws its rows in. It knows how many characters fit in a row (from its viewport
 * and its cells' font) and says when that changes, and it scrolls to its end only once laid out.
 */
final class RowList extends ListView<RowWrapper.Row> {
    private final Runnable onColumnsChanged;
    private int columns;
    private Font font;
    private double charWidth;
    private double cellPadding;
    private boolean measureQueued;
    private boolean showEnd;
    private Node viewport;

    /** {@code onColumnsChanged} runs (on the FX thread, never inside a layout) when {@link #columns()} changed. */
    RowList(ObservableList<RowWrapper.Row> rows, Runnable onColumnsChanged) {
        super(rows);
        this.onColumnsChanged = onColumnsChanged;
        widthProperty().addListener((o, was, now) -> queueMeasure());
    }

    /** Characters per row; 0 until a cell has been laid out (then rows are not broken). */
    int columns() {
        return columns;
    }

    /** A cell on screen tells its font and padding; a change of either (zoom, theme) re-measures. */
    void cellLaidOut(Font cellFont, double padding) {
        watchViewport();
        boolean changed = !cellFont.equals(font) || padding != cellPadding;
        if (!cellFont.equals(font)) {
            font = cellFont;
            Text probe = new Text("0123456789abcdefghijklmnopqrstuvwxyz");
            probe.setFont(cellFont);
            charWidth = probe.getLayoutBounds().getWidth() / 36;
        }
        cellPadding = padding;
        // Also when the viewport has no width yet (the list's first layout): measured after this pass.
        if (changed || measure() != columns) {
            queueMeasure();
        }
    }

    /** The viewport's width is what rows are broken to: its every change (a scroll bar coming) re-measures. */
    private void watchViewport() {
        if (viewport == null) {
            viewport = lookup(".clipped-container");
            if (viewport != null) {
                viewport.layoutBoundsProperty().addListener((o, was, now) -> {
                    if (was.getWidth() != now.getWidth()) {
                        queueMeasure();
                    }
                });
            }
        }
    }

    /** Re-measures once, after this layout pass: the rows must not change while the list lays them out. */
    private void queueMeasure() {
        if (!measureQueued) {
            measureQueued = true;
            Platform.runLater(() -> {
                measureQueued = false;
                int now = measure();
                if (now != columns) {
                    columns = now;
                    onColumnsChanged.run();
                }
            });
        }
    }

    /**
     * The viewport's width (not a cell's width, which grows with an unbroken row) less a cell's padding, over one
     * character of the cells' font; one column spare against rounding. The vertical scroll bar's room counts as
     * taken whether it is shown or not, so that its coming with a flood's first batch does not break every row
     * again.
     */
    private int measure() {
        if (font == null || viewport == null || viewport.getLayoutBounds().getWidth() <= 0) {
            return columns;
        }
        ScrollBar bar = verticalBar();
        double barRoom = bar == null || bar.isVisible() ? 0 : bar.prefWidth(-1);
        double textWidth = viewport.getLayoutBounds().getWidth() - barRoom - cellPadding;
        return Math.max(RowWrapper.MIN_COLUMNS, (int) Math.floor(textWidth / charWidth) - 1);
    }

    private ScrollBar verticalBar() {
        for (Node node : lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return bar;
            }
        }
        return null;
    }

    /**
     * Scrolls to the last row, whole, at the next layout. Asked at once (right after a batch), a scroll is
     * measured against the row count and height the list had before the batch: after a flood it landed a row
     * or more short of the end. Laid out, the list knows both, and its flow is laid out right after this.
     */
    void showEndOnLayout() {
        showEnd = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (showEnd) {
            showEnd = false;
            if (lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.setPosition(1.0);
            } else {
                scrollTo(getItems().size() - 1);
            }
        }
    }
}
