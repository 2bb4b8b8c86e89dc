package lessonbook.kernel.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * A kernel in its own JVM. Cells queue here and go to the kernel one at a time; interrupts escalate to
 * killing and restarting the kernel when JShell's stop does not take; a kernel that dies while it was ready
 * (System.exit in a cell, a crash, a kill) is reported in the running cell and replaced.
 * <p>
 * Threads: the {@link Kernel} methods may be called from any thread; the current process's events arrive on its
 * reader thread ({@link KernelProcess}), the interrupt's escalation and the process-tree refresh on this kernel's
 * timer. All of them meet under this object's lock, which guards the current process, its readiness, the status,
 * the cell queue and the pending questions together: a process that dies, a cell that ends and a restart asked
 * for at the same moment must see one order. That is also why this state machine is one class of ~450 lines and
 * not several. Nothing here calls a listener under the lock: {@link ListenerDispatch} does, on its own thread, in
 * order. Messages to the kernel go out after the lock is left, except those that follow from the change made under
 * it (the next cell, in {@link #pump}; an input request answered with end of input), which must not overtake it.
 */
public final class JvmKernel implements Kernel {
    static final String NOT_STOPPED = "The cell did not stop on interrupt; the kernel was restarted and its definitions are gone.";

    private final KernelLauncher launcher;
    private final ListenerDispatch dispatch = new ListenerDispatch();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-kernel-timer");
        t.setDaemon(true);
        return t;
    });
    private final CellQueue cells = new CellQueue(dispatch);
    private final PendingQueries queries = new PendingQueries(dispatch);
    private final KernelProcess.Callbacks callbacks = new Callbacks();
    private long nextRequestId = 1;
    private KernelProcess current;
    private boolean ready;
    private boolean closed;
    private volatile boolean inputRequestsEnabled;
    private KernelStatus status = KernelStatus.STARTING;
    /** False for a {@link #startWhen} kernel until its moment came. */
    private boolean startAllowed = true;
    /** See {@link Kernel#setNeeded}: a window showing a notebook in another language needs no kernel JVM. */
    private boolean needed = true;
    private CompletableFuture<Void> readyFuture = new CompletableFuture<>();

    private JvmKernel(KernelLauncher launcher) {
        this.launcher = launcher;
        // every 2 s, not 1: each look reads /proc/PID/task/*/children of every thread of the kernel and its workers
        // (~250 reads with ten workers, ~5 ms of the app's cpu); workers end themselves when the kernel dies, so
        // this list only catches what a cell started otherwise
        timer.scheduleWithFixedDelay(this::refreshDescendants, 1, 2, TimeUnit.SECONDS);
    }

    /** Starts a kernel; cells may be queued at once and run when it is ready. */
    public static JvmKernel start(KernelLauncher launcher) {
        JvmKernel kernel = new JvmKernel(launcher);
        synchronized (kernel) {
            kernel.launch(KernelStatus.STARTING);
        }
        return kernel;
    }

    public static JvmKernel start() {
        return start(KernelLauncher.standard());
    }

    /**
     * A kernel whose process starts only once {@code when} completed (on that completion's thread): the app's
     * window asks for its kernel after its first frame, which a kernel JVM starting beside it on two cores
     * delayed. Until then the kernel is STARTING and cells queue, as while any kernel starts; a restart or close
     * before then takes its place.
     */
    public static JvmKernel startWhen(KernelLauncher launcher, java.util.concurrent.CompletionStage<?> when) {
        JvmKernel kernel = new JvmKernel(launcher);
        kernel.startAllowed = false;   // not yet published: no other thread sees the kernel before this
        when.whenComplete((ok, failure) -> kernel.allowStart());
        return kernel;
    }

    private synchronized void allowStart() {
        startAllowed = true;
        launchIfNotStarted();
    }

    @Override
    public synchronized void setNeeded(boolean needed) {
        this.needed = needed;
        launchIfNotStarted();
    }

    /** Starts the first process once both its moment came and a notebook needs it; holding the lock. */
    private void launchIfNotStarted() {
        if (!closed && current == null && status == KernelStatus.STARTING && startAllowed && needed) {
            launch(KernelStatus.STARTING);
        }
    }

    /** Completes when the current kernel process is ready for cells (exceptionally if it failed to start). */
    public synchronized CompletableFuture<Void> ready() {
        return readyFuture;
    }

    @Override
    public CompletableFuture<CellRun> execute(String cellId, String code) {
        return execute(cellId, code, null);
    }

    @Override
    public synchronized CompletableFuture<CellRun> execute(String cellId, String code, java.nio.file.Path folder) {
        PendingCell cell = new PendingCell(cellId, code, folder == null ? null : folder.toAbsolutePath().toString());
        if (closed) {
            cell.future.complete(new CellRun(cellId, 0, Outcome.ERROR, Duration.ZERO));
            return cell.future;
        }
        if (current == null && status == KernelStatus.DEAD) {
            launch(KernelStatus.STARTING);
        } else if (!needed) {
            setNeeded(true);   // a cell to run is a need, whatever the host said
        }
        cells.add(cell);
        pump();
        return cell.future;
    }

    @Override
    public void interrupt() {
        PendingCell target;
        KernelProcess process;
        synchronized (this) {
            cells.dropWaiting();
            target = cells.running();
            process = current;
            if (target == null || process == null || !ready) {
                return;
            }
        }
        process.send(new KernelRequest.Interrupt());
        timer.schedule(() -> escalate(target, process), launcher.interruptGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** JShell's stop did not take: kill the kernel's process tree and start afresh. */
    private void escalate(PendingCell target, KernelProcess process) {
        synchronized (this) {
            if (cells.running() != target || current != process) {
                return;
            }
            current = null;
            ready = false;
            awaitNextKernel();
            cells.endRunning(NOT_STOPPED, Outcome.INTERRUPTED);
            queries.failAll("the kernel was restarted");
        }
        killAndRelaunch(process);
    }

    @Override
    public CompletableFuture<Void> restart() {
        KernelProcess old;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the kernel is closed"));
            }
            old = detach("The kernel was restarted.");
            needed = true;
            setStatus(KernelStatus.RESTARTING, "restart requested");
        }
        return killAndRelaunch(old);
    }

    /** Kills {@code old} outside the lock (that takes a while), then starts its successor unless closed. */
    private CompletableFuture<Void> killAndRelaunch(KernelProcess old) {
        if (old != null) {
            old.kill();
        }
        synchronized (this) {
            if (!closed && current == null) {
                launch(KernelStatus.RESTARTING);
            }
            return readyFuture;
        }
    }

    @Override
    public void close() {
        KernelProcess old;
        synchronized (this) {
            if (closed) {
                return;
            }
            old = detach("The kernel was shut down.");
            closed = true;
            setStatus(KernelStatus.DEAD, "closed");
            readyFuture.completeExceptionally(new IllegalStateException("the kernel is closed"));
        }
        if (old != null) {
            old.shutDown();
        }
        timer.shutdownNow();
        dispatch.shutdown();
    }

    @Override
    public void enableInputRequests() {
        inputRequestsEnabled = true;
    }

    @Override
    public void answerInput(long inputId, String line) {
        Kernel.checkInputLine(line);
        KernelProcess process;
        synchronized (this) {
            process = ready ? current : null;
        }
        if (process != null) {
            process.send(new KernelRequest.InputReply(inputId, line));
        }
    }

    @Override
    public CompletableFuture<KernelEvent.Completions> complete(String code, int cursor) {
        return query(id -> new KernelRequest.Complete(id, code, cursor))
                .thenApply(e -> (KernelEvent.Completions) e);
    }

    @Override
    public CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor) {
        return query(id -> new KernelRequest.Documentation(id, code, cursor))
                .thenApply(e -> ((KernelEvent.DocumentationResult) e).docs());
    }

    @Override
    public CompletableFuture<KernelEvent.VariablesResult> variables() {
        return query(KernelRequest.Variables::new).thenApply(e -> (KernelEvent.VariablesResult) e);
    }

    @Override
    public void addListener(KernelListener listener) {
        dispatch.add(listener);
    }

    @Override
    public void removeListener(KernelListener listener) {
        dispatch.remove(listener);
    }

    @Override
    public synchronized KernelStatus status() {
        return status;
    }

    @Override
    public synchronized long pid() {
        return current == null ? -1 : current.pid();
    }

    private CompletableFuture<KernelEvent> query(java.util.function.LongFunction<KernelRequest> request) {
        KernelProcess process;
        long id;
        CompletableFuture<KernelEvent> answer;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the kernel is closed"));
            }
            if (current == null && !needed && status == KernelStatus.STARTING) {
                // held until a notebook needs the kernel, which may be never: answered now, nothing pends
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "no kernel runs for this notebook (it is not a Java notebook)"));
            }
            if (current == null || !ready) {
                // Starting (or restarting): ask once it is ready.
                return readyFuture.thenCompose(v -> query(request));
            }
            process = current;
            id = nextRequestId++;
            answer = queries.await(id);
        }
        process.send(request.apply(id));
        return answer;
    }

    // ---- state changes; all called holding the lock ----

    private void launch(KernelStatus startingStatus) {
        launch(startingStatus, "starting a kernel");
    }

    private void launch(KernelStatus startingStatus, String detail) {
        ready = false;
        awaitNextKernel();
        setStatus(startingStatus, detail);
        try {
            current = KernelProcess.start(launcher, callbacks);
        } catch (IOException e) {
            current = null;
            startFailed("The kernel could not start: " + e.getMessage());
        }
    }

    /** From now on {@link #ready()} means the next kernel, also before that kernel is launched. */
    private void awaitNextKernel() {
        if (readyFuture.isDone()) {
            readyFuture = new CompletableFuture<>();
        }
    }

    private void startFailed(String message) {
        setStatus(KernelStatus.DEAD, message);
        readyFuture.completeExceptionally(new IOException(message));
        cells.endRunning(message, Outcome.ERROR);
        cells.failWaiting(message);
        queries.failAll(message);
    }

    /** Forgets the current process (whose later events are then ignored) and fails what depended on it. */
    private KernelProcess detach(String notice) {
        KernelProcess old = current;
        current = null;
        ready = false;
        awaitNextKernel();
        cells.endRunning(notice, Outcome.INTERRUPTED);
        cells.dropWaiting();
        queries.failAll(notice);
        return old;
    }

    /** Sends the next waiting cell when the kernel is ready and runs nothing. */
    private void pump() {
        if (!ready || current == null) {
            return;
        }
        PendingCell next = cells.startNext();
        if (next == null) {
            return;
        }
        next.requestId = nextRequestId++;
        setStatus(KernelStatus.BUSY, next.cellId);
        current.send(new KernelRequest.Execute(next.requestId, next.cellId, next.code, next.folder));
    }

    private void setStatus(KernelStatus newStatus, String detail) {
        if (newStatus != status) {
            status = newStatus;
            dispatch.each(l -> l.onStatus(newStatus, detail));
        }
    }

    /**
     * Remembers the kernel's child processes so they can be ended if the kernel is killed outright. Scanning
     * the process table costs milliseconds of CPU, so this runs every two seconds and only around cell runs.
     */
    private void refreshDescendants() {
        KernelProcess process;
        synchronized (this) {
            process = cells.ranRecently() ? current : null;
        }
        if (process != null) {
            process.refreshDescendants();
        }
    }

    /** Connections to the current kernel's port dropped because they did not prove themselves (tests). */
    synchronized int rejectedConnections() {
        return current == null ? 0 : current.rejectedConnections();
    }

    /** For tests: the kernel's child processes as last seen. */
    synchronized List<Long> knownDescendantPids() {
        return current == null ? List.of() : current.knownDescendantPids();
    }

    private final class Callbacks implements KernelProcess.Callbacks {
        @Override
        public void onEvent(KernelProcess source, KernelEvent event) {
            synchronized (JvmKernel.this) {
                if (source != current) {
                    return;
                }
                if (event instanceof KernelEvent.Ready) {
                    ready = true;
                    setStatus(KernelStatus.IDLE, "ready");
                    CompletableFuture<Void> nowReady = readyFuture;
                    dispatch.run(() -> nowReady.complete(null));
                    pump();
                } else if (event instanceof KernelEvent.ExecuteStarted started) {
                    cells.started(started.requestId(), started.cellId(), started.executionCount());
                } else if (event instanceof KernelEvent.CellOutput cellOutput) {
                    cells.output(cellOutput.cellId(), cellOutput.output());
                } else if (event instanceof KernelEvent.InputRequested asked) {
                    if (inputRequestsEnabled) {
                        dispatch.each(listener -> listener.onInputRequested(asked.cellId(), asked.inputId()));
                    } else {
                        source.send(new KernelRequest.InputReply(asked.inputId(), null));
                    }
                } else if (event instanceof KernelEvent.WorkerActivity activity) {
                    dispatch.each(listener -> listener.onWorkerActivity(activity));
                } else if (event instanceof KernelEvent.ExecuteFinished finished) {
                    if (cells.finished(finished.requestId(), finished.executionCount(), finished.outcome())
                            && current != null && ready) {
                        setStatus(KernelStatus.IDLE, "");
                        pump();
                    }
                } else if (event instanceof KernelEvent.Completions completions) {
                    queries.answer(completions.requestId(), event);
                } else if (event instanceof KernelEvent.DocumentationResult documentation) {
                    queries.answer(documentation.requestId(), event);
                } else if (event instanceof KernelEvent.VariablesResult variables) {
                    queries.answer(variables.requestId(), event);
                }
            }
        }

        @Override
        public void onRawOutput(KernelProcess source, StreamName stream, String text) {
            synchronized (JvmKernel.this) {
                if (source == current) {
                    cells.rawOutput(new Output.Stream(stream, text));
                }
            }
        }

        @Override
        public void onExit(KernelProcess source, int exitCode) {
            synchronized (JvmKernel.this) {
                if (source != current || closed) {
                    return;
                }
                boolean wasReady = ready;
                current = null;
                ready = false;
                if (!wasReady) {
                    startFailed("The kernel could not start: " + source.failure() + " (" + source.exit(exitCode).code() + ")");
                    return;
                }
                awaitNextKernel();
                source.killOrphans();
                String message = source.exit(exitCode).describe() + "; a fresh kernel was started.";
                cells.endRunning(message, Outcome.ERROR);
                cells.failWaiting("Not run: the kernel stopped before this cell's turn.");
                queries.failAll(message);
                launch(KernelStatus.RESTARTING, message);
            }
        }
    }
}
