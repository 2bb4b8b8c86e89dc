package lessonbook.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import lessonbook.model.Cell;
import lessonbook.model.CellIds;
import lessonbook.model.CellRole;
import lessonbook.model.CodeCell;
import lessonbook.model.NotebookDocument;
import lessonbook.model.SolutionRegions;
import lessonbook.model.UndoOutcome;

/**
 * Commands that change the notebook's cells around the selection: insert, delete, move, split, merge, type, and
 * Undo and Redo of those (the document keeps the history; this selects what came back and says what happened).
 */
final class CellEditCommands {
    private final NotebookDocument document;
    private final NotebookView view;
    /** The last cut or copied cells, as they were then; shared by no other window. */
    private List<Cell> copied = List.of();

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
        List<String> ids = view.selectedIds();
        if (!ids.isEmpty()) {
            removeSelected(ids, document::deleteCells);
        }
    }

    /** Takes the selected cells out with {@code removal} (delete or cut) and selects the cell now in their place. */
    private void removeSelected(List<String> ids, Consumer<List<String>> removal) {
        int index = document.indexOf(ids.get(0));
        removal.accept(ids);
        view.selectIndex(Math.min(index, document.cells().size() - 1));
        view.requestFocus();
    }

    /** Jupyter's C: keeps the selected cells, as they are now, for V to paste; their sources go to the clipboard. */
    void copyCell() {
        List<String> ids = view.selectedIds();
        if (!ids.isEmpty()) {
            keep();
            view.tell("Copied " + cells(ids.size()) + ": V pastes below, Shift+V above");
        }
    }

    /** Jupyter's X: copies the selected cells and takes them out (Z puts them back). */
    void cutCell() {
        List<String> ids = view.selectedIds();
        if (ids.isEmpty() || document.isReadOnly()) {
            return;
        }
        keep();
        removeSelected(ids, document::cutCells);
        view.tell("Cut " + cells(ids.size()) + ": V pastes below, Shift+V above, Z puts back");
    }

    private void keep() {
        copied = List.copyOf(view.selectedCells());
        toSystemClipboard(copied.stream().map(Cell::source).collect(Collectors.joining("\n\n")));
    }

    private static String cells(int count) {
        return count == 1 ? "the cell" : count + " cells";
    }

    /** Jupyter's V and Shift+V: copies of the last cut or copied cells, under new ids, with their outputs. */
    void pasteCell(boolean below) {
        if (copied.isEmpty()) {
            view.tell("Nothing to paste: C copies the selected cells, X cuts them");
            return;
        }
        if (document.isReadOnly()) {
            return;
        }
        List<String> ids = view.selectedIds();
        int index = ids.isEmpty() ? 0 : below ? document.indexOf(ids.get(ids.size() - 1)) + 1
                : document.indexOf(ids.get(0));
        List<Cell> copies = copied.stream().map(c -> c.withId(CellIds.next())).toList();
        document.pasteCells(Math.max(0, index), copies);
        view.selectRun(copies.get(0).id(), copies.get(copies.size() - 1).id());
        view.scrollToSelected();
        view.requestFocus();
    }

    /** The text, for pasting into another program; a window system without a clipboard just does not get it. */
    private static void toSystemClipboard(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /** Moves the selected cells one place up or down as a block; they stay selected. */
    void moveCell(int delta) {
        List<String> ids = view.selectedIds();
        if (!ids.isEmpty() && document.moveCells(ids, delta)) {
            keepSelected(ids);
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

    /**
     * Edit ▸ Make Exercise, Make Checks, Make Plain Code: the selected code cells' role in a lesson with exercises,
     * as nbgrader keeps it, one step for Z. Checks check the nearest exercise above them, so they need one.
     */
    void setRole(CellRole.Kind kind) {
        List<String> ids = view.selectedIds();
        if (ids.isEmpty() || document.isReadOnly()) {
            return;
        }
        if (kind == CellRole.Kind.CHECK && document.exerciseAbove(ids.get(0)).isEmpty()) {
            view.tell("Checks check the exercise above them: make a cell above an exercise first (Edit ▸ Make "
                    + "Exercise)");
            return;
        }
        if (!document.setRoles(ids, kind)) {
            return;
        }
        keepSelected(ids);
        CellRole role = document.cell(view.selectedId()) instanceof CodeCell c ? c.role() : CellRole.PLAIN;
        view.tell(switch (kind) {
            case EXERCISE -> "Exercise " + role.exerciseId() + ": put the solution between " + SolutionRegions.BEGIN
                    + " and " + SolutionRegions.END + "; F6 hides it";
            case CHECK -> "Checks of " + role.exerciseId() + ": Check.equal(what, expected, actual) in it; F6 hides"
                    + " them";
            case PLAIN -> "Plain code again";
        });
    }

    /** Selects the run again after a change to it, with the cursor at the same end as before. */
    private void keepSelected(List<String> ids) {
        String cursor = view.selectedId();
        String first = ids.get(0);
        String last = ids.get(ids.size() - 1);
        view.selectRun(first.equals(cursor) ? last : first, first.equals(cursor) ? first : last);
    }

    /** Jupyter's Shift+M: merges the selected cells into the first, or one cell with the cell below it. */
    void mergeBelow() {
        List<String> ids = view.selectedIds();
        if (!ids.isEmpty()) {
            document.mergeCells(ids);
            view.select(ids.get(0));
        }
    }

    void changeType(boolean toCode) {
        List<String> ids = view.selectedIds();
        if (!ids.isEmpty()) {
            document.changeTypes(ids, toCode);
            keepSelected(ids);
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

    /**
     * Jupyter's O: hides the selected code cells' output, or shows it again (all of them shown again when all were
     * hidden). The lesson file keeps it; a notebook that cannot change hides it on the screen only.
     */
    void toggleOutput() {
        List<CodeCell> code = selectedCode();
        if (document.isReadOnly()) {
            code.forEach(c -> ((CodeCellView) view.view(c.id())).toggleOutputHidden());
            return;
        }
        document.setOutputsHidden(ids(code), !code.stream().allMatch(CodeCell::outputHidden));
    }

    /**
     * JupyterLab's collapsed input: hides the selected code cells' code, or shows it again; kept as O is (a notebook
     * that cannot change hides it on the screen only).
     */
    void toggleCode() {
        List<CodeCell> code = selectedCode();
        if (document.isReadOnly()) {
            code.forEach(c -> ((CodeCellView) view.view(c.id())).toggleCodeHidden());
            return;
        }
        document.setSourcesHidden(ids(code), !code.stream().allMatch(CodeCell::sourceHidden));
    }

    private List<CodeCell> selectedCode() {
        return view.selectedCells().stream().filter(CodeCell.class::isInstance).map(CodeCell.class::cast).toList();
    }

    private static List<String> ids(List<CodeCell> cells) {
        return cells.stream().map(CodeCell::id).toList();
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

    /** Jupyter's Shift+J and Shift+K: the selection grows (or shrinks) by one cell below or above. */
    void extendSelection(int delta) {
        view.extendSelection(delta);
    }
}
