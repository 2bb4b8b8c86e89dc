package lessonbook.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelLauncher;
import lessonbook.kernel.client.KernelListener;
import lessonbook.kernel.client.KernelStatus;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.process.ProcStat;

/**
 * A real kernel under test plus everything it reported, per cell: the one way tests run cells in a kernel JVM
 * (kernel, workers and session tests alike) and wait on what they print, with bounded waits.
 */
public final class KernelHarness implements AutoCloseable, AfterAllCallback {
    public static final Duration CELL_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger CELL_IDS = new AtomicInteger();

    public final JvmKernel kernel;
    public final Map<String, List<Output>> outputs = new ConcurrentHashMap<>();
    public final List<KernelStatus> statuses = new CopyOnWriteArrayList<>();
    public final Map<String, Integer> started = new ConcurrentHashMap<>();
    /** Outputs and transient worker activity together, in the order the listener heard them. */
    public final List<Object> heard = new CopyOnWriteArrayList<>();
    private Duration cellTimeout = CELL_TIMEOUT;

    public KernelHarness(KernelLauncher launcher) {
        kernel = JvmKernel.start(launcher);
        kernel.addListener(new KernelListener() {
            @Override
            public void onOutput(String cellId, Output output) {
                outputs.computeIfAbsent(cellId, k -> new CopyOnWriteArrayList<>()).add(output);
                heard.add(output);
            }

            @Override
            public void onWorkerActivity(lessonbook.kernel.protocol.KernelEvent.WorkerActivity activity) {
                heard.add(activity);
            }

            @Override
            public void onCellStarted(String cellId, int executionCount) {
                started.put(cellId, executionCount);
            }

            @Override
            public void onStatus(KernelStatus status, String detail) {
                statuses.add(status);
            }
        });
    }

    public KernelHarness() {
        this(KernelLauncher.standard());
    }

    /**
     * A kernel started and ready (waited for at most 30 s): for a test class's shared kernel, as
     * {@code @RegisterExtension static final KernelHarness harness = KernelHarness.ready();}, which also closes it
     * after the class's tests.
     */
    public static KernelHarness ready() {
        KernelHarness harness = new KernelHarness();
        try {
            harness.kernel.ready().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            harness.close();
            throw new IllegalStateException("the kernel was not ready in 30 s", e);
        }
        return harness;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** How long a cell may take before a test fails (worker cells on a loaded machine need more). */
    public KernelHarness cellTimeout(Duration timeout) {
        cellTimeout = timeout;
        return this;
    }

    public static String newCellId() {
        return "cell-" + CELL_IDS.incrementAndGet();
    }

    /** A finished run with the outputs its cell had when it finished. */
    public record Ran(CellRun run, List<Output> outputs) {
        public String stdout() {
            return streamText(outputs, StreamName.STDOUT);
        }

        public String stderr() {
            return streamText(outputs, StreamName.STDERR);
        }

        public <T extends Output> List<T> all(Class<T> type) {
            return outputs.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
        }

        public <T extends Output> T only(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                fail("expected one " + type.getSimpleName() + " in " + outputs);
            }
            return found.get(0);
        }
    }

    public Ran run(String code) {
        return run(newCellId(), code);
    }

    /**
     * Waits until the kernel's idle warm-up has ended, asking the kernel with a cell once a second: each cell
     * restarts the quiet spell its later steps wait for ({@code KernelWarmUp.QUIET_MS}), so asking more often would
     * keep it from ever ending.
     */
    public void awaitWarmUpEnded() {
        Await.until("the kernel's warm-up ended", Duration.ofSeconds(60), Duration.ofSeconds(1),
                () -> run("System.out.println(Thread.getAllStackTraces().keySet().stream()"
                        + ".noneMatch(t -> t.getName().equals(\"lessonbook-kernel-warm-up\")));").stdout().strip()
                        .equals("true"));
    }

    public Ran run(String cellId, String code) {
        try {
            CellRun run = kernel.execute(cellId, code).get(cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Ran(run, outputsOf(cellId));
        } catch (Exception e) {
            throw new AssertionError("cell " + cellId + " did not finish: " + e + " outputs " + outputsOf(cellId), e);
        }
    }

    /** Queues a cell and waits until the kernel runs it. */
    public java.util.concurrent.CompletableFuture<CellRun> startRunning(String cellId, String code) {
        java.util.concurrent.CompletableFuture<CellRun> future = kernel.execute(cellId, code);
        Await.until("cell " + cellId + " to start", cellTimeout, () -> started.containsKey(cellId));
        return future;
    }

    /** Waits until the cell's stdout contains {@code text}; returns that stdout. */
    public String awaitStdout(String cellId, String text) {
        Await.until("'" + text + "' in " + cellId, cellTimeout,
                () -> streamText(outputsOf(cellId), StreamName.STDOUT).contains(text));
        return streamText(outputsOf(cellId), StreamName.STDOUT);
    }

    public List<Output> outputsOf(String cellId) {
        return new ArrayList<>(outputs.getOrDefault(cellId, List.of()));
    }

    public static String streamText(List<Output> outputs, StreamName stream) {
        return outputs.stream().filter(o -> o instanceof Output.Stream && ((Output.Stream) o).stream() == stream)
                .map(Output::text).collect(Collectors.joining());
    }

    /**
     * Waits until the process has ended, a zombie included ({@link ProcStat#running}): this VM's
     * init collects an orphan's exit status about once a second, and a kernel whose host died, killed at once,
     * stayed "alive" to {@code ProcessHandle} 1.1-1.2 s longer (a 2 s bound failed on a loaded run).
     */
    public static void awaitGone(long pid, Duration timeout) {
        Await.until("process " + pid + " to end", timeout, () -> !ProcStat.running(pid));
    }

    @Override
    public void close() {
        kernel.close();
    }
}
