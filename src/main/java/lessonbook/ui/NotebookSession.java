package lessonbook.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelListener;
import lessonbook.kernel.client.KernelStatus;
import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Cell;
import lessonbook.model.CellRuntime;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.NotebookDocument;
import lessonbook.model.Output;

/**
 * Runs a document's cells on a kernel. Kernel events arrive on the kernel's threads, go through the
 * {@link OutputCoalescer} and are applied to the document on the UI thread, in the order they came.
 */
final class NotebookSession implements CompletionSource, AutoCloseable {
    private final NotebookDocument document;
    private final Kernel kernel;
    private final OutputCoalescer coalescer;
    private BiConsumer<KernelStatus, String> statusListener = (s, d) -> { };
    private KernelStatus status;

    NotebookSession(NotebookDocument document, Kernel kernel, Executor uiThread) {
        this.document = document;
        this.kernel = kernel;
        this.status = kernel.status();
        this.coalescer = new OutputCoalescer(uiThread, this::apply);
        kernel.addListener(listener);
    }

    /** Hands everything the kernel says to the coalescer, in order; removed again on close. */
    private final KernelListener listener = new KernelListener() {
        @Override
        public void onOutput(String cellId, Output output) {
            coalescer.offer(new KernelUpdate.CellOutput(cellId, output));
        }

        @Override
        public void onCellStarted(String cellId, int executionCount) {
            coalescer.offer(new KernelUpdate.CellStarted(cellId, executionCount));
        }

        @Override
        public void onCellFinished(CellRun run) {
            coalescer.offer(new KernelUpdate.CellFinished(run));
        }

        @Override
        public void onStatus(KernelStatus next, String detail) {
            coalescer.offer(new KernelUpdate.Status(next, detail));
        }
    };

    void setStatusListener(BiConsumer<KernelStatus, String> listener) {
        this.statusListener = listener;
        listener.accept(status, "");
    }

    KernelStatus status() {
        return status;
    }

    Kernel kernel() {
        return kernel;
    }

    /** Queues a code cell (its old outputs go at once, as in JupyterLab); Markdown cells need no kernel. */
    void run(String cellId) {
        if (!(document.cell(cellId) instanceof CodeCell code) || document.isReadOnly()) {
            return;
        }
        document.clearOutputs(cellId);
        document.setRuntime(cellId, CellRuntime.queued());
        CompletableFuture<CellRun> done = kernel.execute(cellId, code.source());
        done.whenComplete((run, failure) -> coalescer.offer(failure == null
                ? new KernelUpdate.CellFinished(run)
                : new KernelUpdate.CellFailed(cellId, String.valueOf(rootCause(failure).getMessage()))));
    }

    void runAll() {
        runRange(0, document.cells().size());
    }

    void runAllAbove(int index) {
        runRange(0, index);
    }

    private void runRange(int from, int to) {
        List<Cell> cells = new ArrayList<>(document.cells().subList(from, Math.min(to, document.cells().size())));
        for (Cell cell : cells) {
            run(cell.id());
        }
    }

    void interrupt() {
        kernel.interrupt();
    }

    CompletableFuture<Void> restart() {
        forgetPendingRuns("Kernel restarted");
        return kernel.restart();
    }

    void clearAllOutputs() {
        document.clearAllOutputs();
    }

    @Override
    public CompletableFuture<KernelEvent.Completions> complete(String code, int cursor) {
        return kernel.complete(code, cursor);
    }

    @Override
    public CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor) {
        return kernel.documentation(code, cursor);
    }

    private void forgetPendingRuns(String why) {
        for (CodeCell cell : document.notebook().codeCells()) {
            CellState state = document.runtime(cell.id()).state();
            if (state == CellState.QUEUED) {
                document.setRuntime(cell.id(), CellRuntime.IDLE);
            } else if (state == CellState.RUNNING) {
                document.appendOutputs(cell.id(), List.of(new Output.Notice(why)));
                finish(cell.id(), CellState.ERROR, null);
            }
        }
    }

    /** Applies one batch on the UI thread. Consecutive outputs of one cell go to the document together. */
    private void apply(List<KernelUpdate> batch) {
        String outputsFor = null;
        List<Output> outputs = new ArrayList<>();
        for (KernelUpdate update : batch) {
            if (update instanceof KernelUpdate.CellOutput out) {
                if (outputsFor != null && !outputsFor.equals(out.cellId())) {
                    document.appendOutputs(outputsFor, outputs);
                    outputs = new ArrayList<>();
                }
                outputsFor = out.cellId();
                outputs.add(out.output());
                continue;
            }
            if (outputsFor != null) {
                document.appendOutputs(outputsFor, outputs);
                outputs = new ArrayList<>();
                outputsFor = null;
            }
            applyOne(update);
        }
        if (outputsFor != null) {
            document.appendOutputs(outputsFor, outputs);
        }
    }

    private void applyOne(KernelUpdate update) {
        if (update instanceof KernelUpdate.CellStarted s) {
            if (document.indexOf(s.cellId()) >= 0) {
                document.setExecutionCount(s.cellId(), s.executionCount());
                document.setRuntime(s.cellId(), CellRuntime.running(Instant.now()));
            }
        } else if (update instanceof KernelUpdate.CellFinished f) {
            CellRun run = f.run();
            if (document.indexOf(run.cellId()) < 0 || !pending(run.cellId())) {
                return;
            }
            if (run.executionCount() > 0) {
                document.setExecutionCount(run.cellId(), run.executionCount());
            }
            boolean neverStarted = document.runtime(run.cellId()).state() == CellState.QUEUED;
            if (run.outcome() == KernelEvent.Outcome.INTERRUPTED && neverStarted) {
                document.setRuntime(run.cellId(), CellRuntime.IDLE);
            } else {
                finish(run.cellId(), endState(run.outcome()), run.wallTime());
            }
        } else if (update instanceof KernelUpdate.CellFailed failed) {
            if (document.indexOf(failed.cellId()) >= 0 && pending(failed.cellId())) {
                document.appendOutputs(failed.cellId(), List.of(new Output.Notice("Not run: " + failed.reason())));
                finish(failed.cellId(), CellState.ERROR, null);
            }
        } else if (update instanceof KernelUpdate.Status s) {
            status = s.status();
            statusListener.accept(s.status(), s.detail());
        }
    }

    /** An interrupted cell did not fail: the teacher stopped it, and its status says so. */
    private static CellState endState(KernelEvent.Outcome outcome) {
        return switch (outcome) {
            case OK -> CellState.DONE;
            case INTERRUPTED -> CellState.INTERRUPTED;
            case ERROR -> CellState.ERROR;
        };
    }

    private boolean pending(String cellId) {
        CellState state = document.runtime(cellId).state();
        return state == CellState.QUEUED || state == CellState.RUNNING;
    }

    private void finish(String cellId, CellState state, Duration wallTime) {
        CellRuntime current = document.runtime(cellId);
        Duration took = wallTime != null ? wallTime
                : current.startedAt() == null ? null : Duration.between(current.startedAt(), Instant.now());
        document.setRuntime(cellId, current.finished(state, took));
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        kernel.removeListener(listener);
        coalescer.close();
        kernel.close();
    }
}
