package lessonbook.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lessonbook.model.CellStep.Placed;

/**
 * Undo and Redo of what changes a notebook's cells as a whole: insert, delete, move, split, merge, change of type
 * and Clear All Outputs (text typed in a cell has its editor's own undo). A teacher who deletes the wrong cell in
 * front of a class gets it back, with its outputs, from the keyboard (Jupyter's Z).
 *
 * <p>A step takes back only what it changed: it names cells by id, and refuses when a cell it would take out has
 * been edited since (its source or kind differ), so an Undo never throws away typing. A refused step is dropped
 * with a message, so the ones before it can still be reached. Outputs a cell got after the step (it ran since)
 * stay when the step gives back that same source.
 *
 * <p>Bounded: at most {@value #MAX_STEPS} steps and {@value #MAX_CHARS} characters of source and output in them,
 * the oldest dropped first. A single step larger than that is not kept, and Undo says so; the steps before it go
 * too, since they were recorded on cells that step changed.
 *
 * <p>Not thread-safe: owned by {@link NotebookDocument} and confined with it.
 */
final class CellHistory {
    static final int MAX_STEPS = 100;
    static final long MAX_CHARS = 16_000_000;

    private final Deque<CellStep> undo = new ArrayDeque<>();
    private final Deque<CellStep> redo = new ArrayDeque<>();
    private long chars;
    /** The last change too large to keep, until a newer one is recorded: Undo names it instead of "nothing". */
    private CellStep tooLarge;

    /** What Undo or Redo did: the cells to show (null when nothing changed), the message and the cell to select. */
    record Applied(List<Cell> cells, UndoOutcome outcome) {
    }

    void record(CellStep step) {
        dropAll(redo);
        tooLarge = null;
        if (step.chars() > MAX_CHARS) {
            dropAll(undo);
            tooLarge = step;
            return;
        }
        push(undo, step);
    }

    void clear() {
        dropAll(undo);
        dropAll(redo);
        tooLarge = null;
    }

    Optional<String> undoLabel() {
        return Optional.ofNullable(undo.peek()).map(CellStep::label);
    }

    Optional<String> redoLabel() {
        return Optional.ofNullable(redo.peek()).map(CellStep::label);
    }

    Applied undo(List<Cell> cells) {
        CellStep step = undo.peek();
        if (step == null) {
            return nothing(tooLarge == null ? "Nothing to undo"
                    : "Cannot undo " + tooLarge.label() + ": it held " + megabytes(tooLarge.chars())
                    + " million characters of cells and output, more than undo keeps ("
                    + megabytes(MAX_CHARS) + " million)");
        }
        pop(undo);
        Applied applied = apply(cells, step, step.after(), step.before(), "undo", "Undid ");
        if (applied.cells() != null) {
            push(redo, step);
        }
        return applied;
    }

    Applied redo(List<Cell> cells) {
        CellStep step = redo.peek();
        if (step == null) {
            return nothing("Nothing to redo");
        }
        pop(redo);
        Applied applied = apply(cells, step, step.before(), step.after(), "redo", "Redid ");
        if (applied.cells() != null) {
            push(undo, step);
        }
        return applied;
    }

    private static Applied apply(List<Cell> cells, CellStep step, List<Placed> takeOut, List<Placed> putIn,
                                 String verb, String done) {
        return step.inPlace() ? applyInPlace(cells, step, takeOut, putIn, done)
                : applyMoving(cells, step, takeOut, putIn, verb, done);
    }

    /** Takes out the cells by id, then puts the others in at their places, lowest first. */
    private static Applied applyMoving(List<Cell> cells, CellStep step, List<Placed> takeOut, List<Placed> putIn,
                                       String verb, String done) {
        List<Cell> next = new ArrayList<>(cells);
        Map<String, Cell> takenNow = new HashMap<>();
        Map<String, Cell> takenThen = new HashMap<>();
        for (Placed placed : takeOut) {
            int index = Notebook.indexIn(next, placed.cell().id());
            if (index < 0 || !sameContent(next.get(index), placed.cell())) {
                return nothing("Cannot " + verb + " " + step.label() + ": "
                        + (index < 0 ? "a cell it changed is gone" : "a cell it changed was edited since")
                        + (verb.equals("undo") ? ". Press Z again for the change before it." : ""));
            }
            takenNow.put(placed.cell().id(), next.remove(index));
            takenThen.put(placed.cell().id(), placed.cell());
        }
        for (Placed placed : putIn) {
            Cell recorded = placed.cell();
            if (Notebook.indexIn(next, recorded.id()) >= 0) {
                return nothing("Cannot " + verb + " " + step.label() + ": the notebook changed since");
            }
            Cell now = takenNow.get(recorded.id());
            boolean ranSince = now != null && !now.equals(takenThen.get(recorded.id()));
            next.add(Math.min(placed.index(), next.size()), ranSince && sameContent(now, recorded) ? now : recorded);
        }
        if (next.isEmpty()) {
            return nothing("Cannot " + verb + " " + step.label() + ": it would leave no cell");
        }
        String select = putIn.isEmpty()
                ? next.get(Math.min(takeOut.get(0).index(), next.size() - 1)).id()
                : putIn.get(0).cell().id();
        return new Applied(next, new UndoOutcome(true, done + step.label(), select));
    }

    /** Gives each cell back where it stands, if it is still exactly as the step left it. */
    private static Applied applyInPlace(List<Cell> cells, CellStep step, List<Placed> takeOut, List<Placed> putIn,
                                        String done) {
        List<Cell> next = new ArrayList<>(cells);
        int changed = 0;
        int skipped = 0;
        String first = null;
        for (int k = 0; k < takeOut.size(); k++) {
            Cell then = takeOut.get(k).cell();
            int index = Notebook.indexIn(next, then.id());
            if (index < 0 || !next.get(index).equals(then)) {
                skipped++;
                continue;
            }
            next.set(index, putIn.get(k).cell());
            changed++;
            first = first == null ? then.id() : first;
        }
        String message = done + step.label()
                + (skipped == 0 ? "" : " (" + skipped + (skipped == 1 ? " cell" : " cells")
                + " changed or ran since, left as " + (skipped == 1 ? "it is" : "they are") + ")");
        return new Applied(changed == 0 ? null : next, new UndoOutcome(changed > 0, message, first));
    }

    private static boolean sameContent(Cell a, Cell b) {
        return a.getClass() == b.getClass() && a.source().equals(b.source());
    }

    private static Applied nothing(String message) {
        return new Applied(null, new UndoOutcome(false, message, null));
    }

    private void push(Deque<CellStep> stack, CellStep step) {
        stack.push(step);
        chars += step.chars();
        while (undo.size() + redo.size() > MAX_STEPS || chars > MAX_CHARS) {
            CellStep oldest = undo.isEmpty() ? redo.pollLast() : undo.pollLast();
            chars -= oldest.chars();
        }
    }

    private void pop(Deque<CellStep> stack) {
        chars -= stack.pop().chars();
    }

    private void dropAll(Deque<CellStep> stack) {
        while (!stack.isEmpty()) {
            pop(stack);
        }
    }

    private static String megabytes(long chars) {
        return String.format(java.util.Locale.ROOT, "%.1f", chars / 1_000_000.0);
    }
}
