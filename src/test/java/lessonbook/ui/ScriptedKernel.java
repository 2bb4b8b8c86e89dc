package lessonbook.ui;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelListener;
import lessonbook.kernel.client.KernelStatus;
import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Diagnostic;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * An in-test kernel that understands a handful of statement shapes, used until the process kernel lands:
 * println of a literal, a counted println loop (the flood), {@code while (true)} (runaway until interrupt),
 * a worker line, and anything else containing "undefinedName" as a compile error. Events come from its own
 * thread, as a real client's do.
 */
final class ScriptedKernel implements Kernel {
    private static final Pattern PRINTLN = Pattern.compile("System\\.(out|err)\\.println\\((\"?)(.*?)\\2\\);");
    private static final Pattern LOOP = Pattern.compile("for \\(int i = 0; i < ([0-9_]+); i\\+\\+\\) System\\.out\\.println\\(i\\);");
    private static final Pattern WORKER = Pattern.compile("worker\\(\"(\\w+)\", (\\d+), \"(.*)\"\\);");

    private final List<KernelListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scripted-kernel");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private volatile KernelStatus status = KernelStatus.IDLE;

    @Override
    public CompletableFuture<CellRun> execute(String cellId, String code) {
        CompletableFuture<CellRun> done = new CompletableFuture<>();
        thread.execute(() -> {
            interrupted.set(false);
            int n = count.incrementAndGet();
            long start = System.nanoTime();
            setStatus(KernelStatus.BUSY);
            listeners.forEach(l -> l.onCellStarted(cellId, n));
            KernelEvent.Outcome outcome = run(cellId, code);
            CellRun run = new CellRun(cellId, n, outcome, Duration.ofNanos(System.nanoTime() - start));
            setStatus(KernelStatus.IDLE);
            done.complete(run);
        });
        return done;
    }

    private KernelEvent.Outcome run(String cellId, String code) {
        int bad = code.indexOf("undefinedName");
        if (bad >= 0) {
            emit(cellId, new Output.CompileError(List.of(new Diagnostic(true, bad, bad + "undefinedName".length(),
                    1, bad + 1, "cannot find symbol\n  symbol:   variable undefinedName"))));
            return KernelEvent.Outcome.ERROR;
        }
        if (code.contains("while (true)")) {
            while (!interrupted.get()) {
                Thread.onSpinWait();
            }
            emit(cellId, new Output.Notice("Interrupted"));
            return KernelEvent.Outcome.INTERRUPTED;
        }
        if (code.contains("throw new")) {
            emit(cellId, new Output.Error("java.lang.IllegalStateException", "boom",
                    List.of("f (#1:2)", "g (#1:5)", "(#1:7)")));
            return KernelEvent.Outcome.ERROR;
        }
        Matcher loop = LOOP.matcher(code);
        if (loop.find()) {
            long lines = Long.parseLong(loop.group(1).replace("_", ""));
            for (long i = 0; i < lines; i++) {
                if (interrupted.get()) {
                    emit(cellId, new Output.Notice("Interrupted"));
                    return KernelEvent.Outcome.INTERRUPTED;
                }
                emit(cellId, new Output.Stream(StreamName.STDOUT, i + "\n"));
            }
            return KernelEvent.Outcome.OK;
        }
        Matcher worker = WORKER.matcher(code);
        while (worker.find()) {
            emit(cellId, new Output.WorkerLine(worker.group(1), Long.parseLong(worker.group(2)), StreamName.STDOUT,
                    worker.group(3)));
        }
        Matcher print = PRINTLN.matcher(code);
        while (print.find()) {
            StreamName stream = print.group(1).equals("err") ? StreamName.STDERR : StreamName.STDOUT;
            emit(cellId, new Output.Stream(stream, print.group(3) + "\n"));
        }
        return KernelEvent.Outcome.OK;
    }

    /** Output for a cell that already ended (a worker it started printing on), from the kernel's own thread. */
    void late(String cellId, List<Output> outputs) {
        thread.execute(() -> outputs.forEach(o -> emit(cellId, o)));
    }

    /**
     * Output of a cell that is still running, from another of the kernel's threads (as a worker's output reader
     * sends it) while the cell's own thread is busy, e.g. in {@code while (true)}.
     */
    void alongside(String cellId, List<Output> outputs) {
        Thread reader = new Thread(() -> outputs.forEach(o -> emit(cellId, o)), "scripted-worker-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** A running worker's live activity, as the kernel forwards it (transient), from the kernel's own thread. */
    void activity(KernelEvent.WorkerActivity activity) {
        thread.execute(() -> listeners.forEach(l -> l.onWorkerActivity(activity)));
    }

    private void emit(String cellId, Output output) {
        listeners.forEach(l -> l.onOutput(cellId, output));
    }

    private void setStatus(KernelStatus next) {
        status = next;
        listeners.forEach(l -> l.onStatus(next, ""));
    }

    @Override
    public void interrupt() {
        interrupted.set(true);
    }

    @Override
    public CompletableFuture<Void> restart() {
        interrupted.set(true);
        return CompletableFuture.runAsync(() -> count.set(0), thread);
    }

    @Override
    public CompletableFuture<KernelEvent.Completions> complete(String code, int cursor) {
        String before = code.substring(0, cursor);
        int dot = before.lastIndexOf('.');
        String prefix = before.substring(dot + 1);
        List<KernelEvent.Suggestion> all = List.of(new KernelEvent.Suggestion("println(", false),
                new KernelEvent.Suggestion("print(", false), new KernelEvent.Suggestion("printf(", false));
        return CompletableFuture.completedFuture(new KernelEvent.Completions(1, dot + 1,
                all.stream().filter(s -> s.continuation().startsWith(prefix)).toList()));
    }

    @Override
    public CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public void addListener(KernelListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(KernelListener listener) {
        listeners.remove(listener);
    }

    @Override
    public KernelStatus status() {
        return status;
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public void close() {
        interrupted.set(true);
        thread.shutdownNow();
    }
}
