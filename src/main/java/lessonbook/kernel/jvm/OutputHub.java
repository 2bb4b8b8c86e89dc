package lessonbook.kernel.jvm;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelEvent.CellOutput;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * Collects everything the kernel's cells print and sends it to the host in coalesced chunks: one message per
 * (cell, stream) every {@link #WINDOW_MS} ms or {@link #FLUSH_AT} bytes instead of one per write.
 * <p>
 * Each cell run sends its first {@link #HEAD_BYTES} of text as printed. Past that head the cell's output goes to
 * an {@link OutputTail} of {@link #TAIL_BYTES}, sent at most every {@link #TAIL_WINDOW_MS} ms behind a marker
 * counting what fell out of it, and once more just before each event of the cell's own (a notice, a value, its
 * end) so what it printed keeps its place: a cell (or its background threads, or its ten workers) printing
 * forever costs the socket and the app about 128 KB a second, whatever it prints and whatever other cells do,
 * and never blocks. Worker start and exit events are kept up to {@link #MAX_WORKER_EVENTS} a cell run.
 * <p>
 * Only the flusher thread, the evaluating thread and the editor's questions' thread write to the socket (and the
 * socket reader, to refuse a question when {@link EditorQuestions#MAX_WAITING} wait); threads running cell code
 * only append to buffers. That matters because interrupt stops cell threads with an asynchronous exception, which
 * must never land inside a half-written socket message. A writer that gets {@link #CAPACITY} bytes ahead of
 * the socket waits, so a flooding cell cannot grow the kernel's memory without bound.
 */
final class OutputHub {
    static final int FLUSH_AT = 8 * 1024;
    static final int CAPACITY = 256 * 1024;
    static final long WINDOW_MS = 25;
    static final int HEAD_BYTES = Integer.getInteger("lessonbook.output.headBytes", 256 * 1024);
    static final int TAIL_BYTES = Integer.getInteger("lessonbook.output.tailBytes", 32 * 1024);
    static final long TAIL_WINDOW_MS = 250;
    static final int MAX_WORKER_EVENTS = 4096;

    private final KernelChannel channel;
    private final Object lock = new Object();
    private final Object flushLock = new Object();
    private final Map<Key, Chunk> streams = new LinkedHashMap<>();
    /** Events queued by other threads (worker lines, notices), in order, behind the streams pending before them. */
    private final List<KernelEvent> queued = new ArrayList<>();
    private final Map<String, CellBudget> budgets = new HashMap<>();
    /**
     * Transient worker activity not yet sent, newest only per (kind, pid): bounded by the running workers, and
     * never counted against a cell's budget, as the app shows it without keeping it.
     */
    private final Map<String, KernelEvent.WorkerActivity> activity = new LinkedHashMap<>();
    private int pendingBytes;
    /** True while some cell's tail holds output not yet sent. */
    private boolean tailsPending;

    OutputHub(KernelChannel channel) {
        this.channel = channel;
        Thread flusher = new Thread(this::flushLoop, "lessonbook-output-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    PrintStream printStream(StreamName stream) {
        return new PrintStream(new RouterStream(stream), true, StandardCharsets.UTF_8);
    }

    /** Queues an output for a cell from any thread (worker lines, warnings); sent in order with the streams. */
    void enqueue(String cellId, Output output) {
        synchronized (lock) {
            CellBudget budget = budget(cellId);
            if (output instanceof Output.WorkerEvent) {
                if (++budget.workerEvents > MAX_WORKER_EVENTS) {
                    return;
                }
            } else if (!(output instanceof Output.Notice)) {
                int size = output.text().length();
                if (budget.tail != null || budget.headLeft < size) {
                    budget.headLeft = 0;
                    tail(budget).append(output);
                    return;
                }
                budget.headLeft -= size;
            }
            awaitCapacity();
            materializeStreams();
            queued.add(new CellOutput(cellId, output));
            pendingBytes += output.text().length() + 64;
            lock.notifyAll();
        }
    }

    /** Queues a worker's live state from any thread without waiting; replaces the unsent one of its kind. */
    void offerActivity(KernelEvent.WorkerActivity event) {
        synchronized (lock) {
            activity.put(event.getClass().getSimpleName() + event.pid(), event);
            lock.notifyAll();
        }
    }

    /** A new run of {@code cellId} begins: it gets a fresh head; a tail left by its last run is not sent. */
    void beginCell(String cellId) {
        synchronized (lock) {
            budgets.remove(cellId);
        }
    }

    /**
     * Sends what is pending, then {@code event}: for the evaluating thread, so values follow printed text (and for
     * the editor's questions' thread, whose answers also go behind what is pending). Only
     * the event's own cell has its tail sent early; another cell's flood keeps to its tail window however many
     * events pass (a completion request per keystroke, say).
     */
    void sendAfterPending(KernelEvent event) {
        String cell = cellOf(event);
        synchronized (flushLock) {
            flushPending(cell == null ? c -> false : cell::equals);
            channel.send(event);
        }
    }

    /** Sends everything pending, every tail too: for the kernel's last words. */
    void flushNow() {
        synchronized (flushLock) {
            flushPending(c -> true);
        }
    }

    private static String cellOf(KernelEvent event) {
        if (event instanceof KernelEvent.CellOutput e) {
            return e.cellId();
        } else if (event instanceof KernelEvent.ExecuteFinished e) {
            return e.cellId();
        } else if (event instanceof KernelEvent.InputRequested e) {
            return e.cellId();
        }
        return null;
    }

    private void write(StreamName stream, byte[] bytes, int offset, int length) {
        String cell = CellContext.current();
        synchronized (lock) {
            CellBudget budget = budget(cell);
            if (budget.tail != null) {
                tail(budget).append(stream, bytes, offset, length);
                return;
            }
            if (length > budget.headLeft) {
                // The head ends at a line end, so the marker that follows it starts a line of its own.
                int head = lastLineEnd(bytes, offset, budget.headLeft);
                budget.headLeft = 0;
                appendHead(cell, stream, bytes, offset, head);
                tail(budget).append(stream, bytes, offset + head, length - head);
                return;
            }
            budget.headLeft -= length;
            appendHead(cell, stream, bytes, offset, length);
        }
    }

    /** Caller holds {@link #lock}. */
    private void appendHead(String cell, StreamName stream, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        awaitCapacity();
        boolean wasEmpty = pendingBytes == 0;
        materializeOtherStream(cell, stream);
        streams.computeIfAbsent(new Key(cell, stream), k -> new Chunk()).append(bytes, offset, length);
        pendingBytes += length;
        if (wasEmpty || pendingBytes >= FLUSH_AT) {
            lock.notifyAll();
        }
    }

    /**
     * Queues what the cell's other stream holds before text of {@code stream} joins its own buffer, so stdout and
     * stderr arrive in the order they were printed ({@code out A, err B, out C} stays A, B, C) and not batched
     * apart. Caller holds {@link #lock}.
     */
    private void materializeOtherStream(String cell, StreamName stream) {
        for (StreamName other : StreamName.values()) {
            if (other == stream) {
                continue;
            }
            Key key = new Key(cell, other);
            Chunk chunk = streams.get(key);
            if (chunk != null && chunk.length > 0) {
                String text = chunk.takeText();
                if (!text.isEmpty()) {
                    queued.add(new CellOutput(cell, new Output.Stream(other, text)));
                }
                if (chunk.length == 0) {
                    streams.remove(key);
                }
            }
        }
    }

    private CellBudget budget(String cellId) {
        return budgets.computeIfAbsent(cellId, id -> new CellBudget());
    }

    private OutputTail tail(CellBudget budget) {
        if (budget.tail == null) {
            budget.tail = new OutputTail(TAIL_BYTES);
        }
        if (!tailsPending) {
            tailsPending = true;
            lock.notifyAll();
        }
        return budget.tail;
    }

    /** How many of the first {@code max} bytes run through their last newline; 0 when there is none. */
    private static int lastLineEnd(byte[] bytes, int offset, int max) {
        for (int i = max - 1; i >= 0; i--) {
            if (bytes[offset + i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private void awaitCapacity() {
        while (pendingBytes >= CAPACITY && !channel.broken()) {
            try {
                lock.wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void flushLoop() {
        while (true) {
            try {
                synchronized (lock) {
                    while (pendingBytes == 0 && !tailsPending && activity.isEmpty()) {
                        lock.wait();
                    }
                    if (pendingBytes == 0 && activity.isEmpty()) {
                        lock.wait(TAIL_WINDOW_MS);
                    } else if (pendingBytes < FLUSH_AT) {
                        lock.wait(WINDOW_MS);
                    }
                }
                synchronized (flushLock) {
                    flushPending(c -> false);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // Keep flushing whatever happens to one batch: losing the flusher would silence every cell.
                e.printStackTrace(KernelMain.originalErr());
            }
        }
    }

    /** Sends what is pending: the tails of the cells {@code sendNow} accepts, and those not sent for a window. */
    private void flushPending(Predicate<String> sendNow) {
        List<KernelEvent> batch;
        synchronized (lock) {
            materializeStreams();
            batch = new ArrayList<>(queued);
            queued.clear();
            batch.addAll(activity.values());
            activity.clear();
            pendingBytes = streams.values().stream().mapToInt(c -> c.length).sum();
            drainTails(batch, sendNow);
            lock.notifyAll();
        }
        for (KernelEvent event : batch) {
            channel.send(event);
        }
    }

    /** Caller holds {@link #lock}. */
    private void drainTails(List<KernelEvent> batch, Predicate<String> sendNow) {
        long nanos = System.nanoTime();
        boolean left = false;
        for (Map.Entry<String, CellBudget> entry : budgets.entrySet()) {
            CellBudget budget = entry.getValue();
            if (budget.tail == null || budget.tail.isEmpty()) {
                continue;
            }
            if (sendNow.test(entry.getKey())
                    || nanos - budget.lastTailSend >= TimeUnit.MILLISECONDS.toNanos(TAIL_WINDOW_MS)) {
                for (Output output : budget.tail.drain()) {
                    batch.add(new CellOutput(entry.getKey(), output));
                }
                budget.lastTailSend = nanos;
            } else {
                left = true;
            }
        }
        tailsPending = left;
    }

    /** Moves the decodable text of every stream buffer into {@link #queued}; keeps an incomplete UTF-8 tail. */
    private void materializeStreams() {
        for (Iterator<Map.Entry<Key, Chunk>> it = streams.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Chunk> entry = it.next();
            String text = entry.getValue().takeText();
            if (!text.isEmpty()) {
                queued.add(new CellOutput(entry.getKey().cell, new Output.Stream(entry.getKey().stream, text)));
            }
            if (entry.getValue().length == 0) {
                it.remove();
            }
        }
    }

    /** What one run of a cell may still send as printed, and its tail once that is spent. */
    private static final class CellBudget {
        int headLeft = HEAD_BYTES;
        OutputTail tail;
        long lastTailSend;
        int workerEvents;
    }

    private static final class Key {
        final String cell;
        final StreamName stream;

        Key(String cell, StreamName stream) {
            this.cell = cell;
            this.stream = stream;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).cell.equals(cell) && ((Key) o).stream == stream;
        }

        @Override
        public int hashCode() {
            return Objects.hash(cell, stream);
        }
    }

    private static final class Chunk {
        byte[] bytes = new byte[256];
        int length;

        void append(byte[] source, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }

        /** The longest prefix that ends on a whole UTF-8 character, removed from the buffer. */
        String takeText() {
            int end = completeUtf8Prefix();
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            System.arraycopy(bytes, end, bytes, 0, length - end);
            length -= end;
            return text;
        }

        private int completeUtf8Prefix() {
            int start = length - 1;
            while (start >= 0 && start > length - 4 && (bytes[start] & 0xC0) == 0x80) {
                start--;
            }
            if (start < 0) {
                return length;
            }
            int lead = bytes[start] & 0xFF;
            int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return start + needed <= length ? length : start;
        }
    }

    private final class RouterStream extends OutputStream {
        private final StreamName stream;

        RouterStream(StreamName stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            OutputHub.this.write(stream, b, off, len);
        }
    }
}
