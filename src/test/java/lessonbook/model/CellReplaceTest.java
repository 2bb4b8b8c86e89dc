package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Find and Replace in Lesson in the document: sources change, nothing else does, and Z takes it back. */
class CellReplaceTest {
    private NotebookDocument doc;

    @BeforeEach
    void setUp() {
        doc = new NotebookDocument(new Notebook(List.of(
                new MarkdownCell("m", "We use NUM_PROCESSES workers."),
                new CodeCell("a", "int NUM_PROCESSES = 10;\nSystem.out.println(num_processes + NUM_PROCESSES);"),
                new CodeCell("b", "int twice(int x) {\n    // BEGIN SOLUTION\n    return 2 * x;\n    // END SOLUTION\n}"),
                new CodeCell("c", "Check.equal(\"NUM_PROCESSES\", 10, NUM_PROCESSES);"))), Path.of("lesson.md"));
        doc.appendOutputs("a", List.of(new Output.Stream(StreamName.STDOUT, "20\n")));
        doc.setExecutionCount("a", 3);
        doc.setRoles(List.of("b"), CellRole.Kind.EXERCISE);
        doc.setRoles(List.of("c"), CellRole.Kind.CHECK);   // locked, as nbgrader's tests are
        doc.markSaved(Path.of("lesson.md"));
    }

    private ReplaceCount replaceAll(String query, boolean matchCase, String replacement) {
        CellSearch.Result found = CellSearch.find(doc.cells(), query, cell -> true, matchCase);
        return doc.replace(found.hits(), query, matchCase, replacement, "Replace All");
    }

    @Test
    void replaceAllChangesEveryEditableCellAsOneStepAndLeavesLockedOnesAlone() {
        ReplaceCount count = replaceAll("NUM_PROCESSES", true, "WORKERS");

        assertThat(count).isEqualTo(new ReplaceCount(3, 2, 2));
        assertThat(doc.cell("m").source()).isEqualTo("We use WORKERS workers.");
        CodeCell a = (CodeCell) doc.cell("a");
        assertThat(a.source()).isEqualTo("int WORKERS = 10;\nSystem.out.println(num_processes + WORKERS);");
        assertThat(a.outputs()).as("only the source changes").hasSize(1);
        assertThat(a.executionCount()).isEqualTo(3);
        assertThat(doc.cell("c").source()).as("a locked check keeps its text").contains("NUM_PROCESSES");
        assertThat(doc.isDirty()).isTrue();

        assertThat(doc.undoCellChange().message()).isEqualTo("Undid Replace All");
        assertThat(doc.cell("m").source()).isEqualTo("We use NUM_PROCESSES workers.");
        assertThat(doc.cell("a").source()).startsWith("int NUM_PROCESSES = 10;");
        assertThat(((CodeCell) doc.cell("a")).outputs()).hasSize(1);
        assertThat(doc.redoCellChange().message()).isEqualTo("Redid Replace All");
        assertThat(doc.cell("m").source()).isEqualTo("We use WORKERS workers.");
    }

    @Test
    void ignoringCaseAReplacementThatHoldsTheQueryIsReplacedOnce() {
        ReplaceCount count = replaceAll("num_processes", false, "num_processes_total");

        assertThat(count.replaced()).isEqualTo(4);
        assertThat(doc.cell("a").source()).isEqualTo(
                "int num_processes_total = 10;\nSystem.out.println(num_processes_total + num_processes_total);");
    }

    @Test
    void aHitWhoseTextChangedSinceTheSearchIsSkippedAndNothingIsNoStep() {
        CellSearch.Result found = CellSearch.find(doc.cells(), "NUM_PROCESSES", cell -> true, true);
        doc.editSource("m", "We use many workers.");   // typed between the search and the click
        java.util.Optional<String> lastStep = doc.undoLabel();

        ReplaceCount count = doc.replace(List.of(found.hits().get(0)), "NUM_PROCESSES", true, "WORKERS", "Replace");
        assertThat(count).isEqualTo(new ReplaceCount(0, 0, 0));
        assertThat(doc.cell("m").source()).isEqualTo("We use many workers.");
        assertThat(doc.undoLabel()).as("nothing replaced, no step").isEqualTo(lastStep);

        ReplaceCount one = doc.replace(List.of(found.hits().get(1)), "NUM_PROCESSES", true, "WORKERS", "Replace");
        assertThat(one).isEqualTo(new ReplaceCount(1, 1, 0));
        assertThat(doc.cell("a").source()).startsWith("int WORKERS = 10;\n").endsWith("+ NUM_PROCESSES);");
        assertThat(doc.undoLabel()).hasValue("Replace");
    }

    @Test
    void aNotebookThatCannotBeChangedKeepsEveryCell() {
        NotebookDocument python = new NotebookDocument(new Notebook(List.of(new CodeCell("p", "print(x)\nx = 1")),
                java.util.Map.of(Notebook.READ_ONLY_KEY, "written in Python")), null);
        CellSearch.Result found = CellSearch.find(python.cells(), "x", cell -> true, true);

        assertThat(python.replace(found.hits(), "x", true, "y", "Replace All")).isEqualTo(new ReplaceCount(0, 0, 2));
        assertThat(python.cell("p").source()).isEqualTo("print(x)\nx = 1");
        assertThat(python.isDirty()).isFalse();
    }
}
