package lessonbook.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import lessonbook.workers.TopLevelVariable;
import lessonbook.workers.WorkerEvents;
import lessonbook.workers.WorkerHost;

/** A worker host for the benchmark: like a plain program's, but it counts lines instead of printing them. */
final class BenchHost implements WorkerHost {
    final AtomicLong lines = new AtomicLong();
    private final Map<Long, CompletableFuture<Long>> firstLine = new ConcurrentHashMap<>();

    /** Completes with the nanoTime at which the worker with this pid printed its first line. */
    CompletableFuture<Long> firstLineOf(long pid) {
        return firstLine.computeIfAbsent(pid, p -> new CompletableFuture<>());
    }

    @Override
    public List<Path> runtimeClasspath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return entries;
    }

    @Override
    public List<Path> userClasspath() {
        return List.of();
    }

    @Override
    public long classGeneration() {
        return 0;
    }

    @Override
    public List<TopLevelVariable> topLevelVariables() {
        return List.of();
    }

    @Override
    public WorkerEvents eventsForCaller() {
        return new WorkerEvents() {
            @Override
            public void started(String worker, long pid, long epochMillis) {
            }

            @Override
            public void line(String worker, long pid, boolean stderr, String text) {
                long now = System.nanoTime();
                lines.incrementAndGet();
                firstLineOf(pid).complete(now);
            }

            @Override
            public void exited(String worker, long pid, int exitCode, long epochMillis, long cpuMillis) {
            }
        };
    }

    @Override
    public void warn(String message) {
        System.err.println("warning: " + message);
    }

    @Override
    public String processName() {
        return "MainProcess";
    }
}
