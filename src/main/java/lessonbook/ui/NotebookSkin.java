package lessonbook.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;
import javafx.scene.layout.Region;

/**
 * The notebook's scroll pane with the paper behind its cells. The paper is a band as wide as the cell column and
 * as tall as the view, behind the (transparent) viewport: it does not scroll, as a sheet that runs on past both
 * ends of the notebook looks the same scrolled or not, and it changes size only when the window or the zoom does.
 * Inside the scrolled page it would change height with the cells, and a region that changes size is repainted
 * whole (see {@link CellColumn}). Its viewport is not cached as an image ({@link #uncacheViewport}). FX thread
 * only.
 */
final class NotebookSkin extends ScrollPaneSkin {
    private final CellColumn column;
    private final Region paper = new Region();
    private boolean remeasureAsked;

    NotebookSkin(ScrollPane notebook, CellColumn column) {
        super(notebook);
        this.column = column;
        paper.getStyleClass().add("paper");
        paper.setManaged(false);
        paper.setMouseTransparent(true);
        getChildren().add(0, paper);
        uncacheViewport();
        column.addOnHeightChanged(this::remeasureSoon);
    }

    /**
     * The page often grows inside the scroll pane's own layout pass (cells drawn in place of their estimates as they
     * come into view), after this skin took the page's height, and the request for another layout it then makes is
     * wiped at the end of that pass. Its scroll range stays short of the page until something else lays it out:
     * scrolled to the end, the page's last 20 px were below the view, and a scroll value no longer put the page
     * where the view's anchor computed. So the request is made again, once, after the pass.
     */
    private void remeasureSoon() {
        if (!remeasureAsked) {
            remeasureAsked = true;
            Platform.runLater(() -> {
                remeasureAsked = false;
                getSkinnable().requestLayout();
            });
        }
    }

    /**
     * ScrollPane's skin caches its viewport as an image. Then any change inside (a running cell's elapsed-time
     * label, a new output row) rebuilds that image: the whole visible notebook is painted again, every frame,
     * which with software rendering is most of a flood's paint work. Uncached, a frame paints only what changed.
     */
    private void uncacheViewport() {
        for (Node child : getChildren()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        double[] span = column.paperSpan(getSkinnable().getViewportBounds().getWidth());
        double px = x + span[0];
        if (paper.getLayoutX() != px || paper.getLayoutY() != y || paper.getWidth() != span[1]
                || paper.getHeight() != h) {
            paper.resizeRelocate(px, y, span[1], h);
        }
    }
}
