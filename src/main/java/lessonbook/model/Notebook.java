package lessonbook.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A lesson: an ordered list of cells plus notebook-level metadata. Immutable, so safe to share between threads.
 * A class rather than a record only so that it can keep the index of its cells' ids: a notebook of 20,000 cells
 * looked each cell up by a scan as its views were made (n * n, 6 of the 22 s it took to open).
 */
public final class Notebook {
    /**
     * Metadata key set by a reader when the notebook must open read-only (e.g. a Python notebook); its value is the
     * reason, for a banner. Keys starting with "lessonbook." are the app's own and are not saved to .ipynb.
     */
    public static final String READ_ONLY_KEY = "lessonbook.read-only";

    /** Metadata key for what a reader wants the user to know about the file it read (a List of String). */
    public static final String NOTES_KEY = "lessonbook.notes";

    private final List<Cell> cells;
    private final Map<String, Object> metadata;
    /**
     * Each id's index, made on the first lookup. An immutable map (final fields inside), so a thread that sees
     * another's reference sees it whole; two threads making it at once each make the same one.
     */
    private Map<String, Integer> indexes;

    public Notebook(List<Cell> cells, Map<String, Object> metadata) {
        this.cells = List.copyOf(cells);
        this.metadata = metadata == null ? Map.of() : metadata;
    }

    public Notebook(List<Cell> cells) {
        this(cells, Map.of());
    }

    public List<Cell> cells() {
        return cells;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Notebook that && cells.equals(that.cells) && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return 31 * cells.hashCode() + metadata.hashCode();
    }

    @Override
    public String toString() {
        return "Notebook[cells=" + cells + ", metadata=" + metadata + "]";
    }

    /** The index of the cell with that id, or -1. */
    public int indexOf(String cellId) {
        Map<String, Integer> index = indexes;
        if (index == null) {
            Map<String, Integer> made = new HashMap<>(cells.size() * 2);
            for (int i = cells.size() - 1; i >= 0; i--) {
                made.put(cells.get(i).id(), i);   // the first of two cells with one id wins, as a scan found it
            }
            index = Map.copyOf(made);
            indexes = index;
        }
        return index.getOrDefault(cellId, -1);
    }

    /**
     * The index of the cell with that id in {@code cells}, or -1: the one search by id the model's classes share
     * for a list that is no notebook yet (a change being worked out).
     */
    static int indexIn(List<Cell> cells, String cellId) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(cellId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The code cell that shows {@code In [executionCount]}, for a trace's frame clicked in {@code nearCellId}'s
     * output. Runs share a number after a kernel restart: the nearest at or above that cell wins, then the nearest
     * below.
     */
    public Optional<String> cellThatRanAs(int executionCount, String nearCellId) {
        int from = Math.max(0, indexOf(nearCellId));
        String target = null;
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof CodeCell code && code.executionCount() != null
                    && code.executionCount() == executionCount) {
                int distance = i <= from ? from - i : cells.size() + i - from;
                if (distance < best) {
                    best = distance;
                    target = code.id();
                }
            }
        }
        return Optional.ofNullable(target);
    }

    public Optional<Cell> cell(String cellId) {
        int i = indexOf(cellId);
        return i < 0 ? Optional.empty() : Optional.of(cells.get(i));
    }

    public List<CodeCell> codeCells() {
        return cells.stream().filter(CodeCell.class::isInstance).map(CodeCell.class::cast).toList();
    }

    /** Why this notebook must not be edited or run, when a reader decided so (e.g. "written in Python"). */
    public Optional<String> readOnlyReason() {
        return metadata.get(READ_ONLY_KEY) instanceof String reason ? Optional.of(reason) : Optional.empty();
    }

    /** What the reader noticed and the user should know (attachments not shown, magics...). */
    public List<String> notes() {
        if (!(metadata.get(NOTES_KEY) instanceof List<?> notes)) {
            return List.of();
        }
        return notes.stream().map(String::valueOf).toList();
    }

    public Notebook withCells(List<Cell> newCells) {
        return new Notebook(newCells, metadata);
    }

    /** Replaces one cell by applying {@code change}; unknown ids leave the notebook as it is. */
    public Notebook map(String cellId, UnaryOperator<Cell> change) {
        int i = indexOf(cellId);
        if (i < 0) {
            return this;
        }
        List<Cell> next = new ArrayList<>(cells);
        Cell changed = change.apply(cells.get(i));
        next.set(i, changed);
        Notebook mapped = withCells(next);
        if (changed.id().equals(cellId)) {
            mapped.indexes = indexes;   // same ids in the same places: a cell printing into a long lesson reuses it
        }
        return mapped;
    }
}
