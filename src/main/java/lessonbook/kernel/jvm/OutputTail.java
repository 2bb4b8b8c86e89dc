package lessonbook.kernel.jvm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * The rolling tail of a cell that printed past its head: at most {@code capacity} bytes of the newest output
 * (stream bytes and worker lines, in order), with a count of the lines and bytes pushed out of it since it was
 * last drained. A flood costs the kernel a copy into this buffer and a newline count, never a socket message.
 * Not thread-safe: guarded by the {@link OutputHub}'s lock.
 */
final class OutputTail {
    private final int capacity;
    private final Deque<Object> items = new ArrayDeque<>();
    private long size;
    private long droppedLines;
    private long droppedBytes;

    OutputTail(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    boolean isEmpty() {
        return items.isEmpty() && droppedBytes == 0 && droppedLines == 0;
    }

    void append(StreamName stream, byte[] bytes, int offset, int length) {
        if (length > capacity) {
            // Only the last {@code capacity} bytes can survive: count the rest without copying it.
            int skip = length - capacity;
            while (skip < length && (bytes[offset + skip] & 0xC0) == 0x80) {
                skip++;
            }
            drop(bytes, offset, skip);
            dropAll();
            offset += skip;
            length -= skip;
        }
        Object last = items.peekLast();
        Bytes target = last instanceof Bytes b && b.stream == stream ? b : null;
        if (target == null) {
            target = new Bytes(stream);
            items.add(target);
        }
        target.append(bytes, offset, length);
        size += length;
        trim();
    }

    void append(Output output) {
        items.add(output);
        size += output.text().length();
        trim();
    }

    /** What to send now: a marker for what was pushed out (if anything), then the kept outputs; then empty. */
    List<Output> drain() {
        List<Output> outputs = new ArrayList<>(items.size() + 1);
        if (droppedBytes > 0 || droppedLines > 0) {
            outputs.add(new Output.Omitted(droppedLines, droppedBytes));
        }
        for (Object item : items) {
            outputs.add(item instanceof Bytes b ? b.toOutput() : (Output) item);
        }
        items.clear();
        size = 0;
        droppedLines = 0;
        droppedBytes = 0;
        return outputs;
    }

    private void trim() {
        while (size > capacity && !items.isEmpty()) {
            long excess = size - capacity;
            Object first = items.peekFirst();
            if (first instanceof Bytes b && b.length() > excess) {
                int cut = b.cutPoint((int) excess);
                drop(b.buf, b.start, cut);
                b.start += cut;
                size -= cut;
            } else {
                items.pollFirst();
                if (first instanceof Bytes b) {
                    drop(b.buf, b.start, b.length());
                    size -= b.length();
                } else {
                    count((Output) first);
                    size -= ((Output) first).text().length();
                }
            }
        }
    }

    private void dropAll() {
        while (!items.isEmpty()) {
            Object first = items.pollFirst();
            if (first instanceof Bytes b) {
                drop(b.buf, b.start, b.length());
            } else {
                count((Output) first);
            }
        }
        size = 0;
    }

    private void drop(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                droppedLines++;
            }
        }
        droppedBytes += length;
    }

    private void count(Output dropped) {
        Output.Omitted omitted = Output.Omitted.of(dropped.text());
        droppedLines += omitted.lines();
        droppedBytes += omitted.bytes();
    }

    /** One stream's run of bytes, trimmed from the front. */
    private static final class Bytes {
        final StreamName stream;
        byte[] buf = new byte[256];
        int start;
        int end;

        Bytes(StreamName stream) {
            this.stream = stream;
        }

        int length() {
            return end - start;
        }

        void append(byte[] source, int offset, int count) {
            if (end + count > buf.length) {
                int live = length();
                byte[] next = live + count > buf.length / 2 ? new byte[Math.max(buf.length * 2, live + count)] : buf;
                System.arraycopy(buf, start, next, 0, live);
                buf = next;
                start = 0;
                end = live;
            }
            System.arraycopy(source, offset, buf, end, count);
            end += count;
        }

        /** How many front bytes to drop to lose at least {@code excess}: through the next line end, if near. */
        int cutPoint(int excess) {
            int limit = Math.min(end, start + excess + 4096);
            for (int i = start + excess - 1; i < limit; i++) {
                if (buf[i] == '\n') {
                    return i + 1 - start;
                }
            }
            int cut = start + excess;
            while (cut < end && (buf[cut] & 0xC0) == 0x80) {
                cut++;
            }
            return cut - start;
        }

        Output toOutput() {
            return new Output.Stream(stream, new String(buf, start, length(), StandardCharsets.UTF_8));
        }
    }
}
