package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotebookDocumentTest {
    private NotebookDocument doc;
    private final List<DocumentChange> changes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        doc = new NotebookDocument(new Notebook(List.of(
                new MarkdownCell("m1", "# Title"),
                new CodeCell("c1", "int x = 1;\nint y = 2;"),
                new CodeCell("c2", "System.out.println(x);"))), Path.of("lesson.md"));
        doc.addListener(changes::add);
    }

    private List<String> ids() {
        return doc.cells().stream().map(Cell::id).toList();
    }

    @Test
    void editingSourceMarksUnsavedOnceAndNotifiesTheCell() {
        doc.editSource("c1", "int x = 3;");
        doc.editSource("c1", "int x = 4;");
        assertThat(doc.cell("c1").source()).isEqualTo("int x = 4;");
        assertThat(doc.isDirty()).isTrue();
        assertThat(changes).filteredOn(DocumentChange.DirtyChanged.class::isInstance).hasSize(1);
        assertThat(changes).contains(new DocumentChange.CellUpdated("c1"));
        doc.markSaved(Path.of("lesson.md"));
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void aFloodedCellKeepsItsHeadAMarkerAndItsTailAndTheOtherCellsAsTheyWere() {
        // In batches, as the session hands them over: each batch one hand-over of many small writes.
        for (int batch = 0; batch < 300; batch++) {
            List<Output> added = new ArrayList<>();
            for (int i = batch * 1000; i < (batch + 1) * 1000; i++) {
                added.add(new Output.Stream(StreamName.STDOUT, i + "\n"));
            }
            doc.appendOutputs("c1", added);
        }
        doc.appendOutputs("c2", List.of(new Output.Stream(StreamName.STDOUT, "1\n")));

        CodeCell flooded = (CodeCell) doc.cell("c1");
        assertThat(flooded.outputText()).startsWith("0\n1\n").endsWith("299999\n");
        assertThat(flooded.outputText().length())
                .isLessThan(OutputBudget.DEFAULT.headChars() + OutputBudget.DEFAULT.tailChars() + 100);
        assertThat(flooded.outputs()).filteredOn(Output.Omitted.class::isInstance).hasSize(1);
        assertThat(doc.cell("c1").source()).isEqualTo("int x = 1;\nint y = 2;");
        assertThat(((CodeCell) doc.cell("c2")).outputText()).isEqualTo("1\n");
    }

    @Test
    void sameSourceIsNotAnEdit() {
        doc.editSource("c1", doc.cell("c1").source());
        assertThat(doc.isDirty()).isFalse();
        assertThat(changes).isEmpty();
    }

    @Test
    void insertMoveAndDeleteKeepOrder() {
        doc.insertCell(1, new CodeCell("new", ""));
        assertThat(ids()).containsExactly("m1", "new", "c1", "c2");
        assertThat(doc.moveCell("new", 5)).isTrue();
        assertThat(ids()).containsExactly("m1", "c1", "c2", "new");
        assertThat(doc.moveCell("new", 1)).isFalse();
        doc.deleteCells(List.of("c1"));
        assertThat(ids()).containsExactly("m1", "c2", "new");
        assertThatThrownBy(() -> doc.insertCell(0, new CodeCell("c2", ""))).hasMessageContaining("already");
    }

    @Test
    void deletingTheLastCellLeavesAnEmptyOne() {
        doc.deleteCells(List.of("m1"));
        doc.deleteCells(List.of("c1"));
        doc.deleteCells(List.of("c2"));
        assertThat(doc.cells()).hasSize(1);
        assertThat(doc.cells().get(0)).isInstanceOf(CodeCell.class);
        assertThat(doc.cells().get(0).source()).isEmpty();
    }

    @Test
    void splitThenMergeGivesTheSourceBack() {
        String original = doc.cell("c1").source();
        String second = doc.splitCell("c1", original.indexOf('\n'));
        assertThat(doc.cell("c1").source()).isEqualTo("int x = 1;");
        assertThat(doc.cell(second).source()).isEqualTo("int y = 2;");
        assertThat(doc.cell(second)).isInstanceOf(CodeCell.class);
        assertThat(doc.mergeCells(List.of("c1"))).isTrue();
        assertThat(doc.cell("c1").source()).isEqualTo(original);
        assertThat(ids()).containsExactly("m1", "c1", "c2");
        assertThat(doc.mergeCells(List.of("c2"))).isFalse();
    }

    @Test
    void changeTypeKeepsIdAndSourceAndDropsOutputs() {
        doc.appendOutputs("c2", List.of(new Output.Stream(StreamName.STDOUT, "1\n")));
        doc.changeType("c2", false);
        assertThat(doc.cell("c2")).isInstanceOf(MarkdownCell.class);
        doc.changeType("c2", true);
        assertThat(((CodeCell) doc.cell("c2")).outputs()).isEmpty();
        assertThat(doc.cell("c2").source()).isEqualTo("System.out.println(x);");
    }

    @Test
    void outputsAppendInOrderAndClear() {
        Output a = new Output.Stream(StreamName.STDOUT, "a\n");
        Output b = new Output.Stream(StreamName.STDERR, "b\n");
        doc.appendOutputs("c2", List.of(a));
        doc.appendOutputs("c2", List.of(b));
        doc.setExecutionCount("c2", 7);
        CodeCell cell = (CodeCell) doc.cell("c2");
        assertThat(cell.outputs()).containsExactly(a, b);
        assertThat(cell.outputText()).isEqualTo("a\nb\n");
        assertThat(cell.executionCount()).isEqualTo(7);
        assertThat(changes).contains(new DocumentChange.OutputsAppended("c2", List.of(b)));
        doc.clearOutputs("c2");
        cell = (CodeCell) doc.cell("c2");
        assertThat(cell.outputs()).isEmpty();
        assertThat(cell.executionCount()).isNull();
    }

    @Test
    void outputForAMarkdownOrMissingCellIsIgnored() {
        doc.appendOutputs("m1", List.of(new Output.Notice("x")));
        doc.appendOutputs("gone", List.of(new Output.Notice("x")));
        assertThat(changes).isEmpty();
    }

    @Test
    void runtimeStateIsNotAnUnsavedChange() {
        Instant start = Instant.now();
        doc.setRuntime("c2", CellRuntime.running(start));
        doc.setRuntime("c2", doc.runtime("c2").finished(CellState.DONE, Duration.ofMillis(12)));
        assertThat(doc.runtime("c2").state()).isEqualTo(CellState.DONE);
        assertThat(doc.runtime("c2").wallTime()).isEqualTo(Duration.ofMillis(12));
        assertThat(doc.runtime("c1")).isEqualTo(CellRuntime.IDLE);
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void replaceForgetsRuntimeAndTheUnsavedMark() {
        doc.editSource("c1", "x");
        doc.setRuntime("c1", CellRuntime.queued());
        doc.replace(new Notebook(List.of(new CodeCell("z", "1"))), Path.of("other.md"));
        assertThat(doc.isDirty()).isFalse();
        assertThat(doc.file()).isEqualTo(Path.of("other.md"));
        assertThat(ids()).containsExactly("z");
        assertThat(changes).contains(new DocumentChange.FileChanged(Path.of("other.md")));
    }

    @Test
    void aLockedCellRefusesEditsAndAReadOnlyNotebookRefusesStructureChanges() {
        NotebookDocument locked = new NotebookDocument(new Notebook(List.of(
                new CodeCell("free", "1", List.of(), null, Map.of()),
                new CodeCell("fixed", "2", List.of(), null, Map.of("editable", false)))), null);
        assertThat(locked.editSource("fixed", "3")).isFalse();
        assertThat(locked.cell("fixed").source()).isEqualTo("2");
        assertThat(locked.splitCell("fixed", 0)).isNull();
        assertThat(locked.editSource("free", "3")).isTrue();

        NotebookDocument python = new NotebookDocument(new Notebook(List.of(new CodeCell("p", "print(1)")),
                Map.of(Notebook.READ_ONLY_KEY, "written in Python")), null);
        assertThat(python.isReadOnly()).isTrue();
        assertThat(python.editSource("p", "print(2)")).isFalse();
        python.insertCell(0, new CodeCell("x", ""));
        python.deleteCells(List.of("p"));
        python.changeType("p", false);
        assertThat(python.cells()).extracting(Cell::id).containsExactly("p");
        assertThat(python.cell("p")).isInstanceOf(CodeCell.class);
        assertThat(python.isDirty()).isFalse();
    }

    @Test
    void callsFromAnotherThreadFailLoudly() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread other = new Thread(() -> {
            try {
                doc.editSource("c1", "y");
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        other.start();
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("confined");
        assertThat(doc.cell("c1").source()).startsWith("int x = 1;");
    }
}
