package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A teacher marking cells as exercises and checks in the app: ids, the exercise checks belong to, and Undo. */
class CellRolesTest {
    private NotebookDocument doc;

    @BeforeEach
    void setUp() {
        doc = new NotebookDocument(new Notebook(List.of(
                new MarkdownCell("m1", "# Exercises"),
                new CodeCell("a", "int twice(int x) {\n    // BEGIN SOLUTION\n    return 2 * x;\n    // END SOLUTION\n}"),
                new CodeCell("a-check", "Check.equal(\"twice(2)\", 4, twice(2));"),
                new CodeCell("b", "int half(int x) { return x / 2; }"),
                new CodeCell("b-check", "Check.equal(\"half(4)\", 2, half(4));"))), Path.of("lesson.md"));
    }

    private CellRole role(String id) {
        return ((CodeCell) doc.cell(id)).role();
    }

    @Test
    void exercisesGetTheirPlaceAsIdAndChecksCheckTheNearestExerciseAbove() {
        assertThat(doc.setRoles(List.of("a-check"), CellRole.Kind.CHECK)).as("no exercise above yet").isFalse();
        assertThat(doc.exerciseAbove("a-check")).isEmpty();

        assertThat(doc.setRoles(List.of("a"), CellRole.Kind.EXERCISE)).isTrue();
        assertThat(doc.setRoles(List.of("b"), CellRole.Kind.EXERCISE)).isTrue();
        assertThat(doc.setRoles(List.of("a-check"), CellRole.Kind.CHECK)).isTrue();
        assertThat(doc.setRoles(List.of("b-check"), CellRole.Kind.CHECK)).isTrue();

        assertThat(role("a")).isEqualTo(CellRole.exercise("exercise-1"));
        assertThat(role("b")).isEqualTo(CellRole.exercise("exercise-2"));
        assertThat(role("a-check")).isEqualTo(CellRole.check("exercise-1", CellRole.DEFAULT_POINTS));
        assertThat(role("b-check")).isEqualTo(CellRole.check("exercise-2", CellRole.DEFAULT_POINTS));
        assertThat(doc.canEdit("a-check")).as("checks are locked, as nbgrader's autograder tests").isFalse();
        assertThat(doc.setRoles(List.of("a"), CellRole.Kind.EXERCISE)).as("already one").isFalse();
    }

    @Test
    void aNewExerciseAboveOthersTakesTheNextFreeIdAndUndoMakesItPlainAgain() {
        doc.setRoles(List.of("b"), CellRole.Kind.EXERCISE);   // exercise-1, the first in the lesson
        doc.setRoles(List.of("a"), CellRole.Kind.EXERCISE);   // now first in place, but exercise-1 is taken

        assertThat(role("a").exerciseId()).isEqualTo("exercise-2");
        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Make Exercise");
        assertThat(role("a")).isEqualTo(CellRole.PLAIN);
        assertThat(doc.setRoles(List.of("b"), CellRole.Kind.PLAIN)).isTrue();
        assertThat(role("b")).isEqualTo(CellRole.PLAIN);
    }

    @Test
    void prosesInTheSelectionAreLeftAsTheyAre() {
        assertThat(doc.setRoles(List.of("m1", "a"), CellRole.Kind.EXERCISE)).isTrue();

        assertThat(doc.cell("m1")).isInstanceOf(MarkdownCell.class);
        assertThat(role("a").isExercise()).isTrue();
    }
}
