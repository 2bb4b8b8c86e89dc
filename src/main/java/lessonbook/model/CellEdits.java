package lessonbook.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lessonbook.model.CellStep.Placed;

/**
 * The changes to a notebook's cells as a whole, worked out without applying them: each gives the cells after it,
 * the step that Undo takes back, and the cells it dropped (whose run state goes with them). Pure functions of the
 * cell list, so {@link NotebookDocument} stays the one place that applies a change. Every change takes the cells
 * it acts on as a list of ids (one cell, or a selection of several, acted on in the notebook's order), and is one
 * step for Undo, whatever their number.
 */
final class CellEdits {
    /** A change worked out: the cells after it, its step, and the ids of the cells it took out for good. */
    record Edit(List<Cell> cells, CellStep step, Set<String> dropped) {
    }

    private CellEdits() {
    }

    /** Puts {@code added} in at {@code index}, in their order. */
    static Edit insert(List<Cell> cells, int index, List<Cell> added, String label) {
        if (index < 0 || index > cells.size()) {
            throw new IndexOutOfBoundsException("insert at " + index + " of " + cells.size());
        }
        Set<String> present = new HashSet<>();
        cells.forEach(cell -> present.add(cell.id()));
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            Cell cell = added.get(i);
            if (!present.add(cell.id())) {
                throw new IllegalArgumentException("cell id already present: " + cell.id());
            }
            placed.add(new Placed(index + i, cell));
        }
        List<Cell> next = new ArrayList<>(cells);
        next.addAll(index, added);
        return new Edit(next, CellStep.of(label, List.of(), placed), Set.of());
    }

    /** Takes the cells out; the last cell of a lesson is replaced by an empty one, so there is one to type in. */
    static Edit remove(List<Cell> cells, List<String> ids, String label) {
        List<Integer> at = indexes(cells, ids);
        Parted parted = Parted.of(cells, at);
        List<Cell> next = parted.rest();
        List<Placed> removed = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            removed.add(new Placed(at.get(i), parted.taken().get(i)));
        }
        List<Placed> added = List.of();
        if (next.isEmpty()) {
            next.add(new CodeCell(CellIds.next(), ""));
            added = List.of(new Placed(0, next.get(0)));
        }
        return new Edit(next, CellStep.of(label, removed, added), new HashSet<>(ids));
    }

    /**
     * Moves the cells {@code delta} places up (negative) or down as a block, clamped to the ends: the cells passed
     * go to its other side. Cells not next to each other close up at the first. Empty when nothing moves.
     */
    static Optional<Edit> move(List<Cell> cells, List<String> ids, int delta, String label) {
        List<Integer> at = indexes(cells, ids);
        int from = at.get(0);
        Parted parted = Parted.of(cells, at);
        List<Cell> block = parted.taken();
        List<Cell> rest = parted.rest();
        int to = Math.max(0, Math.min(rest.size(), from + delta));
        if (to == from && isBlock(at)) {
            return Optional.empty();
        }
        List<Cell> next = new ArrayList<>(rest);
        next.addAll(to, block);
        List<Placed> before = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            before.add(new Placed(at.get(i), block.get(i)));
        }
        List<Placed> after = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            after.add(new Placed(to + i, block.get(i)));
        }
        return Optional.of(new Edit(next, CellStep.of(label, before, after), Set.of()));
    }

    /**
     * Joins the cells' sources into the first (a newline between, empty ones left out), which keeps its id and
     * kind; the others go. One cell alone is joined with the cell below it. Empty when there is nothing to join.
     */
    static Optional<Edit> merge(List<Cell> cells, List<String> ids) {
        List<Integer> at = new ArrayList<>(indexes(cells, ids));
        if (at.size() == 1) {
            if (at.get(0) + 1 >= cells.size()) {
                return Optional.empty();
            }
            at.add(at.get(0) + 1);
        }
        Cell first = cells.get(at.get(0));
        StringBuilder joined = new StringBuilder();
        List<Placed> before = new ArrayList<>();
        for (int index : at) {
            Cell cell = cells.get(index);
            before.add(new Placed(index, cell));
            if (!cell.source().isEmpty()) {
                joined.append(joined.length() == 0 ? "" : "\n").append(cell.source());
            }
        }
        Cell merged = first.withSource(joined.toString());
        Parted parted = Parted.of(cells, at.subList(1, at.size()));
        Set<String> dropped = new HashSet<>();
        parted.taken().forEach(cell -> dropped.add(cell.id()));
        List<Cell> next = parted.rest();
        next.set(at.get(0), merged);   // the first is before every cell taken, so still at its place
        return Optional.of(new Edit(next, CellStep.of("Merge Cells", before, List.of(new Placed(at.get(0), merged))),
                dropped));
    }

    /**
     * Splits the cell at {@code index} at a character offset: the first part keeps the id (and a code cell its
     * outputs), the rest becomes a new cell of the same kind below.
     */
    static Edit split(List<Cell> cells, int index, int offset) {
        Cell cell = cells.get(index);
        int at = Math.max(0, Math.min(cell.source().length(), offset));
        String head = cell.source().substring(0, at);
        String tail = cell.source().substring(at);
        head = head.endsWith("\n") ? head.substring(0, head.length() - 1) : head;
        tail = tail.startsWith("\n") ? tail.substring(1) : tail;
        Cell first = cell.withSource(head);
        Cell second = cell instanceof CodeCell ? new CodeCell(CellIds.next(), tail)
                : new MarkdownCell(CellIds.next(), tail);
        List<Cell> next = new ArrayList<>(cells);
        next.set(index, first);
        next.add(index + 1, second);
        return new Edit(next, CellStep.of("Split Cell", List.of(new Placed(index, cell)),
                List.of(new Placed(index, first), new Placed(index + 1, second))), Set.of());
    }

    /** Makes the cells code or Markdown (Jupyter's Y and M); those already of that kind stay. Empty if all are. */
    static Optional<Edit> changeType(List<Cell> cells, List<String> ids, boolean toCode, String label) {
        List<Cell> next = new ArrayList<>(cells);
        List<Placed> before = new ArrayList<>();
        List<Placed> after = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        for (int index : indexes(cells, ids)) {
            Cell cell = cells.get(index);
            if ((cell instanceof CodeCell) != toCode) {
                Cell converted = cell.convert();
                next.set(index, converted);
                before.add(new Placed(index, cell));
                after.add(new Placed(index, converted));
                dropped.add(cell.id());   // its run state: a Markdown cell has none, a new code cell has not run
            }
        }
        return before.isEmpty() ? Optional.empty()
                : Optional.of(new Edit(next, CellStep.of(label, before, after), dropped));
    }

    /**
     * Makes the code cells exercises, checks or plain code (prose cells are left as they are), keeping their
     * sources and outputs. A new exercise gets the id {@code exercise-N}, N its place among the lesson's exercises
     * (the next free one if taken); checks belong to the nearest exercise above them. Empty when nothing changes, or
     * when checks have no exercise above them.
     */
    static Optional<Edit> setRole(List<Cell> cells, List<String> ids, CellRole.Kind kind) {
        Set<Integer> selected = new HashSet<>(indexes(cells, ids));
        Set<String> taken = new HashSet<>();
        for (Cell cell : cells) {
            if (cell instanceof CodeCell code && code.role().isExercise()) {
                taken.add(code.role().exerciseId());
            }
        }
        // one pass down the lesson: the exercises above each cell as the change leaves them
        List<Cell> next = new ArrayList<>(cells);
        List<Placed> before = new ArrayList<>();
        List<Placed> after = new ArrayList<>();
        String lastExercise = null;
        int exercisesAbove = 0;
        for (int index = 0; index < next.size(); index++) {
            if (next.get(index) instanceof CodeCell code && selected.contains(index)) {
                CellRole role;
                if (kind == CellRole.Kind.PLAIN) {
                    role = CellRole.PLAIN;
                } else if (kind == CellRole.Kind.CHECK) {
                    if (lastExercise == null) {
                        return Optional.empty();
                    }
                    role = CellRole.check(lastExercise, CellRole.DEFAULT_POINTS);
                } else if (code.role().isExercise()) {
                    role = code.role();
                } else {
                    int n = exercisesAbove + 1;
                    while (taken.contains("exercise-" + n)) {
                        n++;
                    }
                    taken.add("exercise-" + n);
                    role = CellRole.exercise("exercise-" + n);
                }
                if (!code.role().equals(role)) {
                    CodeCell changed = code.withRole(role);
                    next.set(index, changed);
                    before.add(new Placed(index, code));
                    after.add(new Placed(index, changed));
                }
            }
            if (next.get(index) instanceof CodeCell now && now.role().isExercise()) {
                lastExercise = now.role().exerciseId();
                exercisesAbove++;
            }
        }
        String label = switch (kind) {
            case EXERCISE -> "Make Exercise";
            case CHECK -> "Make Checks";
            case PLAIN -> "Make Plain Code";
        };
        return before.isEmpty() ? Optional.empty()
                : Optional.of(new Edit(next, CellStep.of(label, before, after), Set.of()));
    }

    /** The id of the nearest exercise above {@code index}, as a check cell there would check it. */
    static Optional<String> exerciseAbove(List<Cell> cells, int index) {
        for (int i = Math.min(index, cells.size()) - 1; i >= 0; i--) {
            if (cells.get(i) instanceof CodeCell code && code.role().isExercise()) {
                return Optional.of(code.role().exerciseId());
            }
        }
        return Optional.empty();
    }

    /** Cells after a change that is no step for Undo (hiding outputs or code), and the ids of those it changed. */
    record Changed(List<Cell> cells, List<String> ids) {
    }

    /**
     * The code cells among {@code ids} for which {@code differs}, each replaced by {@code change}: one new cell
     * list for all of them (a whole lesson may be selected). Empty when none differs.
     */
    static Optional<Changed> codeCellsChanged(List<Cell> cells, List<String> ids,
            java.util.function.Predicate<CodeCell> differs, java.util.function.UnaryOperator<CodeCell> change) {
        Set<String> wanted = new HashSet<>(ids);
        List<Cell> next = new ArrayList<>(cells);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i) instanceof CodeCell code && wanted.contains(code.id()) && differs.test(code)) {
                next.set(i, change.apply(code));
                changed.add(code.id());
            }
        }
        return changed.isEmpty() ? Optional.empty() : Optional.of(new Changed(next, changed));
    }

    /**
     * The cells at the ascending indexes {@code at} ({@code taken}, in order) and the others ({@code rest}, in order,
     * a list the caller may change), in one pass: removing them one by one from a list was n * k for k of n cells.
     */
    private record Parted(List<Cell> taken, List<Cell> rest) {
        static Parted of(List<Cell> cells, List<Integer> at) {
            List<Cell> taken = new ArrayList<>(at.size());
            List<Cell> rest = new ArrayList<>(cells.size());
            int next = 0;
            for (int i = 0; i < cells.size(); i++) {
                if (next < at.size() && at.get(next) == i) {
                    taken.add(cells.get(i));
                    next++;
                } else {
                    rest.add(cells.get(i));
                }
            }
            return new Parted(taken, rest);
        }
    }

    /** "Delete Cell", "Delete 3 Cells": the menu's name for a change of {@code count} cells. */
    static String label(String verb, int count) {
        return count == 1 ? verb + " Cell" : verb + " " + count + " Cells";
    }

    /** The index of each id, in the notebook's order (not the list's), each once. */
    private static List<Integer> indexes(List<Cell> cells, List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no cells given");
        }
        // one pass over the notebook, not one search per id: a whole lesson selected is tens of thousands of each
        Set<String> wanted = new java.util.LinkedHashSet<>(ids);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (wanted.contains(cells.get(i).id())) {
                at.add(i);
            }
        }
        if (at.size() < wanted.size()) {
            Set<String> present = new HashSet<>();
            at.forEach(i -> present.add(cells.get(i).id()));
            wanted.removeAll(present);
            throw new IllegalArgumentException("no cell " + wanted.iterator().next());
        }
        return at;
    }

    private static boolean isBlock(List<Integer> at) {
        return at.get(at.size() - 1) - at.get(0) == at.size() - 1;
    }
}
