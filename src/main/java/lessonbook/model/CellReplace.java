package lessonbook.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import lessonbook.model.CellStep.Placed;

/**
 * Find and Replace over a lesson's cells, worked out without applying it (as {@link CellEdits}): the cells after
 * it and one in-place step for Undo, which gives back each cell's source on its own (a cell edited since is left as
 * it is, as Clear All Outputs does). Only sources change; outputs, counts and run state stay. A hit is replaced
 * only where the cell still holds the query there, and only in a cell that may be edited; those that may not are
 * counted, so the window can say they were left alone.
 */
final class CellReplace {
    /** The cells after the change (empty when nothing changed), how many places in how many cells, and those left. */
    record Worked(Optional<CellEdits.Edit> edit, ReplaceCount count) {
    }

    private CellReplace() {
    }

    /**
     * Replaces {@code hits} (from {@link CellSearch#find} over the same cells, in reading order) with
     * {@code replacement}; {@code editable} says which cells may change.
     */
    static Worked replace(List<Cell> cells, List<CellSearch.Hit> hits, String query, boolean matchCase,
            String replacement, Predicate<Cell> editable, String label) {
        Map<String, List<CellSearch.Hit>> byCell = new LinkedHashMap<>();
        for (CellSearch.Hit hit : hits) {
            byCell.computeIfAbsent(hit.cellId(), id -> new ArrayList<>()).add(hit);
        }
        List<Cell> next = new ArrayList<>(cells);
        List<Placed> before = new ArrayList<>();
        List<Placed> after = new ArrayList<>();
        int replaced = 0;
        int left = 0;
        for (int i = 0; i < next.size(); i++) {
            Cell cell = next.get(i);
            List<CellSearch.Hit> inCell = byCell.get(cell.id());
            if (inCell == null) {
                continue;
            }
            if (!editable.test(cell)) {
                left += inCell.size();
                continue;
            }
            String source = cell.source();
            StringBuilder changed = new StringBuilder(source.length());
            int copied = 0;
            int here = 0;
            for (CellSearch.Hit hit : inCell) {
                boolean stillThere = hit.start() >= copied && hit.end() <= source.length()
                        && source.regionMatches(!matchCase, hit.start(), query, 0, query.length())
                        && hit.end() - hit.start() == query.length();
                if (stillThere) {
                    changed.append(source, copied, hit.start()).append(replacement);
                    copied = hit.end();
                    here++;
                }
            }
            if (here == 0) {
                continue;
            }
            changed.append(source, copied, source.length());
            Cell updated = cell.withSource(changed.toString());
            next.set(i, updated);
            before.add(new Placed(i, cell));
            after.add(new Placed(i, updated));
            replaced += here;
        }
        ReplaceCount count = new ReplaceCount(replaced, before.size(), left);
        if (before.isEmpty()) {
            return new Worked(Optional.empty(), count);
        }
        return new Worked(Optional.of(new CellEdits.Edit(next, new CellStep(label, before, after, true),
                java.util.Set.of())), count);
    }
}
