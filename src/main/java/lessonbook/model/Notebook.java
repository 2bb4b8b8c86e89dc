package lessonbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A lesson: an ordered list of cells plus notebook-level metadata. Immutable. */
public record Notebook(List<Cell> cells, Map<String, Object> metadata) {
    /**
     * Metadata key set by a reader when the notebook must open read-only (e.g. a Python notebook); its value is the
     * reason, for a banner. Keys starting with "lessonbook." are the app's own and are not saved to .ipynb.
     */
    public static final String READ_ONLY_KEY = "lessonbook.read-only";

    /** Metadata key for what a reader wants the user to know about the file it read (a List of String). */
    public static final String NOTES_KEY = "lessonbook.notes";

    public Notebook {
        cells = List.copyOf(cells);
        metadata = metadata == null ? Map.of() : metadata;
    }

    public Notebook(List<Cell> cells) {
        this(cells, Map.of());
    }

    public int indexOf(String cellId) {
        return indexIn(cells, cellId);
    }

    /** The index of the cell with that id in {@code cells}, or -1: the one search by id the model's classes share. */
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
        next.set(i, change.apply(cells.get(i)));
        return withCells(next);
    }
}
