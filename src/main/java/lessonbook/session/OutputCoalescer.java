package lessonbook.session;

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
 * Collects kernel updates on the kernel's threads and hands them to the document's thread (the FX thread in the
 * app, the run thread headless; "UI thread" below) in batches, at most one
 * hand-over every {@link #FLUSH_INTERVAL_MS} ms (one {@code runLater} per batch, never one per write).
 * The first update after a quiet period goes out at once, so a lone {@code println} shows without delay.
 * Consecutive writes to the same stream of the same cell are joined into one chunk, so a flood becomes a
 * handful of large strings instead of millions of records.
 *
 * <p>During a flood the hand-overs back off when the UI thread is congested: the next one waits at least
 * twice as long as the last batch took to apply, and twice as long as the last hand-over waited in the UI
 * thread's queue (a busy pulse, a slow paint, a machine short of cores all show there), up to
 * {@link #MAX_INTERVAL_MS}. So a flood can never keep the UI thread more than about half busy.
 */
final class OutputCoalescer {
    static final long FLUSH_INTERVAL_MS = 50;
    /**
     * While a flood runs (the last hand-over carried at least {@link #FLOOD_CHARS}), the output pane is
     * redrawn at most this often: nobody reads ten thousand lines a second, and every redraw of the pane
     * costs a paint that, on a machine without a GPU, is most of what the UI spends on a flood.
     */
    static final long FLOOD_INTERVAL_MS = 100;
    static final int FLOOD_CHARS = 32 * 1024;
    /** However congested the UI, output still moves at least this often. */
    static final long MAX_INTERVAL_MS = 500;
    /** A flood is kept as chunks of about this many chars, so no single huge string is ever regrown. */
    static final int MAX_CHUNK_CHARS = 256 * 1024;
    /**
     * The most text waiting for a stalled UI thread. The kernel already sheds floods (about 128 KB a second a
     * cell), so this is reached only when the UI thread stops taking batches; text beyond it is counted into an
     * {@link Output.Omitted} marker in its place, as the document would have done with it.
     */
    static final int MAX_PENDING_CHARS = 4 * 1024 * 1024;

    private final Executor uiThread;
    private final Consumer<List<KernelUpdate>> onBatch;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-output-coalescer");
        t.setDaemon(true);
        return t;
    });

    private final Object lock = new Object();
    private List<Object> pending = new ArrayList<>();
    private long pendingChars;
    private boolean flushScheduled;
    private boolean closed;
    private long lastFlushNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    /** How long the UI took over the last batch, and how long that batch waited to get the UI thread. */
    private volatile long lastApplyNanos;
    private volatile long lastQueueNanos;
    private volatile boolean flooding;

    OutputCoalescer(Executor uiThread, Consumer<List<KernelUpdate>> onBatch) {
        this.uiThread = uiThread;
        this.onBatch = onBatch;
    }

    void offer(KernelUpdate update) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (pendingChars > MAX_PENDING_CHARS && update instanceof KernelUpdate.CellOutput out
                    && isText(out.output())) {
                update = omitted(out);
            }
            if (update instanceof KernelUpdate.CellOutput out) {
                pendingChars += out.output().text().length();
            }
            if (!joinStream(update)) {
                if (update instanceof KernelUpdate.CellOutput out && out.output() instanceof Output.Stream s) {
                    pending.add(new PendingStream(out.cellId(), s.stream(), s.text()));
                } else {
                    pending.add(update);
                }
            }
            if (!flushScheduled) {
                flushScheduled = true;
                long delay = Math.max(0, interval() - (System.nanoTime() - lastFlushNanos));
                timer.schedule(this::handOver, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    private static boolean isText(Output output) {
        return output instanceof Output.Stream || output instanceof Output.WorkerLine
                || output instanceof Output.Omitted;
    }

    /** The text as a marker counting it, merged into a marker for the same cell that is last in line. */
    private KernelUpdate omitted(KernelUpdate.CellOutput out) {
        Output.Omitted counted = out.output() instanceof Output.Omitted o ? o : Output.Omitted.of(out.output().text());
        if (!pending.isEmpty() && pending.get(pending.size() - 1) instanceof KernelUpdate.CellOutput last
                && last.cellId().equals(out.cellId()) && last.output() instanceof Output.Omitted before) {
            pending.remove(pending.size() - 1);
            counted = before.plus(counted);
        }
        return new KernelUpdate.CellOutput(out.cellId(), counted);
    }

    /** The least time between two hand-overs, given how the UI coped with the last one. */
    long interval() {
        long congestion = 2 * Math.max(lastApplyNanos, lastQueueNanos);
        long least = TimeUnit.MILLISECONDS.toNanos(flooding ? FLOOD_INTERVAL_MS : FLUSH_INTERVAL_MS);
        return Math.max(least, Math.min(congestion, TimeUnit.MILLISECONDS.toNanos(MAX_INTERVAL_MS)));
    }

    private void handOver() {
        long queued = System.nanoTime();
        uiThread.execute(() -> flush(queued));
    }

    private boolean joinStream(KernelUpdate update) {
        if (!(update instanceof KernelUpdate.CellOutput out) || !(out.output() instanceof Output.Stream s)
                || pending.isEmpty()) {
            return false;
        }
        Object last = pending.get(pending.size() - 1);
        if (last instanceof PendingStream p && p.cellId.equals(out.cellId()) && p.stream == s.stream()
                && p.length < MAX_CHUNK_CHARS) {
            p.add(s.text());
            return true;
        }
        return false;
    }

    /** Runs on the UI thread. */
    private void flush(long queuedAt) {
        lastQueueNanos = System.nanoTime() - queuedAt;
        List<Object> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            pendingChars = 0;
            flushScheduled = false;
            lastFlushNanos = System.nanoTime();
        }
        List<KernelUpdate> updates = new ArrayList<>(batch.size());
        long chars = 0;
        for (Object item : batch) {
            if (item instanceof PendingStream p) {
                chars += p.length;
                updates.add(new KernelUpdate.CellOutput(p.cellId, new Output.Stream(p.stream, p.text())));
            } else {
                updates.add((KernelUpdate) item);
            }
        }
        flooding = chars >= FLOOD_CHARS;
        if (!updates.isEmpty()) {
            long start = System.nanoTime();
            onBatch.accept(updates);
            lastApplyNanos = System.nanoTime() - start;
        }
    }

    /** Drops whatever comes later (a closing kernel still reports its status). */
    void close() {
        synchronized (lock) {
            closed = true;
            pending.clear();
        }
        timer.shutdownNow();
    }

    /** Writes to one stream, joined once at hand-over: one copy of the text instead of a growing buffer. */
    private static final class PendingStream {
        final String cellId;
        final StreamName stream;
        final List<String> parts = new ArrayList<>();
        int length;

        PendingStream(String cellId, StreamName stream, String first) {
            this.cellId = cellId;
            this.stream = stream;
            add(first);
        }

        void add(String text) {
            parts.add(text);
            length += text.length();
        }

        String text() {
            return parts.size() == 1 ? parts.get(0) : String.join("", parts);
        }
    }
}
