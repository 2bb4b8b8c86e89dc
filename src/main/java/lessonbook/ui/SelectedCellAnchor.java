package lessonbook.ui;

import java.util.function.Supplier;

import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Keeps the selected cell where it is on screen while cells around it change height (presenter mode): output
 * that lands after the class moved on (a worker's late lines, the rest of a flood) grows the cell above, and
 * without this it pushes the cell about to run off the bottom of the projector. It is the browsers' scroll
 * anchoring, for one cell: the offset of the cell's top from the viewport's top is kept whenever the notebook
 * lays out, and is taken anew when the view is scrolled on purpose (a cell selected and shown, the wheel, the
 * scroll bar, a key). Not on every change of the scroll value: the scroll pane changes it itself when its
 * content grows, and that is exactly the move this undoes.
 */
final class SelectedCellAnchor {
    private final ScrollPane scroll;
    private final CellColumn column;
    private final Supplier<Region> selected;
    private boolean active;
    private boolean holding;
    private double offset = Double.NaN;

    SelectedCellAnchor(ScrollPane scroll, CellColumn column, Supplier<Region> selected) {
        this.scroll = scroll;
        this.column = column;
        this.selected = selected;
        // After the scroll they cause has been applied.
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> javafx.application.Platform.runLater(this::take));
        scroll.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED,
                e -> javafx.application.Platform.runLater(this::take));
        scroll.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED,
                e -> javafx.application.Platform.runLater(this::take));
        column.addOnHeightChanged(this::hold);
    }

    void setActive(boolean on) {
        active = on;
        take();
    }

    boolean isActive() {
        return active;
    }

    /** Cells moved on the page (a cell above them changed height): called by the column's layout. */
    void cellsMoved() {
        hold();
    }

    /** Remembers where the selected cell's top is on screen now. */
    void take() {
        Region cell = selected.get();
        double max = column.height() - scroll.getViewportBounds().getHeight();
        offset = !active || cell == null || max <= 0 ? Double.NaN
                : column.boundsOf(cell).getMinY() - scroll.getVvalue() * max;
    }

    /** Scrolls so that the selected cell's top is where it was taken. */
    private void hold() {
        Region cell = selected.get();
        if (!active || holding || cell == null || Double.isNaN(offset)) {
            return;
        }
        double max = column.height() - scroll.getViewportBounds().getHeight();
        if (max <= 0) {
            return;
        }
        double top = column.boundsOf(cell).getMinY() - offset;
        holding = true;
        try {
            scroll.setVvalue(Math.max(0, Math.min(1, top / max)));
        } finally {
            holding = false;
        }
    }
}
