package lessonbook.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Runs a document's cells on a kernel: the one place a cell's run is orchestrated, for the window and for the
 * headless {@code run} alike (in the spirit of Livebook's session: it owns the document's cell states and the
 * kernel; a client only renders the document's changes).
 *
 * <p>Threading: every method is called on the document's thread, and every change is applied there. Kernel
 * events arrive on the kernel client's event thread, go through the {@link OutputCoalescer} and reach the
 * document in batches, in the order they came. A cell's one end signal is the future
 * {@link Kernel#execute} returns, completed after all of that cell's own output was reported.
 *
 * <p>A cell's states: IDLE, then QUEUED on {@link #run}, RUNNING when the kernel starts it, then DONE, ERROR or
 * INTERRUPTED; a queued cell dropped by an interrupt or a restart goes back to IDLE.
 */
public final class NotebookSession implements AutoCloseable {
    private final NotebookDocument document;
    private final Kernel kernel;
    private final OutputCoalescer coalescer;
    private final WorkerActivityRelay activity;
    /** The futures {@link #run} handed out for cells not yet ended; document thread only. */
    private final Map<String, CompletableFuture<CellState>> endings = new HashMap<>();
    private BiConsumer<KernelStatus, String> statusListener = (s, d) -> { };
    private InputPrompts inputPrompts = InputPrompts.END_OF_INPUT;
    /** Cells whose request for a line of input is unanswered; document thread only. */
    private final java.util.Set<String> asking = new java.util.HashSet<>();
    private KernelStatus status;
    /**
     * The kernel process each cell last ran in (its pid when queued), whatever its end; document thread only. A
     * cell that ran in a kernel since replaced (a crash, System.exit, an out-of-memory end, a restart) left
     * nothing there.
     */
    private final Map<String, Long> ranInKernel = new HashMap<>();

    /** @param documentThread runs tasks on the thread that owns {@code document} */
    public NotebookSession(NotebookDocument document, Kernel kernel, Executor documentThread) {
        this.document = document;
        this.kernel = kernel;
        this.status = kernel.status();
        this.coalescer = new OutputCoalescer(documentThread, this::apply);
        this.activity = new WorkerActivityRelay(documentThread);
        kernel.addListener(listener);
        kernel.enableInputRequests();
    }

    /** Hands everything the kernel says to the coalescer, in order; removed again on close. */
    private final KernelListener listener = new KernelListener() {
        @Override
        public void onOutput(String cellId, Output output) {
            coalescer.offer(new KernelUpdate.CellOutput(cellId, output));
        }

        @Override
        public void onWorkerActivity(KernelEvent.WorkerActivity update) {
            activity.offer(update);
        }

        @Override
        public void onCellStarted(String cellId, int executionCount) {
            coalescer.offer(new KernelUpdate.CellStarted(cellId, executionCount));
        }

        @Override
        public void onInputRequested(String cellId, long inputId) {
            coalescer.offer(new KernelUpdate.InputRequested(cellId, inputId));
        }

        @Override
        public void onStatus(KernelStatus next, String detail) {
            coalescer.offer(new KernelUpdate.Status(next, detail));
        }
    };

    /**
     * Where running workers' live CPU time and wait states go (on the document thread): transient, to show in a
     * cell's worker lanes; the document never holds them. Coalesced per worker; may come after a worker's exit.
     */
    public void setWorkerActivityListener(java.util.function.Consumer<KernelEvent.WorkerActivity> listener) {
        activity.setListener(listener);
    }

    /**
     * Who answers a running cell's reads of System.in (document thread). Until one is set, and for a client
     * that cannot ask anyone, every read gets end of input.
     */
    public void setInputPrompts(InputPrompts prompts) {
        this.inputPrompts = prompts;
    }

    /**
     * Answers a cell's request for input: one line without its line end, or null for end of input. Any thread;
     * an answer to a lapsed request is ignored.
     *
     * @throws IllegalArgumentException if the line is longer than the kernel takes (the message says how long)
     */
    public void answerInput(long inputId, String line) {
        kernel.answerInput(inputId, line);
    }

    public void setStatusListener(BiConsumer<KernelStatus, String> listener) {
        this.statusListener = listener;
        listener.accept(status, "");
    }

    public KernelStatus status() {
        return status;
    }

    public Kernel kernel() {
        return kernel;
    }

    /**
     * Queues a code cell (its old outputs go at once, as in JupyterLab); Markdown cells need no kernel. The
     * future completes on the document thread with the state the cell ended in (IDLE when it never ran).
     */
    public CompletableFuture<CellState> run(String cellId) {
        if (!(document.cell(cellId) instanceof CodeCell code) || document.isReadOnly()) {
            return CompletableFuture.completedFuture(document.runtime(cellId).state());
        }
        CompletableFuture<CellState> previous = endings.remove(cellId);
        ranInKernel.remove(cellId);
        long kernelPid = kernel.pid();
        document.clearOutputs(cellId);
        document.setRuntime(cellId, CellRuntime.queued());
        CompletableFuture<CellState> ending = new CompletableFuture<>();
        endings.put(cellId, ending);
        // completes on the document thread (finish, setIdle): the map needs no lock
        ending.thenAccept(state -> {
            if (state != CellState.IDLE && kernelPid > 0) {
                ranInKernel.put(cellId, kernelPid);
            }
        });
        if (previous != null) {
            // Queued twice: the first run's answer still comes and ends the cell; both callers hear of it.
            ending.whenComplete((state, e) -> previous.complete(state));
        }
        java.nio.file.Path file = document.file();
        CompletableFuture<CellRun> done = kernel.execute(cellId, code.source(),
                file == null ? null : file.toAbsolutePath().getParent());
        done.whenComplete((run, failure) -> coalescer.offer(failure == null
                ? new KernelUpdate.CellFinished(run)
                : new KernelUpdate.CellFailed(cellId, String.valueOf(rootCause(failure).getMessage()))));
        return ending;
    }

    /**
     * Whether the cell's last run was in the kernel process running now (done, failed or interrupted: it had its
     * chance to define what it defines there); false if it never ran, or ran in a kernel since replaced.
     */
    public boolean ranInCurrentKernel(String cellId) {
        Long pid = ranInKernel.get(cellId);
        return pid != null && pid == kernel.pid();
    }

    /** A notice in a cell's output from the host itself (a magic that cannot run, a timeout). */
    public void note(String cellId, String message) {
        document.appendOutputs(cellId, List.of(new Output.Notice(message)));
    }

    public void runAll() {
        runRange(0, document.cells().size());
    }

    public void runAllAbove(int index) {
        runRange(0, index);
    }

    /** Jupyter's "Run Selected Cell and All Below": the cell at {@code index} and every one after it. */
    public void runFrom(int index) {
        runRange(index, document.cells().size());
    }

    private void runRange(int from, int to) {
        List<Cell> cells = new ArrayList<>(document.cells().subList(from, Math.min(to, document.cells().size())));
        for (Cell cell : cells) {
            run(cell.id());
        }
    }

    public void interrupt() {
        kernel.interrupt();
    }

    public CompletableFuture<Void> restart() {
        forgetPendingRuns("Kernel restarted");
        return kernel.restart();
    }

    public void clearAllOutputs() {
        document.clearAllOutputs();
    }

    /** The notebook's variables, answered between cells on the kernel's event thread. */
    public CompletableFuture<KernelEvent.VariablesResult> variables() {
        return kernel.variables();
    }

    public CompletableFuture<KernelEvent.Completions> complete(String code, int cursor) {
        return kernel.complete(code, cursor);
    }

    public CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor) {
        return kernel.documentation(code, cursor);
    }

    private void forgetPendingRuns(String why) {
        for (CodeCell cell : document.notebook().codeCells()) {
            CellState state = document.runtime(cell.id()).state();
            if (state == CellState.QUEUED) {
                setIdle(cell.id());
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
                setIdle(run.cellId());
            } else {
                finish(run.cellId(), endState(run.outcome()), run.wallTime());
            }
        } else if (update instanceof KernelUpdate.CellFailed failed) {
            if (document.indexOf(failed.cellId()) >= 0 && pending(failed.cellId())) {
                document.appendOutputs(failed.cellId(), List.of(new Output.Notice("Not run: " + failed.reason())));
                finish(failed.cellId(), CellState.ERROR, null);
            }
        } else if (update instanceof KernelUpdate.InputRequested asked) {
            // the request may come after its cell's end (it is sent from another kernel thread): then it lapsed
            if (document.indexOf(asked.cellId()) >= 0 && document.runtime(asked.cellId()).state() == CellState.RUNNING) {
                asking.add(asked.cellId());
                inputPrompts.ask(this, asked.cellId(), asked.inputId());
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
        ended(cellId, state);
    }

    private void setIdle(String cellId) {
        document.setRuntime(cellId, CellRuntime.IDLE);
        ended(cellId, CellState.IDLE);
    }

    private void ended(String cellId, CellState state) {
        if (asking.remove(cellId)) {
            inputPrompts.lapse(cellId);
        }
        CompletableFuture<CellState> ending = endings.remove(cellId);
        if (ending != null) {
            ending.complete(state);
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Stops listening to the kernel, which goes on for its owner; cells still pending end as they are. */
    public void detach() {
        kernel.removeListener(listener);
        coalescer.close();
        endings.values().forEach(ending -> ending.cancel(false));
        endings.clear();
    }

    /** Detaches and ends the kernel. */
    @Override
    public void close() {
        detach();
        kernel.close();
    }
}
