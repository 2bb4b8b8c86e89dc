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

import lessonbook.model.CellStep.Placed;

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
        insert(index, cell, "Insert Cell");
    }

    /** Inserts a copy of a cut or copied cell, as one step that Undo names "Paste Cell". */
    public void pasteCell(int index, Cell copy) {
        insert(index, copy, "Paste Cell");
    }

    private void insert(int index, Cell cell, String label) {
        checkThread();
        if (isReadOnly()) {
            return;
        }
        if (index < 0 || index > notebook.cells().size()) {
            throw new IndexOutOfBoundsException("insert at " + index + " of " + notebook.cells().size());
        }
        if (notebook.indexOf(cell.id()) >= 0) {
            throw new IllegalArgumentException("cell id already present: " + cell.id());
        }
        List<Cell> next = new ArrayList<>(notebook.cells());
        next.add(index, cell);
        history.record(CellStep.of(label, List.of(), List.of(new Placed(index, cell))));
        notebook = notebook.withCells(next);
        changed(new DocumentChange.Structure());
    }

    /** Removes a cell; the last cell of a lesson is emptied instead so there is always one to type in. */
    public void deleteCell(String cellId) {
        remove(cellId, "Delete Cell");
    }

    /** Removes a cell as {@link #deleteCell} does, as a step that Undo names "Cut Cell". */
    public void cutCell(String cellId) {
        remove(cellId, "Cut Cell");
    }

    private void remove(String cellId, String label) {
        checkThread();
        if (isReadOnly()) {
            return;
        }
        int index = requireIndex(cellId);
        List<Cell> next = new ArrayList<>(notebook.cells());
        Cell removed = next.remove(index);
        List<Placed> added = List.of();
        if (next.isEmpty()) {
            next.add(new CodeCell(CellIds.next(), ""));
            added = List.of(new Placed(0, next.get(0)));
        }
        history.record(CellStep.of(label, List.of(new Placed(index, removed)), added));
        notebook = notebook.withCells(next);
        runtimes.remove(cellId);
        changed(new DocumentChange.Structure());
    }

    /** Moves a cell up (negative) or down (positive), clamped to the ends. Returns whether it moved. */
    public boolean moveCell(String cellId, int delta) {
        checkThread();
        if (isReadOnly()) {
            return false;
        }
        int from = requireIndex(cellId);
        int to = Math.max(0, Math.min(notebook.cells().size() - 1, from + delta));
        if (to == from) {
            return false;
        }
        List<Cell> next = new ArrayList<>(notebook.cells());
        Cell moved = next.remove(from);
        next.add(to, moved);
        history.record(CellStep.of(delta < 0 ? "Move Cell Up" : "Move Cell Down",
                List.of(new Placed(from, moved)), List.of(new Placed(to, moved))));
        notebook = notebook.withCells(next);
        changed(new DocumentChange.Structure());
        return true;
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
        Cell cell = notebook.cells().get(index);
        int at = Math.max(0, Math.min(cell.source().length(), offset));
        String head = stripTrailingNewline(cell.source().substring(0, at));
        String tail = stripLeadingNewline(cell.source().substring(at));
        Cell second = cell instanceof CodeCell
                ? new CodeCell(CellIds.next(), tail)
                : new MarkdownCell(CellIds.next(), tail);
        List<Cell> next = new ArrayList<>(notebook.cells());
        next.set(index, cell.withSource(head));
        next.add(index + 1, second);
        history.record(CellStep.of("Split Cell", List.of(new Placed(index, cell)),
                List.of(new Placed(index, next.get(index)), new Placed(index + 1, second))));
        notebook = notebook.withCells(next);
        changed(new DocumentChange.Structure());
        return second.id();
    }

    /** Appends the next cell's source to this one (joined by a newline) and removes the next cell. */
    public boolean mergeWithNext(String cellId) {
        checkThread();
        if (isReadOnly()) {
            return false;
        }
        int index = requireIndex(cellId);
        if (index + 1 >= notebook.cells().size()) {
            return false;
        }
        Cell first = notebook.cells().get(index);
        Cell second = notebook.cells().get(index + 1);
        String joined = first.source().isEmpty() ? second.source()
                : second.source().isEmpty() ? first.source()
                : first.source() + "\n" + second.source();
        List<Cell> next = new ArrayList<>(notebook.cells());
        next.set(index, first.withSource(joined));
        next.remove(index + 1);
        history.record(CellStep.of("Merge Cells", List.of(new Placed(index, first), new Placed(index + 1, second)),
                List.of(new Placed(index, next.get(index)))));
        notebook = notebook.withCells(next);
        runtimes.remove(second.id());
        changed(new DocumentChange.Structure());
        return true;
    }

    /** Switches between code and Markdown (Jupyter's Y/M); a no-op if the cell already is that kind. */
    public void changeType(String cellId, boolean toCode) {
        checkThread();
        if (isReadOnly()) {
            return;
        }
        Cell cell = cell(cellId);
        if ((cell instanceof CodeCell) == toCode) {
            return;
        }
        int index = requireIndex(cellId);
        Cell converted = cell.convert();
        history.record(CellStep.of(toCode ? "Change to Code" : "Change to Markdown",
                List.of(new Placed(index, cell)), List.of(new Placed(index, converted))));
        notebook = notebook.map(cellId, c -> converted);
        runtimes.remove(cellId);
        changed(new DocumentChange.Structure());
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

    private static String stripTrailingNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String stripLeadingNewline(String s) {
        return s.startsWith("\n") ? s.substring(1) : s;
    }
}
