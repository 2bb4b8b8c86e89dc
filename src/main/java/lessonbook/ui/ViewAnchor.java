package lessonbook.ui;

import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Keeps what the reader sees in place while cells above it change height: the browsers' scroll anchoring. Output
 * that lands above the view (Run All going on above the part the teacher is explaining, a worker's late lines)
 * makes the page taller above the view, and the scroll pane alone keeps its scroll fraction, so the text in view
 * slid with every output: a view on cell 238 of a 1,500-cell notebook showed cell 194 after 15 s of Run All. The
 * anchor is the first cell whose top is in view, or in presenter mode the selected cell (late output must not push
 * the cell about to run off the bottom of the projector). Its offset from the viewport's top is kept whenever the
 * notebook lays out, and taken anew when the view is scrolled on purpose (the wheel, the scroll bar, a key, a cell
 * selected and shown, the view kept in place as cells are drawn). Not on every change of the scroll value: the
 * scroll pane changes it itself when its content grows, and that is exactly the move this undoes (a listener on
 * the value lost presenter mode's anchor, `PresenterLateOutputTest`). At the very top of the notebook nothing is
 * anchored, as in a browser: the view stays at the top, and follows nothing.
 * <p>
 * <b>The selected cell's own growth wins.</b> A cell the user selected and sees whole (they ran it, or scrolled it
 * into view and its worker lanes joined) may grow below the view's bottom edge while the anchor above it holds:
 * the view then follows its new bottom, at most until the cell's top reaches the view's top, so its output and
 * lanes come into sight. Only its own growth: a selected cell pushed down by a cell above it growing stays where
 * the anchor puts it, or Run All above a teacher's place would scroll the page away from what they read.
 * <p>
 * FX thread only.
 */
final class ViewAnchor {
    private final CellColumn column;
    private final ViewOnPage view;
    private final Supplier<Region> selected;
    private boolean presenting;
    private boolean holding;
    /** The anchored cell (outside presenter mode), or null. */
    private Node cell;
    private double offset = Double.NaN;
    /** The selected cell while it was whole in view when last taken, and its height then; else null. */
    private Node followed;
    private double followedHeight;

    ViewAnchor(ScrollPane scroll, CellColumn column, ViewOnPage view, Supplier<Region> selected) {
        this.column = column;
        this.view = view;
        this.selected = selected;
        // After the scroll they cause has been applied.
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(this::take));
        scroll.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::take));
        scroll.addEventFilter(KeyEvent.KEY_RELEASED, e -> Platform.runLater(this::take));
        column.addOnHeightChanged(this::hold);
    }

    /** Presenter mode: the selected cell is the anchor. */
    void setPresenting(boolean on) {
        presenting = on;
        take();
    }

    boolean isPresenting() {
        return presenting;
    }

    /** Cells moved on the page (a cell above them changed height): called by the column's layout. */
    void cellsMoved() {
        hold();
    }

    /**
     * The view was scrolled on purpose: remembers the anchor and where its top is on screen now, and the selected
     * cell if it is whole in view (its growth is followed from here).
     */
    void take() {
        reanchor();
        double viewport = view.height();
        double top = view.top();
        Region chosen = selected.get();
        followed = null;
        if (!presenting && chosen != null && chosen.getParent() != null) {
            Bounds bounds = column.boundsOf(chosen);
            if (bounds.getMinY() >= top && bounds.getMaxY() <= top + viewport) {
                followed = chosen;
                followedHeight = bounds.getHeight();
            }
        }
    }

    /**
     * Remembers the anchor and where its top is on screen now, and goes on following the selected cell's growth: for
     * the window's own moves (cells drawn in place of their estimates), which may come while that cell has grown
     * past the view's bottom and before the view followed it.
     */
    void reanchor() {
        double top = view.top();
        Node anchor = presenting ? selected.get() : top <= 0 ? null : firstInView(column, top, view.height());
        cell = presenting ? null : anchor;
        offset = anchor == null || view.range() <= 0 ? Double.NaN : column.boundsOf(anchor).getMinY() - top;
    }

    /**
     * The first cell whose top is in view, the reader's text; a cell cut by the viewport's top edge may be the one
     * that grows, so it is the anchor only when it spans the whole view.
     */
    static Node firstInView(CellColumn column, double top, double viewport) {
        for (Node node : column.cells()) {
            Bounds bounds = column.boundsOf(node);
            if (bounds.getMinY() >= top || bounds.getMaxY() > top + viewport) {
                return node;
            }
        }
        return null;
    }

    /** Scrolls so that the anchor's top is where it was taken, or further down for the selected cell's growth. */
    private void hold() {
        if (holding) {
            return;
        }
        Node anchor = presenting ? selected.get() : cell;
        if (anchor == null || Double.isNaN(offset)) {
            return;   // nothing anchored (the very top of the notebook): the view stays at the top
        }
        if (anchor.getParent() == null) {
            take();   // the anchored cell was deleted: the cell now in its place is the reader's
            return;
        }
        if (view.range() <= 0) {
            return;
        }
        double top = yieldToSelectedGrowth(column.boundsOf(anchor).getMinY() - offset, view.height());
        offset = column.boundsOf(anchor).getMinY() - top;
        holding = true;
        try {
            view.scrollTo(top);
        } finally {
            holding = false;
        }
    }

    /**
     * Where the view's top must be for the selected cell, grown since it was taken, to stay in sight: its bottom in
     * view, its top never above the view's top. {@code top} itself when it has not grown or still fits.
     */
    private double yieldToSelectedGrowth(double top, double viewport) {
        if (followed == null || followed != selected.get() || followed.getParent() == null) {
            return top;
        }
        Bounds bounds = column.boundsOf(followed);
        double below = bounds.getMaxY() - (top + viewport);
        if (bounds.getHeight() <= followedHeight || below <= 0) {
            return top;
        }
        return top + Math.max(0, Math.min(below, bounds.getMinY() - top));
    }
}
