package lessonbook.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import lessonbook.kernel.client.JvmKernel;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.DocumentChange;
import lessonbook.model.Notebook;
import lessonbook.model.NotebookDocument;
import lessonbook.model.Output;
import lessonbook.model.OutputBudget;

/**
 * The session without any window: a real kernel, a document on a thread of the test's own, and each cell's one
 * end signal. What the window and {@code run} both rely on.
 */
class NotebookSessionTest {
    private static final ExecutorService DOCUMENT_THREAD = Executors.newSingleThreadExecutor();
    private static NotebookDocument document;
    private static NotebookSession session;

    @BeforeAll
    static void open() throws Exception {
        JvmKernel kernel = JvmKernel.start();
        kernel.ready().get(60, TimeUnit.SECONDS);
        onDocument(() -> {
            document = new NotebookDocument(new Notebook(List.of(
                    new CodeCell("define", "int base = 40;"),
                    new CodeCell("use", "base + 2"),
                    new CodeCell("broken", "undefinedName + 1"),
                    new CodeCell("flood", "long i = 0; while (true) System.out.println(\"line \" + (i++));"),
                    new CodeCell("after", "base * 2"))), null);
            session = new NotebookSession(document, kernel, DOCUMENT_THREAD);
            return null;
        });
    }

    @AfterAll
    static void close() throws Exception {
        onDocument(() -> {
            session.close();
            return null;
        });
        DOCUMENT_THREAD.shutdown();
    }

    @Test
    void cellsEndInTheStateTheirRunEndedIn() throws Exception {
        assertThat(run("define")).isEqualTo(CellState.DONE);
        assertThat(run("use")).isEqualTo(CellState.DONE);
        assertThat(run("broken")).isEqualTo(CellState.ERROR);
        CodeCell use = onDocument(() -> (CodeCell) document.cell("use"));
        assertThat(use.outputs()).containsExactly(new Output.Value("$1", "int", "42"));
        assertThat(onDocument(() -> ((CodeCell) document.cell("broken")).outputs()))
                .hasOnlyElementsOfType(Output.CompileError.class);
    }

    @Test
    void aFloodIsBoundedInTheDocumentAndAnInterruptKeepsTheKernel() throws Exception {
        assertThat(run("define")).isEqualTo(CellState.DONE);
        CompletableFuture<Void> millionLeftOut = new CompletableFuture<>();
        Consumer<DocumentChange> watch = change -> {
            if (change instanceof DocumentChange.OutputsAppended a && a.cellId().equals("flood")
                    && omittedLines() >= 1_000_000) {
                millionLeftOut.complete(null);
            }
        };
        CompletableFuture<CellState> flood = onDocument(() -> {
            document.addListener(watch);
            return session.run("flood");
        });
        millionLeftOut.get(60, TimeUnit.SECONDS);
        onDocument(() -> {
            document.removeListener(watch);
            session.interrupt();
            return null;
        });
        assertThat(flood.get(30, TimeUnit.SECONDS)).isEqualTo(CellState.INTERRUPTED);

        String kept = onDocument(() -> ((CodeCell) document.cell("flood")).outputText());
        assertThat(kept).startsWith("line 0\nline 1\n");
        assertThat(kept.length()).isLessThan(OutputBudget.DEFAULT.headChars() + OutputBudget.DEFAULT.tailChars() + 200);
        int floodCount = onDocument(() -> ((CodeCell) document.cell("flood")).executionCount());
        assertThat(run("after")).isEqualTo(CellState.DONE);
        CodeCell after = onDocument(() -> (CodeCell) document.cell("after"));
        assertThat(after.executionCount()).isEqualTo(floodCount + 1);
        assertThat(after.outputs()).extracting(Output::text).containsExactly(after.outputs().get(0).text());
        assertThat(after.outputs().get(0).text()).endsWith("==> 80\n");
    }

    /** On the document thread. */
    private static long omittedLines() {
        return ((CodeCell) document.cell("flood")).outputs().stream()
                .filter(Output.Omitted.class::isInstance).mapToLong(o -> ((Output.Omitted) o).lines()).sum();
    }

    private static CellState run(String cellId) throws Exception {
        return onDocument(() -> session.run(cellId)).get(60, TimeUnit.SECONDS);
    }

    private static <T> T onDocument(Callable<T> task) throws Exception {
        return DOCUMENT_THREAD.submit(task).get(60, TimeUnit.SECONDS);
    }
}
