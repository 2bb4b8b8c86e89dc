package lessonbook.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;


/**
 * The one place a notebook changes: the current immutable {@link Notebook}, its file, the unsaved mark,
 * each cell's runtime state and the Undo of changes to its cells ({@link CellHistory}). Every edit replaces the
 * notebook and tells the listeners what changed.
 *
 * <p>Confined to the thread that created it (the UI thread in the app): a kernel's output must be handed
 * over to that thread first. The check makes a wrong-thread call fail loudly instead of racing.
 */
public final class NotebookDocument {
    private final Thread owner = Thread.currentThread();
    private final List<Consumer<DocumentChange>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, CellRuntime> runtimes = new HashMap<>();
    private Notebook notebook;
    private Path file;
    private boolean dirty;
    private OutputBudget outputBudget = OutputBudget.DEFAULT;
    private final CellHistory history = new CellHistory();

    public NotebookDocument(Notebook notebook, Path file) {
        this.notebook = Objects.requireNonNull(notebook, "notebook");
        this.file = file;
    }

    /** A new lesson: one empty code cell, no file yet. */
    public static NotebookDocument untitled() {
        return new NotebookDocument(new Notebook(List.of(new CodeCell(CellIds.next(), ""))), null);
    }

    /** How much of each cell's output is kept from now on (tests use small budgets). */
    public void setOutputBudget(OutputBudget budget) {
        checkThread();
        this.outputBudget = Objects.requireNonNull(budget, "budget");
    }

    public void addListener(Consumer<DocumentChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DocumentChange> listener) {
        listeners.remove(listener);
    }

    public Notebook notebook() {
        return notebook;
    }

    public Path file() {
        return file;
    }

    public boolean isDirty() {
        return dirty;
    }

    public List<Cell> cells() {
        return notebook.cells();
    }

    public Cell cell(String cellId) {
        return notebook.cell(cellId).orElseThrow(() -> new IllegalArgumentException("no cell " + cellId));
    }

    public int indexOf(String cellId) {
        return notebook.indexOf(cellId);
    }

    public CellRuntime runtime(String cellId) {
        return runtimes.getOrDefault(cellId, CellRuntime.IDLE);
    }

    /** Replaces the whole lesson (open, new); runtime state is forgotten and the unsaved mark cleared. */
    public void replace(Notebook next, Path nextFile) {
        checkThread();
        notebook = Objects.requireNonNull(next, "notebook");
        file = nextFile;
        runtimes.clear();
        history.clear();
        fire(new DocumentChange.Structure());
        fire(new DocumentChange.FileChanged(file));
        setDirty(false);
    }

    /** After a successful save to {@code savedTo}. */
    public void markSaved(Path savedTo) {
        checkThread();
        boolean moved = !Objects.equals(file, savedTo);
        file = savedTo;
        if (moved) {
            fire(new DocumentChange.FileChanged(file));
        }
        setDirty(false);
    }

    /** Marks changes that are not on disk, e.g. a recovered version the user restored over the file's. */
    public void markUnsaved() {
        checkThread();
        setDirty(true);
    }

    /** True unless the whole notebook is read-only (another language) or the cell's author locked it. */
    public boolean canEdit(String cellId) {
        return notebook.readOnlyReason().isEmpty() && notebook.cell(cellId).map(Cells::isEditable).orElse(false);
    }

    public boolean isReadOnly() {
        return notebook.readOnlyReason().isPresent();
    }

    /** Changes a cell's source; refused (returns false, changes nothing) for a cell that cannot be edited. */
    public boolean editSource(String cellId, String source) {
        checkThread();
        Cell cell = cell(cellId);
        if (!canEdit(cellId)) {
            return false;
        }
        if (cell.source().equals(source)) {
            return true;
        }
        notebook = notebook.map(cellId, c -> c.withSource(source));
        changed(new DocumentChange.CellUpdated(cellId));
        return true;
    }

    /** Inserts {@code cell} at {@code index} (0..size). */
    public void insertCell(int index, Cell cell) {
        insert(index, List.of(cell), "Insert Cell");
    }

    /** Inserts copies of cut or copied cells, in their order, as one step that Undo names "Paste Cell(s)". */
    public void pasteCells(int index, List<Cell> copies) {
        insert(index, copies, CellEdits.label("Paste", copies.size()));
    }

    private void insert(int index, List<Cell> cells, String label) {
        checkThread();
        if (!isReadOnly() && !cells.isEmpty()) {
            apply(CellEdits.insert(notebook.cells(), index, cells, label));
        }
    }

    /** Removes cells; the last cell of a lesson is emptied instead so there is always one to type in. */
    public void deleteCells(List<String> cellIds) {
        remove(cellIds, "Delete");
    }

    /** Removes cells as {@link #deleteCells} does, as a step that Undo names "Cut Cell(s)". */
    public void cutCells(List<String> cellIds) {
        remove(cellIds, "Cut");
    }

    private void remove(List<String> cellIds, String verb) {
        checkThread();
        if (!isReadOnly()) {
            apply(CellEdits.remove(notebook.cells(), cellIds, CellEdits.label(verb, cellIds.size())));
        }
    }

    /**
     * Moves cells up (negative) or down (positive) as a block, kept in order, clamped to the ends. Returns whether
     * they moved.
     */
    public boolean moveCells(List<String> cellIds, int delta) {
        checkThread();
        if (isReadOnly()) {
            return false;
        }
        String verb = cellIds.size() == 1 ? "Move Cell" : "Move " + cellIds.size() + " Cells";
        return applyIfAny(CellEdits.move(notebook.cells(), cellIds, delta, verb + (delta < 0 ? " Up" : " Down")));
    }

    public boolean moveCell(String cellId, int delta) {
        return moveCells(List.of(cellId), delta);
    }

    /**
     * Splits a cell at a character offset: the first part keeps the id (and a code cell its outputs), the
     * rest becomes a new cell of the same kind below. Returns the new cell's id (null if the cell is locked).
     */
    public String splitCell(String cellId, int offset) {
        checkThread();
        if (!canEdit(cellId)) {
            return null;
        }
        int index = requireIndex(cellId);
        CellEdits.Edit edit = CellEdits.split(notebook.cells(), index, offset);
        apply(edit);
        return edit.cells().get(index + 1).id();
    }

    /**
     * Joins the cells into the first of them (Jupyter's Shift+M): sources one after the other, a newline between;
     * one cell alone is joined with the cell below it. The first keeps its id, kind and outputs.
     */
    public boolean mergeCells(List<String> cellIds) {
        checkThread();
        return !isReadOnly() && applyIfAny(CellEdits.merge(notebook.cells(), cellIds));
    }

    /** Switches cells between code and Markdown (Jupyter's Y/M); those already of that kind stay as they are. */
    public void changeTypes(List<String> cellIds, boolean toCode) {
        checkThread();
        if (!isReadOnly()) {
            applyIfAny(CellEdits.changeType(notebook.cells(), cellIds, toCode,
                    toCode ? "Change to Code" : "Change to Markdown"));
        }
    }

    public void changeType(String cellId, boolean toCode) {
        changeTypes(List.of(cellId), toCode);
    }

    /**
     * Makes the selected code cells exercises, checks (of the nearest exercise above) or plain code, as one step for
     * Undo. Returns false when nothing changed: checks with no exercise above them are refused (see
     * {@link #exerciseAbove}).
     */
    public boolean setRoles(List<String> cellIds, CellRole.Kind kind) {
        checkThread();
        return !isReadOnly() && applyIfAny(CellEdits.setRole(notebook.cells(), cellIds, kind));
    }

    /** The id of the nearest exercise above the cell, which checks put there would check. */
    public Optional<String> exerciseAbove(String cellId) {
        return CellEdits.exerciseAbove(notebook.cells(), requireIndex(cellId));
    }

    /**
     * Replaces {@code hits} of {@code query} (a search of this document's cells, see {@link CellSearch}) with
     * {@code replacement}, as one step Undo takes back under {@code label} ("Replace", "Replace All"). Cells that
     * cannot be edited keep their text and are counted; a hit whose text changed since the search is skipped.
     */
    public ReplaceCount replace(List<CellSearch.Hit> hits, String query, boolean matchCase, String replacement,
            String label) {
        checkThread();
        CellReplace.Worked worked = CellReplace.replace(notebook.cells(), hits, query, matchCase, replacement,
                cell -> canEdit(cell.id()), label);
        worked.edit().ifPresent(edit -> {
            history.record(edit.step());
            putInPlace(edit.cells(), edit.step().after().stream().map(placed -> placed.cell().id()).toList());
        });
        return worked.count();
    }

    private boolean applyIfAny(Optional<CellEdits.Edit> edit) {
        edit.ifPresent(this::apply);
        return edit.isPresent();
    }

    /** Records the edit for Undo, puts its cells in place and tells the listeners. */
    private void apply(CellEdits.Edit edit) {
        history.record(edit.step());
        notebook = notebook.withCells(edit.cells());
        edit.dropped().forEach(runtimes::remove);
        changed(new DocumentChange.Structure());
    }

    /**
     * Hides the code cells' outputs or shows them again (Jupyter's O). Kept in the cells' metadata, so a lesson
     * opens as it was saved (a teacher's "guess the output first"); not a step for Undo, as in Jupyter.
     */
    public void setOutputsHidden(List<String> cellIds, boolean hidden) {
        setEach(cellIds, code -> code.outputHidden() != hidden, code -> code.withOutputHidden(hidden));
    }

    /** Hides the code cells' code or shows it again (JupyterLab's collapsed input), kept as outputs hidden are. */
    public void setSourcesHidden(List<String> cellIds, boolean hidden) {
        setEach(cellIds, code -> code.sourceHidden() != hidden, code -> code.withSourceHidden(hidden));
    }

    private void setEach(List<String> cellIds, java.util.function.Predicate<CodeCell> differs,
            java.util.function.UnaryOperator<CodeCell> change) {
        checkThread();
        if (isReadOnly()) {
            return;
        }
        CellEdits.codeCellsChanged(notebook.cells(), cellIds, differs, change)
                .ifPresent(changed -> putInPlace(changed.cells(), changed.ids()));
    }

    /** Cells changed where they stand: each told on its own ({@code changedIds}), no rebuild of the views. */
    private void putInPlace(List<Cell> cells, List<String> changedIds) {
        notebook = notebook.withCells(cells);
        changedIds.forEach(id -> changed(new DocumentChange.CellUpdated(id)));
    }

    /**
     * Appends what a cell printed, within the {@link OutputBudget}: a cell that prints forever keeps its head, a
     * marker counting what was left out, and its tail. Listeners get the added outputs as kept (made printable).
     * Ignored for a cell that is gone or no longer code.
     */
    public void appendOutputs(String cellId, List<Output> added) {
        checkThread();
        if (added.isEmpty() || !(notebook.cell(cellId).orElse(null) instanceof CodeCell)) {
            return;
        }
        List<Output> printable = new ArrayList<>(added.size());
        for (Output output : added) {
            printable.add(OutputBudget.printable(output));
        }
        List<Output> copy = List.copyOf(printable);
        notebook = notebook.map(cellId, c -> {
            CodeCell code = (CodeCell) c;
            return code.withOutputs(outputBudget.append(code.outputs(), copy));
        });
        changed(new DocumentChange.OutputsAppended(cellId, copy));
    }

    public void clearOutputs(String cellId) {
        checkThread();
        if (!(notebook.cell(cellId).orElse(null) instanceof CodeCell code)) {
            return;
        }
        if (code.outputs().isEmpty() && code.executionCount() == null) {
            return;
        }
        notebook = notebook.map(cellId, c -> ((CodeCell) c).withOutputs(List.of()).withExecutionCount(null));
        changed(new DocumentChange.OutputsCleared(cellId));
    }

    /** Clears every code cell's outputs and count, as one step that Undo takes back. */
    public void clearAllOutputs() {
        checkThread();
        CellStep.clearingOutputs(notebook.cells()).ifPresent(history::record);
        for (CodeCell code : notebook.codeCells()) {
            clearOutputs(code.id());
            setRuntime(code.id(), CellRuntime.IDLE);
        }
    }

    /** What Undo would take back ("Delete Cell"), if anything. */
    public Optional<String> undoLabel() {
        return history.undoLabel();
    }

    public Optional<String> redoLabel() {
        return history.redoLabel();
    }

    /** Takes back the last change to the cells as a whole (see {@link CellHistory}); typing has the editor's undo. */
    public UndoOutcome undoCellChange() {
        checkThread();
        return show(history.undo(notebook.cells()));
    }

    public UndoOutcome redoCellChange() {
        checkThread();
        return show(history.redo(notebook.cells()));
    }

    /**
     * Puts the cells Undo or Redo gave back in place. A cell kept under the same id and kind whose outputs changed
     * is told as cleared and appended, so its view shows the outputs it has now.
     */
    private UndoOutcome show(CellHistory.Applied applied) {
        if (applied.cells() == null) {
            return applied.outcome();
        }
        Notebook was = notebook;
        notebook = notebook.withCells(applied.cells());
        runtimes.keySet().removeIf(id -> notebook.indexOf(id) < 0);
        changed(new DocumentChange.Structure());
        for (Cell cell : notebook.cells()) {
            if (cell instanceof CodeCell now && was.cell(cell.id()).orElse(null) instanceof CodeCell then
                    && !now.outputs().equals(then.outputs())) {
                fire(new DocumentChange.OutputsCleared(now.id()));
                if (!now.outputs().isEmpty()) {
                    fire(new DocumentChange.OutputsAppended(now.id(), now.outputs()));
                }
            }
        }
        return applied.outcome();
    }

    public void setExecutionCount(String cellId, Integer count) {
        checkThread();
        if (!(notebook.cell(cellId).orElse(null) instanceof CodeCell code)
                || Objects.equals(code.executionCount(), count)) {
            return;
        }
        notebook = notebook.map(cellId, c -> ((CodeCell) c).withExecutionCount(count));
        changed(new DocumentChange.CellUpdated(cellId));
    }

    /** Runtime state is not saved, so it never marks the document unsaved. */
    public void setRuntime(String cellId, CellRuntime runtime) {
        checkThread();
        if (notebook.indexOf(cellId) < 0 || runtime(cellId).equals(runtime)) {
            return;
        }
        runtimes.put(cellId, runtime);
        fire(new DocumentChange.RuntimeChanged(cellId, runtime));
    }

    private int requireIndex(String cellId) {
        int index = notebook.indexOf(cellId);
        if (index < 0) {
            throw new IllegalArgumentException("no cell " + cellId);
        }
        return index;
    }

    private void changed(DocumentChange change) {
        fire(change);
        setDirty(true);
    }

    private void setDirty(boolean value) {
        if (dirty != value) {
            dirty = value;
            fire(new DocumentChange.DirtyChanged(value));
        }
    }

    private void fire(DocumentChange change) {
        for (Consumer<DocumentChange> listener : listeners) {
            listener.accept(change);
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("NotebookDocument is confined to thread " + owner.getName()
                    + ", called from " + Thread.currentThread().getName());
        }
    }
}
