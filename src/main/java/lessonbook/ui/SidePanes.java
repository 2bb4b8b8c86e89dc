package lessonbook.ui;

import java.util.List;

import javafx.scene.layout.BorderPane;

import lessonbook.kernel.client.KernelStatus;
import lessonbook.model.Cell;
import lessonbook.model.NotebookDocument;
import lessonbook.session.NotebookSession;

/**
 * The columns beside the cells, each shown from the View menu: the outline on the left, the variables on the
 * right. Presenter mode hides the outline, the teacher's own map, and brings it back after; the variables stay,
 * since the class may be meant to see them. On the FX thread.
 */
final class SidePanes {
    private final OutlinePane outline;
    private final VariablesPane variables;
    /** Whether the outline was shown when presenter mode hid it. */
    private boolean outlineBeforePresenter;

    SidePanes(NotebookDocument document, NotebookView view, NotebookSession session) {
        this.outline = new OutlinePane(document, view);
        this.variables = new VariablesPane(session::variables, place -> {
            // the newest run of that number: the nearest cell above the last one
            List<Cell> cells = document.cells();
            view.goTo(place, cells.get(cells.size() - 1).id());
        });
    }

    void placeIn(BorderPane main) {
        main.setLeft(outline);
        main.setRight(variables);
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
            if (outlineBeforePresenter) {
                outline.toggle();
            }
        } else if (outlineBeforePresenter && !outline.isShown()) {
            outline.toggle();
        }
    }
}
