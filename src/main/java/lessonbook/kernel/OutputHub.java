package lessonbook.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelEvent.CellOutput;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * Collects everything the kernel's cells print and sends it to the host in coalesced chunks: one message per
 * (cell, stream) every {@link #WINDOW_MS} ms or {@link #FLUSH_AT} bytes instead of one per write.
 * <p>
 * Only the flusher thread and the evaluating thread write to the socket; threads running cell code only
 * append to buffers. That matters because interrupt stops cell threads with an asynchronous exception, which
 * must never land inside a half-written socket message. A writer that gets {@link #CAPACITY} bytes ahead of
 * the socket waits, so a flooding cell cannot grow the kernel's memory without bound.
 */
final class OutputHub {
    static final int FLUSH_AT = 8 * 1024;
    static final int CAPACITY = 256 * 1024;
    static final long WINDOW_MS = 25;

    private final KernelChannel channel;
    private final Object lock = new Object();
    private final Object flushLock = new Object();
    private final Map<Key, Chunk> streams = new LinkedHashMap<>();
    /** Events queued by other threads (worker lines, notices), in order, behind the streams pending before them. */
    private final List<KernelEvent> queued = new ArrayList<>();
    private int pendingBytes;

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
            awaitCapacity();
            materializeStreams();
            queued.add(new CellOutput(cellId, output));
            pendingBytes += output.text().length() + 64;
            lock.notifyAll();
        }
    }

    /** Sends everything pending, then {@code event}: for the evaluating thread, so values follow printed text. */
    void sendAfterPending(KernelEvent event) {
        synchronized (flushLock) {
            flushPending();
            channel.send(event);
        }
    }

    void flushNow() {
        synchronized (flushLock) {
            flushPending();
        }
    }

    private void write(StreamName stream, byte[] bytes, int offset, int length) {
        String cell = CellContext.current();
        synchronized (lock) {
            awaitCapacity();
            boolean wasEmpty = pendingBytes == 0;
            streams.computeIfAbsent(new Key(cell, stream), k -> new Chunk()).append(bytes, offset, length);
            pendingBytes += length;
            if (wasEmpty || pendingBytes >= FLUSH_AT) {
                lock.notifyAll();
            }
        }
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
                    while (pendingBytes == 0) {
                        lock.wait();
                    }
                    if (pendingBytes < FLUSH_AT) {
                        lock.wait(WINDOW_MS);
                    }
                }
                flushNow();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // Keep flushing whatever happens to one batch: losing the flusher would silence every cell.
                e.printStackTrace(KernelMain.originalErr());
            }
        }
    }

    private void flushPending() {
        List<KernelEvent> batch;
        synchronized (lock) {
            materializeStreams();
            batch = new ArrayList<>(queued);
            queued.clear();
            pendingBytes = streams.values().stream().mapToInt(c -> c.length).sum();
            lock.notifyAll();
        }
        for (KernelEvent event : batch) {
            channel.send(event);
        }
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
