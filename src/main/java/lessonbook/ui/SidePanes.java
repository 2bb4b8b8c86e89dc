package lessonbook.ui;

import java.util.List;

import javafx.scene.layout.BorderPane;

import lessonbook.kernel.client.KernelStatus;
import lessonbook.model.Cell;
import lessonbook.model.NotebookDocument;
import lessonbook.session.NotebookSession;

/**
 * The columns beside the cells, each shown from the View menu: the outline on the left, the variables on the
 * right. Presenter mode hides both and brings back after what was shown: at its large font a column would take the
 * width the class needs for the cells (found on screen: the variables squeezed the cells to a third). On the FX
 * thread.
 */
final class SidePanes {
    static final double MOST_OF_WIDTH = 0.3;
    private final OutlinePane outline;
    private final VariablesPane variables;
    /** What was shown when presenter mode hid it. */
    private boolean outlineBeforePresenter;
    private boolean variablesBeforePresenter;

    SidePanes(NotebookDocument document, NotebookView view, NotebookSession session) {
        this.outline = new OutlinePane(document, view);
        this.variables = new VariablesPane(session::variables, place -> {
            // the newest run of that number: the nearest cell above the last one
            List<Cell> cells = document.cells();
            view.goTo(place, cells.get(cells.size() - 1).id());
        });
    }

    /** Each column at most 30 % of the window: their widths are in em, and presenter mode zooms. */
    void placeIn(BorderPane main) {
        main.setLeft(outline);
        main.setRight(variables);
        outline.maxWidthProperty().bind(main.widthProperty().multiply(MOST_OF_WIDTH));
        variables.maxWidthProperty().bind(main.widthProperty().multiply(MOST_OF_WIDTH));
    }

    OutlinePane outline() {
        return outline;
    }

    VariablesPane variables() {
        return variables;
    }

    void selectionMoved() {
        outline.selectionMoved();
    }

    void kernelStatus(KernelStatus status) {
        if (status == KernelStatus.RESTARTING || status == KernelStatus.DEAD) {
            variables.kernelGone();
        } else if (status == KernelStatus.IDLE) {
            variables.kernelIdle();
        }
    }

    void presenterActive(boolean active) {
        if (active) {
            outlineBeforePresenter = outline.isShown();
            variablesBeforePresenter = variables.isShown();
        }
        showIf(outline, !active && outlineBeforePresenter);
        showIf(variables, !active && variablesBeforePresenter);
    }

    static void showIf(SideColumn column, boolean shown) {
        if (column.isShown() != shown) {
            column.toggle();
        }
    }
}
