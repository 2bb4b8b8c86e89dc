package lessonbook.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import lessonbook.model.Cell;

/**
 * Which cells are selected: one (the cursor), or the run of cells from an anchor to the cursor that Jupyter's
 * Shift+J, Shift+K and Shift+click make. Commands that act on "the selected cells" (delete, cut, copy, move,
 * merge, change type, run) take {@link #ids}; those that need one cell (edit, split, check) take the cursor. Pure
 * logic, no JavaFX: the view tells it how to mark and unmark a cell. Threading: the FX thread's, like the view.
 */
final class CellSelection {
    private String anchor;
    private String cursor;
    private final Set<String> marked = new HashSet<>();

    String cursor() {
        return cursor;
    }

    /** One cell selected (null: none). */
    void collapseTo(String cellId) {
        anchor = cellId;
        cursor = cellId;
    }

    /** The run from the anchor (kept) to {@code cellId}, which becomes the cursor. */
    void extendTo(String cellId) {
        if (anchor == null) {
            anchor = cellId;
        }
        cursor = cellId;
    }

    /**
     * The selected ids in the notebook's order: from the anchor to the cursor, both included. A cell gone since is
     * left out; with the anchor gone, the cursor alone. {@code indexOf} finds a cell's place in {@code cells} (-1
     * when gone): the notebook's own index, so that a selection is not a scan of every cell.
     */
    List<String> ids(List<Cell> cells, ToIntFunction<String> indexOf) {
        List<String> ids = new ArrayList<>();
        for (Cell cell : cells(cells, indexOf)) {
            ids.add(cell.id());
        }
        return ids;
    }

    /** The selected cells themselves, as {@link #ids} names them: the run is one stretch of the notebook. */
    List<Cell> cells(List<Cell> cells, ToIntFunction<String> indexOf) {
        int at = cursor == null ? -1 : indexOf.applyAsInt(cursor);
        if (at < 0) {
            return List.of();
        }
        int from = anchor == null ? -1 : indexOf.applyAsInt(anchor);
        if (from < 0) {
            from = at;
        }
        return cells.subList(Math.min(from, at), Math.max(from, at) + 1);
    }

    /**
     * Marks every selected cell (again: a cell's view may be new since, after a change of its kind) and unmarks
     * those selected before and no longer.
     */
    void mark(List<Cell> cells, ToIntFunction<String> indexOf, Consumer<String> mark, Consumer<String> unmark) {
        Set<String> now = new HashSet<>(ids(cells, indexOf));
        for (String id : List.copyOf(marked)) {
            if (!now.contains(id)) {
                unmark.accept(id);
                marked.remove(id);
            }
        }
        for (String id : now) {
            marked.add(id);
            mark.accept(id);
        }
    }
}
