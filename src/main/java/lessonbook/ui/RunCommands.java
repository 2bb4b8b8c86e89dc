package lessonbook.ui;

import java.util.List;

import javafx.application.Platform;

import lessonbook.model.CellIds;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.NotebookDocument;
import lessonbook.session.ExerciseChecks;
import lessonbook.session.NotebookSession;

/**
 * Running cells and driving the kernel from the window: the Run and Kernel menus, their keys and the toolbar's
 * run buttons all end here, and every one of them goes to the {@link NotebookSession}. On the FX thread.
 */
final class RunCommands {
    private final NotebookDocument document;
    private final NotebookView view;
    private final NotebookSession session;
    private final ExerciseChecks exercises;
    private final CellEditCommands edits;

    RunCommands(NotebookDocument document, NotebookView view, NotebookSession session, ExerciseChecks exercises,
                CellEditCommands edits) {
        this.document = document;
        this.view = view;
        this.session = session;
        this.exercises = exercises;
        this.edits = edits;
    }

    void runAndAdvance() {
        String id = runSelected();
        if (id == null) {
            return;
        }
        int index = document.indexOf(id);
        if (index + 1 >= document.cells().size()) {
            edits.insertAt(index + 1, new CodeCell(CellIds.next(), ""), false);
        }
        view.selectIndex(index + 1);
        if (document.cell(view.selectedId()).source().isEmpty()) {
            view.editSelected();
        }
    }

    void runInPlace() {
        runSelected();
    }

    void runAndInsert() {
        String id = runSelected();
        if (id != null) {
            edits.insertAt(document.indexOf(id) + 1, new CodeCell(CellIds.next(), ""), true);
        }
    }

    /** Runs (or renders) the selected cells in order and leaves the editor; returns the last of them. */
    private String runSelected() {
        List<String> ids = view.selectedIds();
        if (ids.isEmpty()) {
            return null;
        }
        view.commandMode();
        ids.forEach(session::run);
        return ids.get(ids.size() - 1);
    }

    void runAll() {
        view.commandMode();
        renderAllMarkdown();
        session.runAll();
    }

    void runAllAbove() {
        view.commandMode();
        session.runAllAbove(Math.max(0, view.selectedIndex()));
    }

    void runSelectedAndBelow() {
        view.commandMode();
        renderAllMarkdown();
        session.runFrom(Math.max(0, view.selectedIndex()));
    }

    /**
     * The Check button (and Run ▸ Check Exercise on the selected exercise or one of its check cells): runs the
     * exercise, then its checks.
     */
    void checkExercise(String cellId) {
        view.commandMode();
        exercises.exerciseOf(cellId).ifPresent(exercises::check);
    }

    void checkSelected() {
        String id = view.selectedId();
        if (id != null) {
            checkExercise(id);
        }
    }

    void interrupt() {
        session.interrupt();
    }

    void restartKernel() {
        session.restart();
    }

    void restartAndRunAll() {
        session.restart().whenComplete((v, e) -> Platform.runLater(this::runAll));
    }

    void clearOutputs() {
        session.clearAllOutputs();
    }

    /** Clears every output and restarts the kernel: the lesson is ready for the next class. */
    void resetLesson() {
        session.clearAllOutputs();
        session.restart();
        view.selectIndex(0);
    }

    private void renderAllMarkdown() {
        for (CellView cell : view.cellViews()) {
            if (cell instanceof MarkdownCellView md && md.isEditingSource()
                    && !(document.cell(cell.cellId()) instanceof MarkdownCell m && m.source().isBlank())) {
                md.stopEditing();
            }
        }
    }
}
