package lessonbook.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The copy of a lesson handed to students: each exercise's solution regions replaced by a placeholder that
 * compiles (see {@link SolutionRegions}), and the outputs of exercises and of their checks cleared (a check's
 * saved output shows the answer's values). The checks themselves stay, so students can check their work.
 */
public final class StudentVersion {
    private StudentVersion() {
    }

    /**
     * @throws IllegalArgumentException if an exercise's markers are not paired (the message names the exercise
     *                                  and the line in it)
     */
    public static Notebook of(Notebook lesson) {
        List<Cell> cells = new ArrayList<>(lesson.cells().size());
        for (Cell cell : lesson.cells()) {
            cells.add(cell instanceof CodeCell code ? studentCell(code) : cell);
        }
        return lesson.withCells(cells);
    }

    private static CodeCell studentCell(CodeCell cell) {
        CellRole role = cell.role();
        if (role.isCheck()) {
            return cleared(cell);
        }
        if (!role.isExercise()) {
            return cell;
        }
        try {
            return cleared(cell.withSource(SolutionRegions.withPlaceholders(cell.source())));
        } catch (IllegalArgumentException unpaired) {
            throw new IllegalArgumentException("exercise " + role.exerciseId() + ", " + unpaired.getMessage(),
                    unpaired);
        }
    }

    /** How many exercise cells the copy changes: what the student command and the app's export both report. */
    public static long exercises(Notebook lesson) {
        return lesson.codeCells().stream().filter(c -> c.role().isExercise()).count();
    }

    private static CodeCell cleared(CodeCell cell) {
        return cell.outputs().isEmpty() && cell.executionCount() == null ? cell
                : cell.withOutputs(List.of()).withExecutionCount(null);
    }
}
