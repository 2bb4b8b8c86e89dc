package lessonbook.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import lessonbook.model.Cell;
import lessonbook.model.CellRole;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.NotebookDocument;

/**
 * The Check button: runs an exercise cell, then its checks (the check cells that follow it, up to the next
 * exercise), through the session like any other run. A failing exercise must not break the next one: one that
 * called {@code System.exit}, ran out of memory or would not stop took the kernel's definitions with it, so
 * first the lesson's plain code cells above the exercise that have not run in the kernel running now run
 * (again): after a death during a Check or during a plain Run alike, after a restart, and on a first Check
 * before the student ran the lesson's set-up. Never the exercises above: one of them may be what killed the
 * kernel.
 *
 * <p>Threading: the document's thread, as for the session.
 */
public final class ExerciseChecks {
    private final NotebookDocument document;
    private final NotebookSession session;

    public ExerciseChecks(NotebookDocument document, NotebookSession session) {
        this.document = document;
        this.session = session;
    }

    /** The exercise a cell belongs to: itself if it is one, the exercise it checks if it is a check cell. */
    public Optional<String> exerciseOf(String cellId) {
        int index = document.indexOf(cellId);
        CellRole role = index < 0 ? CellRole.PLAIN : CellRole.of(document.cells().get(index));
        if (role.isExercise()) {
            return Optional.of(cellId);
        }
        for (int i = index - 1; role.isCheck() && i >= 0; i--) {
            if (CellRole.of(document.cells().get(i)).isExercise()) {
                return Optional.of(document.cells().get(i).id());
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the exercise and its checks; completes with the state of the last cell run (each check shows its
     * result in its cell's output).
     */
    public CompletableFuture<CellState> check(String exerciseCellId) {
        int index = document.indexOf(exerciseCellId);
        if (index < 0 || !CellRole.of(document.cells().get(index)).isExercise()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not an exercise: " + exerciseCellId));
        }
        List<String> run = new ArrayList<>();
        plainCellsAbove(index).stream().filter(id -> !session.ranInCurrentKernel(id)).forEach(run::add);
        run.add(exerciseCellId);
        run.addAll(checksOf(index));
        CompletableFuture<CellState> last = null;
        for (String id : run) {
            last = session.run(id);
        }
        return last;
    }

    /** The check cells right after the exercise (plain code between them does not end the list). */
    public List<String> checksOf(int exerciseIndex) {
        List<String> checks = new ArrayList<>();
        List<Cell> cells = document.cells();
        for (int i = exerciseIndex + 1; i < cells.size(); i++) {
            CellRole role = CellRole.of(cells.get(i));
            if (role.isExercise()) {
                break;
            }
            if (role.isCheck()) {
                checks.add(cells.get(i).id());
            }
        }
        return checks;
    }

    private List<String> plainCellsAbove(int index) {
        List<String> plain = new ArrayList<>();
        for (Cell cell : document.cells().subList(0, index)) {
            if (cell instanceof CodeCell && CellRole.of(cell).kind() == CellRole.Kind.PLAIN
                    && !cell.source().isBlank()) {
                plain.add(cell.id());
            }
        }
        return plain;
    }
}
