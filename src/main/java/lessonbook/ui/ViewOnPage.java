package lessonbook.ui;

import javafx.scene.control.ScrollPane;

/**
 * Where the notebook's view lies on its page (the cell column the scroll pane scrolls), and scrolling the view to
 * a place on the page: the one mapping between the scroll value and page coordinates, for the anchor, the lazy
 * drawing and "show the selected cell" alike. It holds only while the page sits at the viewport's top and the skin's
 * scroll range follows the page's height ({@link CellColumn}'s {@code keepAtPageTop}, {@link NotebookSkin}'s
 * {@code remeasureSoon}); where it did not, the view stood 12-20 px away from where this computed. FX thread only.
 */
final class ViewOnPage {
    private final ScrollPane scroll;
    private final CellColumn page;

    ViewOnPage(ScrollPane scroll, CellColumn page) {
        this.scroll = scroll;
        this.page = page;
    }

    /** The view's height. */
    double height() {
        return scroll.getViewportBounds().getHeight();
    }

    /** How far the view can scroll: the page's height less the view's (not positive: the page fits). */
    double range() {
        return page.height() - height();
    }

    /** Where the view's top edge lies on the page. */
    double top() {
        return scroll.getVvalue() * Math.max(0, range());
    }

    /** Scrolls the view's top edge to {@code y} on the page, as near as the page's ends allow; nothing if it fits. */
    void scrollTo(double y) {
        double range = range();
        if (range > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, y / range)));
        }
    }
}
