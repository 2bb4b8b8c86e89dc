package lessonbook.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.DoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import lessonbook.format.ipynb.RichOutputs;
import lessonbook.model.Cell;
import lessonbook.model.CellLine;
import lessonbook.model.CodeCell;
import lessonbook.model.DocumentChange;
import lessonbook.model.NotebookDocument;

/**
 * The cells of the document in a scrolling column, kept in step with the document's changes, with one
 * selected cell (Jupyter's command mode cursor). Views are reused by cell id, so an edit or an output
 * touches one cell's nodes only.
 */
final class NotebookView extends ScrollPane {
    static final double PAPER_STEP = 4096;
    private final NotebookDocument document;
    private final DoubleProperty fontSize;
    private final KernelAssist completion;
    private final java.util.function.Consumer<String> linkOpener;
    private final VBox column = new VBox();
    /** The sheet the cells lie on, drawn behind the column; see {@link #placePaper}. */
    private final javafx.scene.layout.Region paper = new javafx.scene.layout.Region();
    private final Map<String, CellView> views = new HashMap<>();
    private final LazyCellDrawing lazy;
    private String selectedId;
    private final SelectedCellAnchor anchor;

    NotebookView(NotebookDocument document, DoubleProperty fontSize, KernelAssist completion,
                 java.util.function.Consumer<String> linkOpener) {
        this.document = document;
        this.linkOpener = linkOpener;
        this.fontSize = fontSize;
        this.completion = completion;
        getStyleClass().add("notebook");
        column.getStyleClass().add("cell-column");
        // The paper is placed once per layout pass, after the column's: a listener on the column's bounds was
        // called, and made the bounds be computed over every cell, each time the column's layout moved one cell,
        // which made laying out n cells take n * n steps (a 20,000-cell notebook never showed).
        javafx.scene.layout.StackPane page = new javafx.scene.layout.StackPane(paper, column) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                placePaper();
            }
        };
        page.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        page.getStyleClass().add("page");
        paper.getStyleClass().add("paper");
        paper.setManaged(false);
        setContent(page);
        setFitToWidth(true);
        setFocusTraversable(true);
        skinProperty().addListener((o, was, now) -> uncacheViewport());
        anchor = new SelectedCellAnchor(this, column, () -> selectedId == null ? null : views.get(selectedId));
        lazy = new LazyCellDrawing(this, column, anchor, fontSize, document);
        document.addListener(this::onChange);
        rebuild();
    }

    /**
     * The paper follows the column's width at once but its height only in steps of {@link #PAPER_STEP} pixels
     * (below the last cell it runs on, out of the scroll range). A background that changes size is repainted
     * whole, and the column changes height whenever any cell does: a cell out of view getting its lanes or its
     * results (Run All of a lesson) repainted the whole visible notebook, under software rendering a quarter of a
     * second of a core each time, while the workers needed the cores.
     */
    private void placePaper() {
        double x = column.getLayoutX();
        double y = column.getLayoutY();
        double height = Math.ceil(column.getHeight() / PAPER_STEP) * PAPER_STEP;
        if (paper.getLayoutX() != x || paper.getLayoutY() != y || paper.getWidth() != column.getWidth()
                || paper.getHeight() != height) {
            paper.resizeRelocate(x, y, column.getWidth(), height);
        }
    }

    /**
     * ScrollPane's skin caches its viewport as an image. Then any change inside (a running cell's elapsed-time
     * label, a new output row) rebuilds that image: the whole visible notebook is painted again, every frame,
     * which with software rendering is most of a flood's paint work. Uncached, a frame paints only what changed.
     */
    private void uncacheViewport() {
        javafx.scene.Node viewport = lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
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
            boolean sameKind = view != null && (view instanceof CodeCellView) == (cell instanceof CodeCell);
            if (!sameKind) {
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
            column.getChildren().setAll(ordered.subList(0, Math.min(firstScreens, ordered.size())));
            if (firstScreens < ordered.size()) {
                AfterFirstFrame.run(this::showAllCells);
            }
        } else {
            column.getChildren().setAll(ordered);
            created.forEach(CellView::drawContent);   // a cell added, or its kind changed, where the user works
        }
        if (selectedId == null || !views.containsKey(selectedId)) {
            select(document.cells().isEmpty() ? null : document.cells().get(0).id());
        } else {
            select(selectedId);
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
        }
        view.layoutYProperty().addListener(anchor.cellMoved());
        view.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> select(id));
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

    String selectedId() {
        return selectedId;
    }

    int selectedIndex() {
        return selectedId == null ? -1 : document.indexOf(selectedId);
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
        if (!column.getChildren().equals(all)) {
            column.getChildren().setAll(all);
        }
    }

    void select(String cellId) {
        if (cellId != null && !views.containsKey(cellId)) {
            return;
        }
        if (selectedId != null && views.containsKey(selectedId)) {
            views.get(selectedId).setSelected(false);
        }
        selectedId = cellId;
        if (cellId != null && views.containsKey(cellId)) {
            views.get(cellId).setSelected(true);
        }
        anchor.take();
        onSelect.run();
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
        List<Cell> cells = document.cells();
        int from = Math.max(0, cells.indexOf(document.cell(fromCellId)));
        String target = null;
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof CodeCell code && code.executionCount() != null
                    && code.executionCount() == place.executionCount()) {
                int distance = i <= from ? from - i : cells.size() + i - from;
                if (distance < best) {
                    best = distance;
                    target = code.id();
                }
            }
        }
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
        CellView view = selectedId == null ? null : views.get(selectedId);
        return view != null && view.isEditing();
    }

    void editSelected() {
        CellView view = views.get(selectedId);
        if (view != null) {
            view.startEditing();
            scrollToSelected(false);
        }
    }

    /** Escape: leave the editor and give the keyboard to the list (command mode). */
    void commandMode() {
        CellView view = views.get(selectedId);
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
        CellView view = views.get(selectedId);
        if (view != null && view.getParent() == null) {
            showAllCells();   // selected before the rest of a just-opened lesson joined the column
        }
        if (view == null || column.getHeight() <= getViewportBounds().getHeight()) {
            return;
        }
        layout();
        Bounds cell = view.getBoundsInParent();
        double viewport = getViewportBounds().getHeight();
        double max = column.getHeight() - viewport;
        double top = getVvalue() * max;
        boolean showTop = headingFirst && cell.getHeight() > viewport && cell.getMaxY() > top + viewport;
        if (cell.getMinY() < top || showTop) {
            setVvalue(cell.getMinY() / max);
        } else if (cell.getMaxY() > top + viewport) {
            setVvalue(Math.min(1, (cell.getMaxY() - viewport + 12) / max));
        }
        anchor.take();
    }

    /**
     * Presenter mode: keep the selected cell where it is on screen while other cells grow or shrink (late
     * output above it must not push it off the projector).
     */
    void setKeepSelectedInPlace(boolean on) {
        anchor.setActive(on);
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
