package lessonbook.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.DoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;

import lessonbook.format.ipynb.RichOutputs;
import lessonbook.model.Cell;
import lessonbook.model.CellLine;
import lessonbook.model.CodeCell;
import lessonbook.model.DocumentChange;
import lessonbook.model.NotebookDocument;

/**
 * The cells of the document in a scrolling column, kept in step with the document's changes, with the selected
 * cells (one, Jupyter's command mode cursor, or a run of them: {@link CellSelection}). Views are reused by cell id,
 * so an edit or an output touches one cell's nodes only. FX thread only, as the document it follows.
 */
final class NotebookView extends ScrollPane {
    private final NotebookDocument document;
    private final DoubleProperty fontSize;
    private final KernelAssist completion;
    private final java.util.function.Consumer<String> linkOpener;
    private final CellColumn column;
    private final Map<String, CellView> views = new HashMap<>();
    private final LazyCellDrawing lazy;
    private final CellSelection selection = new CellSelection();
    private final ViewOnPage viewOnPage;
    private final ViewAnchor anchor;

    NotebookView(NotebookDocument document, DoubleProperty fontSize, KernelAssist completion,
                 java.util.function.Consumer<String> linkOpener) {
        this.document = document;
        this.linkOpener = linkOpener;
        this.fontSize = fontSize;
        this.completion = completion;
        getStyleClass().add("notebook");
        column = new CellColumn(fontSize);
        setContent(column);
        viewportBoundsProperty().addListener((o, was, now) -> column.setPageWidth(now.getWidth()));
        setFocusTraversable(true);
        viewOnPage = new ViewOnPage(this, column);
        anchor = new ViewAnchor(this, column, viewOnPage,
                () -> selection.cursor() == null ? null : views.get(selection.cursor()));
        lazy = new LazyCellDrawing(this, column, viewOnPage, anchor, fontSize, document);
        column.setOnCellsMoved(anchor::cellsMoved);
        document.addListener(this::onChange);
        rebuild();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new NotebookSkin(this, column);
    }

    private void onChange(DocumentChange change) {
        if (change instanceof DocumentChange.Structure) {
            rebuild();
        } else if (change instanceof DocumentChange.CellUpdated u) {
            CellView view = views.get(u.cellId());
            if (view != null) {
                view.show(document.cell(u.cellId()));
            }
        } else if (change instanceof DocumentChange.OutputsAppended a) {
            if (views.get(a.cellId()) instanceof CodeCellView code) {
                code.appendOutputs(a.added());
            }
        } else if (change instanceof DocumentChange.OutputsCleared c) {
            if (views.get(c.cellId()) instanceof CodeCellView code) {
                code.clearOutputs();
                code.show(document.cell(c.cellId()));
            }
        } else if (change instanceof DocumentChange.RuntimeChanged r) {
            if (views.get(r.cellId()) instanceof CodeCellView code) {
                code.showRuntime(r.runtime());
                code.show(document.cell(r.cellId()));
            }
        }
    }

    private void rebuild() {
        boolean opened = true;   // no view kept: a notebook opened (or replaced), not a cell added or moved
        List<CellView> ordered = new ArrayList<>();
        List<CellView> created = new ArrayList<>();
        Map<String, CellView> keep = new HashMap<>();
        for (Cell cell : document.cells()) {
            CellView view = views.get(cell.id());
            // a cell that became locked (made checks) or unlocked gets a view of its own: editing is fixed per view
            boolean reusable = view != null && (view instanceof CodeCellView) == (cell instanceof CodeCell)
                    && view.editable() == document.canEdit(cell.id());
            if (!reusable) {
                view = create(cell);
                created.add(view);
            } else {
                view.show(cell);
                opened = false;
            }
            keep.put(cell.id(), view);
            ordered.add(view);
        }
        views.clear();
        views.putAll(keep);
        if (opened) {
            // Only the first screens' cells are in the scene for the first frame: the CSS and layout passes over
            // every cell's chrome were a third of the FX thread's work before it. The rest join right after.
            int firstScreens = Math.max(1, lazy.drawFirstScreens(ordered));
            column.setCells(ordered.subList(0, Math.min(firstScreens, ordered.size())));
            if (firstScreens < ordered.size()) {
                AfterFirstFrame.run(this::showAllCells);
            }
        } else {
            column.setCells(ordered);
            created.forEach(CellView::drawContent);   // a cell added, or its kind changed, where the user works
        }
        if (selection.cursor() == null || !views.containsKey(selection.cursor())) {
            select(document.cells().isEmpty() ? null : document.cells().get(0).id());
        } else {
            selectionChanged();   // as select() would, without making a moved run one cell
        }
    }

    /** What a Check button does with its exercise cell's id (the window runs the exercise and its checks). */
    void setOnCheck(java.util.function.Consumer<String> action) {
        onCheck = action;
    }

    /** Shows or hides the teacher's solutions and checks in every exercise and check cell. */
    void setSolutionsShown(boolean shown) {
        solutionsShown = shown;
        views.values().forEach(v -> {
            if (v instanceof CodeCellView code) {
                code.setSolutionHidden(!shown);
            }
        });
    }

    boolean solutionsShown() {
        return solutionsShown;
    }

    private java.util.function.Consumer<String> onCheck = id -> { };
    private boolean solutionsShown = true;

    private CellView create(Cell cell) {
        String id = cell.id();
        CellView view = cell instanceof CodeCell code
                ? new CodeCellView(code, fontSize, completion, text -> document.editSource(id, text),
                        document.canEdit(id))
                : new MarkdownCellView(cell, text -> document.editSource(id, text), this::lessonFolder, linkOpener,
                        document.canEdit(id), fontSize);
        if (view instanceof CodeCellView code) {
            // read when the outputs are drawn: by then they may have been run again, and have no images
            code.showSavedImages(() -> document.notebook().cell(id).filter(CodeCell.class::isInstance)
                    .flatMap(now -> RichOutputs.of(document.notebook(), (CodeCell) now)));
            code.setOnCheck(() -> onCheck.accept(id));
            code.setGoTo(place -> goTo(place, id));
            code.setSolutionHidden(!solutionsShown);
            if (!document.isReadOnly()) {
                code.setOnRevealOutput(() -> document.setOutputsHidden(List.of(id), false));
                code.setOnRevealCode(() -> document.setSourcesHidden(List.of(id), false));
            }
        }
        view.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isShiftDown() && !view.isEditing()) {
                commandMode();   // out of another cell's editor: the keys then act on the selected cells
                extendSelection(id);
                e.consume();   // not into the cell's editor, whose focus would select this cell alone
            } else {
                select(id);
            }
        });
        view.onEditorFocus(now -> {
            if (now) {
                select(id);
            }
            view.setEditMode(now);
        });
        return view;
    }

    private java.nio.file.Path lessonFolder() {
        java.nio.file.Path file = document.file();
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    // ----- selection and modes -----

    /** The cursor: the cell commands for one cell act on (edit, split, check), and the last of a run selected. */
    String selectedId() {
        return selection.cursor();
    }

    int selectedIndex() {
        return selection.cursor() == null ? -1 : document.indexOf(selection.cursor());
    }

    /** The selected cells in the notebook's order: the cursor alone, or the run Shift+J/K or Shift+click made. */
    List<String> selectedIds() {
        return selection.ids(document.cells(), document::indexOf);
    }

    /** The selected cells, as they are now, in the notebook's order. */
    List<Cell> selectedCells() {
        return selection.cells(document.cells(), document::indexOf);
    }

    /** Extends the selection from its anchor to {@code cellId} (Shift+J, Shift+K, Shift+click). */
    void extendSelection(String cellId) {
        if (cellId == null || !views.containsKey(cellId)) {
            return;
        }
        selection.extendTo(cellId);
        selectionChanged();
    }

    /** Extends the selection one cell up (negative) or down from the cursor, keeping it in view. */
    void extendSelection(int delta) {
        List<Cell> cells = document.cells();
        int index = selectedIndex() + delta;
        if (index >= 0 && index < cells.size()) {
            extendSelection(cells.get(index).id());
            scrollToSelected();
        }
    }

    /** Selects the run from {@code anchorId} to {@code cursorId}, as a change to those cells left them. */
    void selectRun(String anchorId, String cursorId) {
        select(anchorId);
        extendSelection(cursorId);
    }

    /** The selection changed: its cells marked, the view kept on the cursor, the window told. */
    private void selectionChanged() {
        selection.mark(document.cells(), document::indexOf, id -> setSelected(id, true), id -> setSelected(id, false));
        anchor.take();
        onSelect.run();
    }

    private void setSelected(String cellId, boolean selected) {
        CellView view = views.get(cellId);
        if (view != null) {
            view.setSelected(selected);
        }
    }

    CellView view(String cellId) {
        return views.get(cellId);
    }

    List<CellView> cellViews() {
        List<CellView> ordered = new ArrayList<>();
        for (Cell cell : document.cells()) {
            CellView view = views.get(cell.id());
            if (view != null) {
                ordered.add(view);
            }
        }
        return ordered;
    }

    /** Puts every cell's view in the column (a lesson just opened had only its first screens there). */
    private void showAllCells() {
        List<CellView> all = cellViews();
        if (!column.cells().equals(all)) {
            column.setCells(all);
        }
    }

    void select(String cellId) {
        if (cellId != null && !views.containsKey(cellId)) {
            return;
        }
        selection.collapseTo(cellId);
        selectionChanged();
    }

    private Runnable onSelect = () -> { };
    private java.util.function.Consumer<String> onMessage = m -> { };

    /** Where a short note for the status bar goes (a trace's cell that is gone). */
    void setOnMessage(java.util.function.Consumer<String> listener) {
        this.onMessage = listener;
    }

    /** Shows a message in the window's status bar. */
    void tell(String message) {
        onMessage.accept(message);
    }

    /**
     * A click on a trace's frame in {@code fromCellId}'s output: selects the cell that ran as {@code In [n]} and
     * shows the line in its editor. Runs share a number after a kernel restart: the nearest above the clicked
     * cell wins, then the nearest below.
     */
    void goTo(CellLine place, String fromCellId) {
        String target = document.notebook().cellThatRanAs(place.executionCount(), fromCellId).orElse(null);
        if (target == null || !(views.get(target) instanceof CodeCellView view)) {
            onMessage.accept("No cell shows In [" + place.executionCount() + "] now: it ran again since, or was"
                    + " deleted. Run the cells again for a trace that points at them.");
            return;
        }
        select(target);
        view.showTraceLine(place.line());
        scrollToSelected(false);
    }

    void setOnSelect(Runnable listener) {
        this.onSelect = listener;
    }

    void selectIndex(int index) {
        List<Cell> cells = document.cells();
        if (cells.isEmpty()) {
            return;
        }
        select(cells.get(Math.max(0, Math.min(cells.size() - 1, index))).id());
        scrollToSelected();
    }

    /** True while the focus is in a cell's editor (Jupyter's edit mode). */
    boolean isEditing() {
        CellView view = selection.cursor() == null ? null : views.get(selection.cursor());
        return view != null && view.isEditing();
    }

    void editSelected() {
        CellView view = views.get(selection.cursor());
        if (view != null) {
            view.startEditing();
            scrollToSelected(false);
        }
    }

    /** Escape: leave the editor and give the keyboard to the list (command mode). */
    void commandMode() {
        CellView view = views.get(selection.cursor());
        if (view != null) {
            view.stopEditing();
            view.setEditMode(false);
        }
        requestFocus();
    }

    void scrollToSelected() {
        scrollToSelected(true);
    }

    /**
     * Scrolls the least that shows the selected cell. With {@code headingFirst}, a cell taller than the
     * viewport is shown from its top (its heading, in presenter mode), not only its last screen; the editor
     * passes false so the caret's end of a long cell stays where the user clicked.
     */
    private void scrollToSelected(boolean headingFirst) {
        CellView view = views.get(selection.cursor());
        if (view != null && view.getParent() == null) {
            showAllCells();   // selected before the rest of a just-opened lesson joined the column
        }
        if (view == null || viewOnPage.range() <= 0) {
            return;
        }
        layout();
        Bounds cell = column.boundsOf(view);
        double viewport = viewOnPage.height();
        double top = viewOnPage.top();
        boolean showTop = headingFirst && cell.getHeight() > viewport && cell.getMaxY() > top + viewport;
        if (cell.getMinY() < top || showTop) {
            viewOnPage.scrollTo(cell.getMinY());
        } else if (cell.getMaxY() > top + viewport) {
            viewOnPage.scrollTo(cell.getMaxY() - viewport + 12);
        }
        anchor.take();
    }

    /**
     * Presenter mode: keep the selected cell where it is on screen while other cells grow or shrink (late
     * output above it must not push it off the projector).
     */
    void setKeepSelectedInPlace(boolean on) {
        anchor.setPresenting(on);
    }

    /** No more worker exits will come (kernel restarted or died): stop every live timeline. */
    void freezeWorkers() {
        for (CellView view : views.values()) {
            if (view instanceof CodeCellView code && code.hasOutputPane() && !code.hasUndrawnContent()) {
                code.outputs().freezeWorkers();
            }
        }
    }

    /** Advances the elapsed-time counters of running cells. */
    void tick(Instant now) {
        for (CellView view : views.values()) {
            if (view instanceof CodeCellView code) {
                code.tick(now);
            }
        }
    }
}
