package lessonbook.ui;

import lessonbook.model.Cell;
import lessonbook.model.CellIds;
import lessonbook.model.CodeCell;
import lessonbook.model.NotebookDocument;
import lessonbook.model.UndoOutcome;

/**
 * Commands that change the notebook's cells around the selection: insert, delete, move, split, merge, type, and
 * Undo and Redo of those (the document keeps the history; this selects what came back and says what happened).
 */
final class CellEditCommands {
    private final NotebookDocument document;
    private final NotebookView view;
    /** The last cut or copied cell, as it was then; shared by no other window. */
    private Cell copied;

    CellEditCommands(NotebookDocument document, NotebookView view) {
        this.document = document;
        this.view = view;
    }

    void insertCell(boolean below) {
        int index = Math.max(0, view.selectedIndex() + (below ? 1 : 0));
        insertAt(index, new CodeCell(CellIds.next(), ""), false);
    }

    void insertAt(int index, Cell cell, boolean edit) {
        document.insertCell(index, cell);
        view.select(cell.id());
        view.scrollToSelected();
        if (edit) {
            view.editSelected();
        }
    }

    void deleteCell() {
        String id = view.selectedId();
        if (id != null) {
            removeSelected(id, document::deleteCell);
        }
    }

    /** Takes the selected cell out with {@code removal} (delete or cut) and selects the cell now in its place. */
    private void removeSelected(String id, java.util.function.Consumer<String> removal) {
        int index = document.indexOf(id);
        removal.accept(id);
        view.selectIndex(Math.min(index, document.cells().size() - 1));
        view.requestFocus();
    }

    /** Jupyter's C: keeps the selected cell, as it is now, for V to paste; the source goes to the clipboard too. */
    void copyCell() {
        String id = view.selectedId();
        if (id != null) {
            copied = document.cell(id);
            toSystemClipboard(copied.source());
            view.tell("Copied the cell: V pastes it below, Shift+V above");
        }
    }

    /** Jupyter's X: copies the selected cell and takes it out (Z puts it back). */
    void cutCell() {
        String id = view.selectedId();
        if (id == null || document.isReadOnly()) {
            return;
        }
        copied = document.cell(id);
        toSystemClipboard(copied.source());
        removeSelected(id, document::cutCell);
        view.tell("Cut the cell: V pastes it below, Shift+V above, Z puts it back");
    }

    /** Jupyter's V and Shift+V: a copy of the last cut or copied cell, under a new id, with its outputs. */
    void pasteCell(boolean below) {
        if (copied == null) {
            view.tell("Nothing to paste: C copies the selected cell, X cuts it");
            return;
        }
        if (document.isReadOnly()) {
            return;
        }
        Cell copy = copied.withId(CellIds.next());
        document.pasteCell(Math.max(0, view.selectedIndex() + (below ? 1 : 0)), copy);
        view.select(copy.id());
        view.scrollToSelected();
        view.requestFocus();
    }

    /** The text, for pasting into another program; a window system without a clipboard just does not get it. */
    private static void toSystemClipboard(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    void moveCell(int delta) {
        String id = view.selectedId();
        if (id != null && document.moveCell(id, delta)) {
            view.select(id);
            view.scrollToSelected();
        }
    }

    void splitCell() {
        String id = view.selectedId();
        if (id == null) {
            return;
        }
        String next = document.splitCell(id, view.view(id).editor().caretPosition());
        if (next == null) {
            return;
        }
        view.select(next);
        view.editSelected();
    }

    void mergeBelow() {
        String id = view.selectedId();
        if (id != null) {
            document.mergeWithNext(id);
            view.select(id);
        }
    }

    void changeType(boolean toCode) {
        String id = view.selectedId();
        if (id != null) {
            document.changeType(id, toCode);
            view.select(id);
        }
    }

    void undo() {
        show(document.undoCellChange());
    }

    void redo() {
        show(document.redoCellChange());
    }

    private void show(UndoOutcome outcome) {
        if (outcome.selectCellId() != null) {
            view.select(outcome.selectCellId());
            view.scrollToSelected();
        }
        view.requestFocus();
        view.tell(outcome.message());
    }

    /** Jupyter's O: hides the selected code cell's output, or shows it again. */
    void toggleOutput() {
        String id = view.selectedId();
        if (id != null && view.view(id) instanceof CodeCellView code) {
            code.toggleOutputHidden();
        }
    }

    void editSelected() {
        view.editSelected();
    }

    void commandMode() {
        view.commandMode();
    }

    void moveSelection(int delta) {
        view.selectIndex(view.selectedIndex() + delta);
    }
}
