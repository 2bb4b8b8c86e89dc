package lessonbook.cli.headless;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import lessonbook.format.Magics;
import lessonbook.kernel.client.Kernel;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.DocumentChange;
import lessonbook.model.Notebook;
import lessonbook.model.NotebookDocument;
import lessonbook.model.Output;
import lessonbook.session.NotebookSession;

/**
 * Runs a notebook's code cells in order on one kernel through a {@link NotebookSession}, the same session the
 * window drives, and prints the document's changes: each cell's output as it arrives under a {@code [n]} header.
 * Output that reaches a cell after it finished (background threads, workers) is printed under a
 * {@code [n] (continued)} header and kept with its cell. The notebook it returns holds what the document kept
 * (a flood's head, a marker, its tail), so memory and the written file stay bounded.
 *
 * <p>Threading: the document and the session live on one thread of this run's own ("lessonbook-run"), which
 * also prints; the calling thread only waits for each cell's end.
 */
public final class HeadlessRun {
    /** How long an interrupted cell may take to report back (the kernel may be restarted meanwhile). */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(15);
    /** How long a cell may stay queued behind nothing before the run gives up on the document thread. */
    private static final Duration DOCUMENT_THREAD_WAIT = Duration.ofSeconds(30);

    /** {@code timedOutCells}: of the failed cells, those stopped by the cell timeout (a failure of the run itself). */
    public record Result(Notebook notebook, int failedCells, int ranCells, int timedOutCells) {
    }

    private final Kernel kernel;
    private final PrintStream out;
    private final Duration cellTimeout;
    private final boolean allowErrors;
    /** Where cells' reads of System.in are answered from; null: they read end of input. */
    private final java.io.InputStream stdin;
    private HeadlessInput input;
    private final ExecutorService documentThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-run");
        t.setDaemon(true);
        return t;
    });
    /** How long a cell may wait for the kernel to start it (a kernel start on a busy machine included). */
    private static final Duration START_WAIT = Duration.ofMinutes(2);

    /** Document thread only. */
    private NotebookDocument document;
    /** Completes when the cell run now starts running: the timeout counts from then, not from the queue. */
    private CompletableFuture<Void> started;
    private NotebookSession session;
    private String printing;
    private boolean atLineStart = true;
    /** Calling thread only. */
    private int timedOut;

    public HeadlessRun(Kernel kernel, PrintStream out, Duration cellTimeout, boolean allowErrors) {
        this(kernel, out, cellTimeout, allowErrors, null);
    }

    /** @param stdin what cells read from System.in, line by line (null: end of input at once) */
    public HeadlessRun(Kernel kernel, PrintStream out, Duration cellTimeout, boolean allowErrors,
            java.io.InputStream stdin) {
        this.stdin = stdin;
        this.kernel = kernel;
        this.out = out;
        this.cellTimeout = cellTimeout;
        this.allowErrors = allowErrors;
    }

    public Result run(Notebook notebook) {
        return run(notebook, null);
    }

    /** Runs {@code notebook}, read from {@code file} (null if none): its {@code %jars} paths resolve beside it. */
    public Result run(Notebook notebook, java.nio.file.Path file) {
        int failed = 0;
        int ran = 0;
        timedOut = 0;
        try {
            onDocumentThread(() -> {
                document = new NotebookDocument(notebook, file);
                document.clearAllOutputs();
                document.addListener(this::print);
                session = new NotebookSession(document, kernel, documentThread);
                if (stdin != null) {
                    input = new HeadlessInput(stdin, documentThread);
                    session.setInputPrompts(input);
                }
                return null;
            });
            for (CodeCell cell : notebook.codeCells()) {
                ran++;
                if (!runCell(cell)) {
                    failed++;
                    if (!allowErrors) {
                        break;
                    }
                }
            }
            return new Result(onDocumentThread(() -> document.notebook()), failed, ran, timedOut);
        } finally {
            documentThread.execute(() -> {
                if (session != null) {
                    session.detach();
                }
                if (input != null) {
                    input.close();
                }
            });
            documentThread.shutdown();
        }
    }

    private boolean runCell(CodeCell cell) {
        Optional<String> magic = Magics.unsupported(cell.source());
        if (magic.isPresent()) {
            onDocumentThread(() -> {
                header("[-]");
                session.note(cell.id(), magic.get());
                return null;
            });
            return false;
        }
        CompletableFuture<Void> running = new CompletableFuture<>();
        CompletableFuture<CellState> ended = onDocumentThread(() -> {
            started = running;
            return session.run(cell.id());
        });
        try {
            CompletableFuture.anyOf(running, ended).get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            CellState state = cellTimeout == null ? ended.get()
                    : ended.get(cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return state == CellState.DONE;
        } catch (TimeoutException e) {
            timedOut++;
            String why = running.isDone() ? "The cell ran longer than " + cellTimeout.toSeconds() + " s and was interrupted."
                    : "The kernel did not start the cell within " + START_WAIT.toSeconds() + " s.";
            onDocumentThread(() -> {
                session.interrupt();
                session.note(cell.id(), why);
                return null;
            });
            awaitQuietly(ended);
            return false;
        } catch (ExecutionException e) {
            onDocumentThread(() -> {
                session.note(cell.id(), "The cell could not run: " + e.getCause().getMessage());
                return null;
            });
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kernel.interrupt();
            return false;
        }
    }

    private static void awaitQuietly(CompletableFuture<CellState> ended) {
        try {
            ended.get(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The cell is already counted as failed; the notice says why.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints what the document tells; on the document thread, so in the order things happened. */
    private void print(DocumentChange change) {
        if (change instanceof DocumentChange.RuntimeChanged r && r.runtime().state() == CellState.RUNNING) {
            header("[" + executionCount(r.cellId()) + "]");
            printing = r.cellId();
            if (started != null) {
                started.complete(null);
            }
        } else if (change instanceof DocumentChange.OutputsAppended appended) {
            for (Output output : appended.added()) {
                String text = output.text();
                if (text.isEmpty()) {
                    continue;
                }
                if (!appended.cellId().equals(printing)) {
                    printing = appended.cellId();
                    header("[" + executionCount(appended.cellId()) + "] (continued)");
                }
                print(text);
            }
        }
    }

    private String executionCount(String cellId) {
        Integer count = document.cell(cellId) instanceof CodeCell code ? code.executionCount() : null;
        return count == null ? "?" : String.valueOf(count);
    }

    /** A header starts on a line of its own even after a partial line. */
    private void header(String line) {
        print((atLineStart ? "" : "\n") + line + "\n");
    }

    private void print(String text) {
        out.print(text);
        out.flush();
        atLineStart = text.endsWith("\n");
    }

    private <T> T onDocumentThread(Callable<T> task) {
        try {
            return documentThread.submit(task).get(DOCUMENT_THREAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the run's document thread did not answer in "
                    + DOCUMENT_THREAD_WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
