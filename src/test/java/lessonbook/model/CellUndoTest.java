package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Undo and Redo of changes to a notebook's cells, as the Edit menu's Z and Shift+Z use them. */
class CellUndoTest {
    private NotebookDocument doc;
    private final List<DocumentChange> changes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        doc = new NotebookDocument(new Notebook(List.of(
                new MarkdownCell("m1", "# Title"),
                new CodeCell("c1", "int x = 1;\nint y = 2;"),
                new CodeCell("c2", "System.out.println(x);"))), Path.of("lesson.md"));
        ran("c1", "created x\n", 1);
        ran("c2", "1\n", 2);
        doc.addListener(changes::add);
    }

    private void ran(String id, String printed, int count) {
        doc.clearOutputs(id);
        doc.appendOutputs(id, List.of(new Output.Stream(StreamName.STDOUT, printed)));
        doc.setExecutionCount(id, count);
    }

    private List<String> ids() {
        return doc.cells().stream().map(Cell::id).toList();
    }

    private String printed(String id) {
        return ((CodeCell) doc.cell(id)).outputText();
    }

    @Test
    void aDeletedCellComesBackWhereItWasWithItsOutputsAndRedoDeletesItAgain() {
        doc.deleteCells(List.of("c1"));
        assertThat(ids()).containsExactly("m1", "c2");

        UndoOutcome undone = doc.undoCellChange();

        assertThat(undone).isEqualTo(new UndoOutcome(true, "Undid Delete Cell", "c1"));
        assertThat(ids()).containsExactly("m1", "c1", "c2");
        assertThat(printed("c1")).isEqualTo("created x\n");
        assertThat(((CodeCell) doc.cell("c1")).executionCount()).isEqualTo(1);
        assertThat(doc.isDirty()).isTrue();
        assertThat(changes).contains(new DocumentChange.Structure());

        assertThat(doc.redoCellChange().message()).isEqualTo("Redid Delete Cell");
        assertThat(ids()).containsExactly("m1", "c2");
        assertThat(doc.redoCellChange()).isEqualTo(new UndoOutcome(false, "Nothing to redo", null));
    }

    @Test
    void undoingTheDeleteOfTheOnlyCellTakesOutTheEmptyCellPutInItsPlace() {
        NotebookDocument one = new NotebookDocument(new Notebook(List.of(new CodeCell("only", "int a = 1;"))), null);
        one.deleteCells(List.of("only"));
        assertThat(one.cells()).hasSize(1).allMatch(c -> c.source().isEmpty());

        one.undoCellChange();

        assertThat(one.cells()).extracting(Cell::id).containsExactly("only");
    }

    @Test
    void severalStepsUndoInTurnBackToTheStartAndRedoInTurnToTheEnd() {
        doc.moveCell("c2", -1);
        doc.insertCell(0, new CodeCell("new", ""));
        doc.deleteCells(List.of("m1"));
        assertThat(ids()).containsExactly("new", "c2", "c1");

        assertThat(doc.undoLabel()).contains("Delete Cell");
        doc.undoCellChange();
        doc.undoCellChange();
        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Move Cell Up");
        assertThat(ids()).containsExactly("m1", "c1", "c2");
        assertThat(doc.undoCellChange().message()).isEqualTo("Nothing to undo");

        doc.redoCellChange();
        doc.redoCellChange();
        doc.redoCellChange();
        assertThat(ids()).containsExactly("new", "c2", "c1");
    }

    @Test
    void aCellMovedAndRunSinceGoesBackWithTheOutputsOfThatLaterRun() {
        doc.moveCell("c1", 1);
        ran("c1", "ran again\n", 3);

        doc.undoCellChange();

        assertThat(ids()).containsExactly("m1", "c1", "c2");
        assertThat(printed("c1")).isEqualTo("ran again\n");
    }

    @Test
    void splitAndMergeComeBackAsTheCellsTheyWereWithTheirOutputs() {
        String second = doc.splitCell("c1", "int x = 1;".length());
        assertThat(doc.cell(second).source()).isEqualTo("int y = 2;");
        doc.undoCellChange();
        assertThat(ids()).containsExactly("m1", "c1", "c2");
        assertThat(doc.cell("c1").source()).isEqualTo("int x = 1;\nint y = 2;");

        doc.mergeCells(List.of("c1"));
        assertThat(ids()).containsExactly("m1", "c1");
        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Merge Cells");
        assertThat(ids()).containsExactly("m1", "c1", "c2");
        assertThat(doc.cell("c1").source()).isEqualTo("int x = 1;\nint y = 2;");
        assertThat(printed("c2")).isEqualTo("1\n");
    }

    @Test
    void aCodeCellTurnedToMarkdownGetsItsOutputsBackAsCode() {
        doc.changeType("c2", false);
        assertThat(doc.cell("c2")).isInstanceOf(MarkdownCell.class);

        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Change to Markdown");

        assertThat(doc.cell("c2")).isInstanceOf(CodeCell.class);
        assertThat(printed("c2")).isEqualTo("1\n");
    }

    @Test
    void undoNeverThrowsAwayTypingAndLetsTheChangeBeforeItBeReached() {
        doc.deleteCells(List.of("m1"));
        String second = doc.splitCell("c1", "int x = 1;".length());
        doc.editSource(second, "int y = 20;");

        UndoOutcome refused = doc.undoCellChange();

        assertThat(refused.changed()).isFalse();
        assertThat(refused.message()).isEqualTo("Cannot undo Split Cell: a cell it changed was edited since."
                + " Press Z again for the change before it.");
        assertThat(doc.cell(second).source()).isEqualTo("int y = 20;");
        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Delete Cell");
        assertThat(ids()).containsExactly("m1", "c1", second, "c2");
    }

    @Test
    void undoingClearAllOutputsGivesBackOnlyTheOutputsOfCellsThatDidNotChangeOrRunSince() {
        NotebookDocument three = new NotebookDocument(new Notebook(List.of(
                new CodeCell("a", "1"), new CodeCell("b", "2"), new CodeCell("c", "3"))), null);
        for (String id : List.of("a", "b", "c")) {
            three.appendOutputs(id, List.of(new Output.Stream(StreamName.STDOUT, id + " printed\n")));
        }
        List<DocumentChange> seen = new ArrayList<>();
        three.addListener(seen::add);
        three.clearAllOutputs();
        three.appendOutputs("b", List.of(new Output.Stream(StreamName.STDOUT, "b again\n")));
        three.editSource("c", "3 + 0");

        UndoOutcome undone = three.undoCellChange();

        assertThat(undone).isEqualTo(new UndoOutcome(true,
                "Undid Clear All Outputs (2 cells changed or ran since, left as they are)", "a"));
        assertThat(((CodeCell) three.cell("a")).outputText()).isEqualTo("a printed\n");
        assertThat(((CodeCell) three.cell("b")).outputText()).isEqualTo("b again\n");
        assertThat(((CodeCell) three.cell("c")).outputText()).isEmpty();
        // the view of a kept cell learns of its outputs as it does of a run's
        assertThat(seen.subList(seen.lastIndexOf(new DocumentChange.Structure()), seen.size())).containsSubsequence(
                new DocumentChange.OutputsCleared("a"),
                new DocumentChange.OutputsAppended("a", ((CodeCell) three.cell("a")).outputs()));
    }

    @Test
    void theHistoryKeepsTheLastHundredStepsAndSaysWhenAChangeWasTooLargeToKeep() {
        for (int i = 0; i < CellHistory.MAX_STEPS + 20; i++) {
            doc.insertCell(0, new CodeCell("n" + i, ""));
        }
        int undone = 0;
        while (doc.undoCellChange().changed()) {
            undone++;
        }
        assertThat(undone).isEqualTo(CellHistory.MAX_STEPS);

        doc.setOutputBudget(new OutputBudget(17_000_000, 1_000));
        doc.appendOutputs("c1", List.of(new Output.Stream(StreamName.STDOUT, "x".repeat(16_500_000))));
        doc.clearAllOutputs();
        assertThat(doc.undoCellChange().message()).isEqualTo("Cannot undo Clear All Outputs: it held 16.5 million"
                + " characters of cells and output, more than undo keeps (16.0 million)");
        assertThat(printed("c1")).isEmpty();
    }

    @Test
    void aNewChangeEndsRedoAndOpeningAnotherLessonEndsUndo() {
        doc.deleteCells(List.of("c2"));
        doc.undoCellChange();
        doc.insertCell(0, new CodeCell("new", ""));
        assertThat(doc.redoLabel()).isEmpty();
        assertThat(doc.undoLabel()).contains("Insert Cell");

        doc.replace(new Notebook(List.of(new CodeCell("other", ""))), Path.of("other.md"));

        assertThat(doc.undoLabel()).isEmpty();
        assertThat(doc.undoCellChange().message()).isEqualTo("Nothing to undo");
    }

    @Test
    void aCutAndAPasteAreStepsOfTheirOwnAndThePasteIsACopyUnderANewId() {
        Cell cut = doc.cell("c1");
        doc.cutCells(List.of("c1"));
        doc.pasteCells(2, List.of(cut.withId("c1-copy")));
        assertThat(ids()).containsExactly("m1", "c2", "c1-copy");
        assertThat(printed("c1-copy")).isEqualTo("created x\n");

        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Paste Cell");
        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Cut Cell");
        assertThat(ids()).containsExactly("m1", "c1", "c2");
    }
}
