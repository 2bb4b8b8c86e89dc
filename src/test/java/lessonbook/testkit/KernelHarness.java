package lessonbook.kernel.client;

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

import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.testkit.Await;

/** A kernel under test plus everything it reported, per cell. */
final class KernelHarness implements AutoCloseable {
    static final Duration CELL_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger CELL_IDS = new AtomicInteger();

    final JvmKernel kernel;
    final Map<String, List<Output>> outputs = new ConcurrentHashMap<>();
    final List<KernelStatus> statuses = new CopyOnWriteArrayList<>();
    final Map<String, Integer> started = new ConcurrentHashMap<>();
    /** Outputs and transient worker activity together, in the order the listener heard them. */
    final List<Object> heard = new CopyOnWriteArrayList<>();

    KernelHarness(KernelLauncher launcher) {
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

    KernelHarness() {
        this(KernelLauncher.standard());
    }

    static String newCellId() {
        return "cell-" + CELL_IDS.incrementAndGet();
    }

    /** A finished run with the outputs its cell had when it finished. */
    record Ran(CellRun run, List<Output> outputs) {
        String stdout() {
            return streamText(outputs, StreamName.STDOUT);
        }

        String stderr() {
            return streamText(outputs, StreamName.STDERR);
        }

        <T extends Output> List<T> all(Class<T> type) {
            return outputs.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
        }

        <T extends Output> T only(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                fail("expected one " + type.getSimpleName() + " in " + outputs);
            }
            return found.get(0);
        }
    }

    Ran run(String code) {
        return run(newCellId(), code);
    }

    Ran run(String cellId, String code) {
        try {
            CellRun run = kernel.execute(cellId, code).get(CELL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Ran(run, outputsOf(cellId));
        } catch (Exception e) {
            throw new AssertionError("cell " + cellId + " did not finish: " + e + " outputs " + outputsOf(cellId), e);
        }
    }

    /** Queues a cell and waits until the kernel runs it. */
    java.util.concurrent.CompletableFuture<CellRun> startRunning(String cellId, String code) {
        java.util.concurrent.CompletableFuture<CellRun> future = kernel.execute(cellId, code);
        Await.until("cell " + cellId + " to start", CELL_TIMEOUT, () -> started.containsKey(cellId));
        return future;
    }

    /** Waits until the cell's stdout contains {@code text}; returns that stdout. */
    String awaitStdout(String cellId, String text) {
        Await.until("'" + text + "' in " + cellId, CELL_TIMEOUT, 
                () -> streamText(outputsOf(cellId), StreamName.STDOUT).contains(text));
        return streamText(outputsOf(cellId), StreamName.STDOUT);
    }

    List<Output> outputsOf(String cellId) {
        return new ArrayList<>(outputs.getOrDefault(cellId, List.of()));
    }

    static String streamText(List<Output> outputs, StreamName stream) {
        return outputs.stream().filter(o -> o instanceof Output.Stream && ((Output.Stream) o).stream() == stream)
                .map(Output::text).collect(Collectors.joining());
    }

    static void awaitGone(long pid, Duration timeout) {
        Await.until("process " + pid + " to end", timeout,
                () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    @Override
    public void close() {
        kernel.close();
    }
}
