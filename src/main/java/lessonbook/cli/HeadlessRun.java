package lessonbook.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import lessonbook.format.Magics;
import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelListener;
import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/**
 * Runs a notebook's code cells in order on one kernel, printing each cell's output as it arrives under a
 * {@code [n]} header and collecting it into a new notebook. Output that reaches a cell after it finished
 * (background threads, workers) is printed under a {@code [n] (continued)} header and kept with its cell.
 */
public final class HeadlessRun {
    /** How long an interrupted cell may take to report back (the kernel may be restarted meanwhile). */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(15);

    public record Result(Notebook notebook, int failedCells, int ranCells) {
    }

    private final Kernel kernel;
    private final PrintStream out;
    private final Duration cellTimeout;
    private final boolean allowErrors;
    private final Map<String, List<Output>> outputs = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<CellRun>> finished = new ConcurrentHashMap<>();
    private volatile String printing;
    /** Guarded by {@code out}: a header must start on a line of its own even after a partial line. */
    private boolean atLineStart = true;

    public HeadlessRun(Kernel kernel, PrintStream out, Duration cellTimeout, boolean allowErrors) {
        this.kernel = kernel;
        this.out = out;
        this.cellTimeout = cellTimeout;
        this.allowErrors = allowErrors;
    }

    public Result run(Notebook notebook) {
        KernelListener listener = new Printer();
        kernel.addListener(listener);
        int failed = 0;
        int ran = 0;
        try {
            for (CodeCell cell : notebook.codeCells()) {
                ran++;
                if (!runCell(cell)) {
                    failed++;
                    if (!allowErrors) {
                        break;
                    }
                }
            }
        } finally {
            kernel.removeListener(listener);
        }
        return new Result(withOutputs(notebook), failed, ran);
    }

    private boolean runCell(CodeCell cell) {
        outputs.put(cell.id(), new ArrayList<>());
        Optional<String> magic = Magics.unsupported(cell.source());
        if (magic.isPresent()) {
            synchronized (out) {
                header("[-]");
            }
            note(cell.id(), magic.get());
            return false;
        }
        CompletableFuture<CellRun> done = new CompletableFuture<>();
        finished.put(cell.id(), done);
        kernel.execute(cell.id(), cell.source()).whenComplete((run, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(run);
            }
        });
        try {
            CellRun run = cellTimeout == null ? done.get() : done.get(cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return run.ok();
        } catch (TimeoutException e) {
            kernel.interrupt();
            note(cell.id(), "The cell ran longer than " + cellTimeout.toSeconds() + " s and was interrupted.");
            awaitQuietly(done);
            return false;
        } catch (ExecutionException e) {
            note(cell.id(), "The cell could not run: " + e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kernel.interrupt();
            return false;
        }
    }

    private void awaitQuietly(CompletableFuture<CellRun> done) {
        try {
            done.get(INTERRUPT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The cell is already counted as failed; the notice says why.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void note(String cellId, String message) {
        Output notice = new Output.Notice(message);
        record(cellId, notice);
        synchronized (out) {
            print(notice.text());
        }
    }

    private void record(String cellId, Output output) {
        List<Output> list = outputs.computeIfAbsent(cellId, id -> new ArrayList<>());
        synchronized (list) {
            list.add(output);
        }
    }

    private Notebook withOutputs(Notebook notebook) {
        List<Cell> cells = new ArrayList<>();
        Map<String, Integer> countsNow = new HashMap<>(counts);
        for (Cell cell : notebook.cells()) {
            if (cell instanceof CodeCell code && outputs.containsKey(code.id())) {
                List<Output> list = outputs.get(code.id());
                synchronized (list) {
                    cells.add(code.withOutputs(list).withExecutionCount(countsNow.get(code.id())));
                }
            } else if (cell instanceof CodeCell code) {
                cells.add(code.withOutputs(List.of()).withExecutionCount(null));
            } else {
                cells.add(cell);
            }
        }
        return notebook.withCells(cells);
    }

    /** Listener callbacks arrive in kernel order on one thread, so a cell's output precedes its finish. */
    private final class Printer implements KernelListener {
        @Override
        public void onCellStarted(String cellId, int executionCount) {
            counts.put(cellId, executionCount);
            synchronized (out) {
                header("[" + executionCount + "]");
            }
            printing = cellId;
        }

        @Override
        public void onOutput(String cellId, Output output) {
            record(cellId, output);
            String text = output.text();
            if (text.isEmpty()) {
                return;
            }
            synchronized (out) {
                if (!cellId.equals(printing)) {
                    printing = cellId;
                    Integer n = counts.get(cellId);
                    header("[" + (n == null ? "?" : n) + "] (continued)");
                }
                print(text);
            }
        }

        @Override
        public void onCellFinished(CellRun run) {
            CompletableFuture<CellRun> done = finished.get(run.cellId());
            if (done != null) {
                done.complete(run);
            }
        }
    }

    /** Caller holds the lock on {@code out}. */
    private void header(String line) {
        print((atLineStart ? "" : "\n") + line + "\n");
    }

    /** Caller holds the lock on {@code out}. */
    private void print(String text) {
        out.print(text);
        out.flush();
        atLineStart = text.endsWith("\n");
    }
}
