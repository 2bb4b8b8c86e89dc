package lessonbook.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import lessonbook.workers.runtime.StandaloneHost;
import lessonbook.workers.runtime.WorkerEvents;

/** A worker host for the benchmark: like a plain program's, but it counts lines instead of printing them. */
final class BenchHost extends StandaloneHost {
    final AtomicLong lines = new AtomicLong();
    private final Map<Long, CompletableFuture<Long>> firstLine = new ConcurrentHashMap<>();

    /** Completes with the nanoTime at which the worker with this pid printed its first line. */
    CompletableFuture<Long> firstLineOf(long pid) {
        return firstLine.computeIfAbsent(pid, p -> new CompletableFuture<>());
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
}
