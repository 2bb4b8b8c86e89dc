package lessonbook.ui;

import java.util.ArrayDeque;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;

import lessonbook.model.CodeCell;
import lessonbook.model.NotebookDocument;

/**
 * What the notebook view draws when: a lesson opens with only its first screens drawn, and the other cells' prose,
 * saved outputs and editors are drawn as they come near the viewport, a few per turn of the FX thread, without
 * moving the text the reader sees. Threads: FX thread only, as the view it serves.
 */
final class LazyCellDrawing {
    private static final int CELLS_PER_TURN = 1;
    private final ScrollPane scroller;
    private final CellColumn column;
    private final ViewOnPage view;
    private final ViewAnchor anchor;
    private final DoubleProperty fontSize;
    private final NotebookDocument document;
    private final ArrayDeque<CellView> toMaterialize = new ArrayDeque<>();
    private boolean materializing;
    private boolean visibleCheckPending;
    /** Editors are built once the window's first frame is on its way ({@link AfterFirstFrame}). */
    private boolean firstFrameDrawn;

    LazyCellDrawing(ScrollPane scroller, CellColumn column, ViewOnPage view, ViewAnchor anchor,
                    DoubleProperty fontSize, NotebookDocument document) {
        this.scroller = scroller;
        this.column = column;
        this.view = view;
        this.anchor = anchor;
        this.fontSize = fontSize;
        this.document = document;
        // After the scroll, not inside it: drawing a cell's output changes the page's bounds, and the scroll pane's
        // skin, told of that while the scroll value is still being set, sets the value it had before.
        scroller.vvalueProperty().addListener((o, was, now) -> materializeSoon());
        scroller.viewportBoundsProperty().addListener((o, was, now) -> materializeSoon());
        column.addOnHeightChanged(this::materializeSoon);
        AfterFirstFrame.run(() -> {
            firstFrameDrawn = true;
            materializeVisible();
        });
    }

    /**
     * A lesson just opened shows its top: the cells that will be on its first screens are drawn now (their prose
     * rendered, their saved outputs restored), before the window's first frame, and the others when they come near
     * ({@link #materializeVisible}). Nothing is laid out yet, so where a cell will lie is estimated from its text
     * (the views' own estimates of what they have not drawn). Returns how many of {@code ordered} that covers.
     */
    int drawFirstScreens(List<CellView> ordered) {
        double limit = 1.5 * javafx.stage.Screen.getPrimary().getVisualBounds().getHeight();
        double line = Math.ceil(fontSize.get() * 1.5);
        double y = 0;
        int drawn = 0;
        for (CellView view : ordered) {
            if (y > limit) {
                return drawn;
            }
            // The views estimated what they have not drawn when they were made; a code cell's source is a line each.
            y += view.undrawnHeight() + (document.cell(view.cellId()) instanceof CodeCell code
                    ? 24 + line * code.source().lines().count() : 12);
            view.drawContent();
            drawn++;
        }
        return drawn;
    }

    /** {@link #materializeVisible} in a later turn of the FX thread, once however many asked. */
    private void materializeSoon() {
        if (!visibleCheckPending) {
            visibleCheckPending = true;
            Platform.runLater(() -> {
                visibleCheckPending = false;
                materializeVisible();
            });
        }
    }

    /**
     * Builds the real editors and draws the saved outputs of the code cells within a screen of the viewport, and
     * draws the output that arrived while a cell was out of sight.
     */
    private void materializeVisible() {
        if (!firstFrameDrawn) {
            return;
        }
        double viewport = view.height();
        if (viewport <= 0 || column.height() <= 0) {
            return;
        }
        double top = view.top();
        List<javafx.scene.Node> cells = column.cells();
        for (javafx.scene.Node node : cells) {
            if (node instanceof CodeCellView code && code.hasOutputPane() && !code.hasUndrawnContent()) {
                Bounds b = column.boundsOf(code);
                if (b.getMaxY() >= top && b.getMinY() <= top + viewport) {
                    code.outputs().catchUp();
                }
            }
        }
        for (javafx.scene.Node node : cells) {
            CellView cell = (CellView) node;
            boolean editorToBuild = cell instanceof CodeCellView code && !code.isMaterialized();
            if ((editorToBuild || cell.hasUndrawnContent()) && cell.getHeight() > 0) {
                Bounds b = column.boundsOf(cell);
                if (b.getMaxY() >= top - viewport && b.getMinY() <= top + 2 * viewport
                        && !toMaterialize.contains(cell)) {
                    toMaterialize.add(cell);
                }
            }
        }
        if (!toMaterialize.isEmpty() && !materializing) {
            materializing = true;
            Platform.runLater(this::materializeSome);
        }
    }

    /**
     * A few cells per turn of the FX thread, so fast scrolling through a long lesson never stalls: their saved
     * outputs drawn (without moving what the reader sees) and their editors built.
     */
    private void materializeSome() {
        for (int i = 0; i < CELLS_PER_TURN && !toMaterialize.isEmpty(); i++) {
            CellView cell = toMaterialize.poll();
            if (cell.getParent() != null) {
                keepingViewInPlace(() -> {
                    cell.drawContent();
                    if (cell instanceof CodeCellView code) {
                        code.materialize();
                    }
                });
            }
        }
        if (toMaterialize.isEmpty()) {
            materializing = false;
        } else {
            Platform.runLater(this::materializeSome);
        }
    }

    /**
     * Makes a change to cells' heights without moving what the reader sees: the cell at the top of the viewport
     * keeps its place on screen (the scroll pane alone would keep the scroll fraction, and the text would jump).
     * In presenter mode the selected cell's anchor does this job; otherwise the view's anchor ({@link ViewAnchor})
     * keeps the text in place from then on, as later changes come.
     */
    private void keepingViewInPlace(Runnable change) {
        double top = view.top();
        javafx.scene.Node reference = ViewAnchor.firstInView(column, top, view.height());   // the reader's text
        double offset = reference == null ? 0 : onPage(reference) - top;
        change.run();
        if (reference == null || anchor.isPresenting() || top <= 0) {
            return;
        }
        // New nodes take their size from their styles; a drawn output list learns its width in one layout and
        // wraps its rows to it in the next: lay out until the page's height settles.
        column.applyCss();
        double before;
        int passes = 0;
        do {
            before = column.height();
            scroller.layout();
        } while (column.height() != before && ++passes < 4);
        view.scrollTo(onPage(reference) - offset);
        anchor.reanchor();   // the view's anchor from where the reader's text now is
    }

    /** Where a cell's top lies on the scrolled page (the column is the page). */
    private double onPage(javafx.scene.Node cell) {
        return column.boundsOf(cell).getMinY();
    }
}
