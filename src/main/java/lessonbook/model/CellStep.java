package lessonbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One change to a notebook's cells that Undo can take back: the cells it took out, each with the place it had,
 * and the cells it put in, each with the place it got. Undo puts {@code before} back in place of {@code after};
 * Redo does the opposite. Cells are immutable, so a step holds references, not copies.
 *
 * @param label   what the user did, as the Edit menu names it ("Delete Cell"), for the status bar
 * @param before  the cells as they were, in ascending order of their places then
 * @param after   the cells as the change left them, in ascending order of their places
 * @param inPlace true when the change only replaced cells where they stand (Clear All Outputs): then each cell is
 *                taken back on its own, and one changed since is left as it is instead of refusing the whole step
 */
record CellStep(String label, List<Placed> before, List<Placed> after, boolean inPlace) {

    /** A cell and its index in the notebook at the time. */
    record Placed(int index, Cell cell) {
    }

    CellStep {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    static CellStep of(String label, List<Placed> before, List<Placed> after) {
        return new CellStep(label, before, after, false);
    }

    /** Clear All Outputs as one step: every code cell that has an output or a count. Empty if none has. */
    static Optional<CellStep> clearingOutputs(List<Cell> cells) {
        List<Placed> before = new ArrayList<>();
        List<Placed> after = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof CodeCell code && (!code.outputs().isEmpty() || code.executionCount() != null)) {
                before.add(new Placed(i, code));
                after.add(new Placed(i, code.withOutputs(List.of()).withExecutionCount(null)));
            }
        }
        return before.isEmpty() ? Optional.empty()
                : Optional.of(new CellStep("Clear All Outputs", before, after, true));
    }

    /** Characters of source and output the step keeps alive, the history's measure of its memory. */
    long chars() {
        return chars(before) + chars(after);
    }

    private static long chars(List<Placed> cells) {
        long sum = 0;
        for (Placed placed : cells) {
            sum += placed.cell().source().length();
            if (placed.cell() instanceof CodeCell code) {
                for (Output output : code.outputs()) {
                    sum += OutputBudget.size(output);
                }
            }
        }
        return sum;
    }
}
