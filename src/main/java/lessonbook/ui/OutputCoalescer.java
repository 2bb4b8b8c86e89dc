package lessonbook.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * Collects kernel updates on the kernel's threads and hands them to the UI thread in batches, at most one
 * hand-over every {@link #FLUSH_INTERVAL_MS} ms (one {@code runLater} per batch, never one per write).
 * The first update after a quiet period goes out at once, so a lone {@code println} shows without delay.
 * Consecutive writes to the same stream of the same cell are joined into one chunk, so a flood becomes a
 * handful of large strings instead of millions of records.
 */
final class OutputCoalescer {
    static final long FLUSH_INTERVAL_MS = 50;
    /** A flood is kept as chunks of about this many chars, so no single huge string is ever regrown. */
    static final int MAX_CHUNK_CHARS = 256 * 1024;

    private final Executor uiThread;
    private final Consumer<List<KernelUpdate>> onBatch;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-output-coalescer");
        t.setDaemon(true);
        return t;
    });

    private final Object lock = new Object();
    private List<Object> pending = new ArrayList<>();
    private boolean flushScheduled;
    private long lastFlushNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    /** How long the UI took over the last batch: the next one waits at least twice that, so a flood
     * can never keep the UI thread more than about half busy, however slow the machine. */
    private volatile long lastApplyNanos;

    OutputCoalescer(Executor uiThread, Consumer<List<KernelUpdate>> onBatch) {
        this.uiThread = uiThread;
        this.onBatch = onBatch;
    }

    void offer(KernelUpdate update) {
        synchronized (lock) {
            if (!joinStream(update)) {
                if (update instanceof KernelUpdate.CellOutput out && out.output() instanceof Output.Stream s) {
                    pending.add(new PendingStream(out.cellId(), s.stream(), new StringBuilder(s.text())));
                } else {
                    pending.add(update);
                }
            }
            if (!flushScheduled) {
                flushScheduled = true;
                long sinceLast = System.nanoTime() - lastFlushNanos;
                long interval = Math.max(TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS), 2 * lastApplyNanos);
                long delay = Math.max(0, interval - sinceLast);
                timer.schedule(() -> uiThread.execute(this::flush), delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    private boolean joinStream(KernelUpdate update) {
        if (!(update instanceof KernelUpdate.CellOutput out) || !(out.output() instanceof Output.Stream s)
                || pending.isEmpty()) {
            return false;
        }
        Object last = pending.get(pending.size() - 1);
        if (last instanceof PendingStream p && p.cellId.equals(out.cellId()) && p.stream == s.stream()
                && p.text.length() < MAX_CHUNK_CHARS) {
            p.text.append(s.text());
            return true;
        }
        return false;
    }

    /** Runs on the UI thread. */
    private void flush() {
        List<Object> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            flushScheduled = false;
            lastFlushNanos = System.nanoTime();
        }
        List<KernelUpdate> updates = new ArrayList<>(batch.size());
        for (Object item : batch) {
            if (item instanceof PendingStream p) {
                updates.add(new KernelUpdate.CellOutput(p.cellId, new Output.Stream(p.stream, p.text.toString())));
            } else {
                updates.add((KernelUpdate) item);
            }
        }
        if (!updates.isEmpty()) {
            long start = System.nanoTime();
            onBatch.accept(updates);
            lastApplyNanos = System.nanoTime() - start;
        }
    }

    void close() {
        timer.shutdownNow();
    }

    private record PendingStream(String cellId, StreamName stream, StringBuilder text) {
    }
}
