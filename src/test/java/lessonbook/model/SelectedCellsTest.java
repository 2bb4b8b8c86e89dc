package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes to several selected cells at once (Jupyter's Shift+J/K selection): each is one step for Undo, the cells
 * keep their order, and Undo puts every one of them back where it was.
 */
class SelectedCellsTest {
    private NotebookDocument doc;

    @BeforeEach
    void setUp() {
        doc = new NotebookDocument(new Notebook(List.of(
                new MarkdownCell("m1", "# Title"),
                new CodeCell("c1", "int a = 1;"),
                new CodeCell("c2", "int b = 2;"),
                new MarkdownCell("m2", "Some text"),
                new CodeCell("c3", "int c = 3;"))), Path.of("lesson.md"));
        doc.appendOutputs("c2", List.of(new Output.Stream(StreamName.STDOUT, "two\n")));
        doc.setExecutionCount("c2", 4);
    }

    private List<String> ids() {
        return doc.cells().stream().map(Cell::id).toList();
    }

    @Test
    void threeDeletedCellsAreOneStepAndComeBackInPlaceWithTheirOutputs() {
        doc.deleteCells(List.of("c2", "c1", "m2"));   // the notebook's order counts, not the list's

        assertThat(ids()).containsExactly("m1", "c3");
        assertThat(doc.undoLabel()).contains("Delete 3 Cells");
        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Delete 3 Cells");
        assertThat(ids()).containsExactly("m1", "c1", "c2", "m2", "c3");
        assertThat(((CodeCell) doc.cell("c2")).outputText()).isEqualTo("two\n");
        assertThat(doc.redoCellChange().message()).isEqualTo("Redid Delete 3 Cells");
        assertThat(ids()).containsExactly("m1", "c3");
    }

    @Test
    void deletingEveryCellLeavesOneEmptyCodeCell() {
        doc.deleteCells(ids());

        assertThat(doc.cells()).singleElement().satisfies(c -> assertThat(c.source()).isEmpty());
        doc.undoCellChange();
        assertThat(ids()).containsExactly("m1", "c1", "c2", "m2", "c3");
    }

    @Test
    void aBlockMovesAsOneKeepingItsOrderAndStopsAtTheEnds() {
        assertThat(doc.moveCells(List.of("c1", "c2"), 1)).isTrue();
        assertThat(ids()).containsExactly("m1", "m2", "c1", "c2", "c3");
        assertThat(doc.moveCells(List.of("c1", "c2"), 1)).isTrue();
        assertThat(ids()).containsExactly("m1", "m2", "c3", "c1", "c2");
        assertThat(doc.moveCells(List.of("c1", "c2"), 1)).as("at the end").isFalse();
        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Move 2 Cells Down");
        assertThat(ids()).containsExactly("m1", "m2", "c1", "c2", "c3");
        doc.undoCellChange();
        assertThat(ids()).containsExactly("m1", "c1", "c2", "m2", "c3");

        assertThat(doc.moveCells(List.of("m1", "c1"), -1)).as("at the top").isFalse();
        assertThat(doc.moveCells(List.of("m2", "c3"), -1)).isTrue();
        assertThat(ids()).containsExactly("m1", "c1", "m2", "c3", "c2");
    }

    @Test
    void selectedCellsMergeIntoTheFirstAndUndoGivesEachBack() {
        assertThat(doc.mergeCells(List.of("c1", "c2", "m2"))).isTrue();

        assertThat(ids()).containsExactly("m1", "c1", "c3");
        assertThat(doc.cell("c1").source()).isEqualTo("int a = 1;\nint b = 2;\nSome text");
        doc.undoCellChange();
        assertThat(ids()).containsExactly("m1", "c1", "c2", "m2", "c3");
        assertThat(((CodeCell) doc.cell("c2")).executionCount()).isEqualTo(4);
        assertThat(doc.mergeCells(List.of("c3"))).as("one cell alone, and none below").isFalse();
    }

    @Test
    void changingTheTypeOfSeveralLeavesThoseOfThatTypeAlone() {
        doc.changeTypes(List.of("c2", "m2", "c3"), false);

        assertThat(doc.cells()).extracting(c -> c instanceof MarkdownCell)
                .containsExactly(true, false, true, true, true);
        assertThat(doc.cell("c2").id()).isEqualTo("c2");
        doc.undoCellChange();
        assertThat(((CodeCell) doc.cell("c2")).outputText()).isEqualTo("two\n");
        assertThat(doc.cell("m2")).isInstanceOf(MarkdownCell.class);
    }

    @Test
    void pastedCellsGoInTogetherInTheirOrder() {
        doc.pasteCells(5, List.of(doc.cell("c1").withId("p1"), doc.cell("c2").withId("p2")));

        assertThat(ids()).containsExactly("m1", "c1", "c2", "m2", "c3", "p1", "p2");
        assertThat(((CodeCell) doc.cell("p2")).outputText()).isEqualTo("two\n");
        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Paste 2 Cells");
        assertThat(ids()).containsExactly("m1", "c1", "c2", "m2", "c3");
    }

    @Test
    void aTraceFrameFindsTheNearestCellThatRanAsItsNumber() {
        doc.setExecutionCount("c3", 4);   // after a restart, two cells show In [4]
        Notebook notebook = doc.notebook();

        assertThat(notebook.cellThatRanAs(4, "m2")).contains("c2");
        assertThat(notebook.cellThatRanAs(4, "m1")).as("none above: the nearest below").contains("c2");
        assertThat(notebook.cellThatRanAs(4, "c3")).contains("c3");
        assertThat(notebook.cellThatRanAs(9, "c3")).isEmpty();
    }
}
