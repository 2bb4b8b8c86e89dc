package lessonbook.workers.shared;

import java.time.Duration;

/**
 * A bounded first-in first-out queue of byte strings in shared memory, any number of writers and readers in any
 * processes. Items lie one after another in a ring ({@code [length:4][bytes]}, wrapping at the end); head and tail
 * count bytes ever read and written, so their difference is what the ring holds. Every change happens under the
 * segment's internal {@link WordLock}; copying one item is the longest that lock is held. A waiter (empty on
 * take, full on put, unfinished on join) holds no lock while it waits.
 * <p>
 * Bounded twice: at most {@code maxItems} items and {@code capacity} bytes; an item larger than the whole ring
 * is refused at once with a message saying so.
 */
public final class ByteQueue {
    public static final String KIND = "queue";
    private static final int HEAD = Segment.DATA;
    private static final int TAIL = HEAD + 8;
    private static final int COUNT = HEAD + 16;
    private static final int UNFINISHED = HEAD + 24;
    private static final int MAX_ITEMS = HEAD + 32;
    private static final int CAPACITY = HEAD + 40;
    private static final int CLOSED = HEAD + 48;
    private static final int RING = HEAD + 64;

    private final Segment segment;
    private final long capacity;
    private final String what;

    private ByteQueue(Segment segment, String what) {
        this.segment = segment;
        this.capacity = segment.getVolatile(CAPACITY);
        this.what = what;
    }

    public static ByteQueue create(int maxItems, int capacityBytes, String what) {
        if (maxItems < 1 || capacityBytes < 64) {
            throw new IllegalArgumentException("a queue needs room for at least 1 item and 64 bytes, not "
                    + maxItems + " items and " + capacityBytes + " bytes");
        }
        Segment segment = Segment.create(KIND, RING - Segment.DATA + (long) capacityBytes);
        segment.setVolatile(MAX_ITEMS, maxItems);
        segment.setVolatile(CAPACITY, capacityBytes);
        return new ByteQueue(segment, what);
    }

    public static ByteQueue open(String path, String what) {
        return new ByteQueue(Segment.open(path, KIND), what);
    }

    public String path() {
        return segment.path();
    }

    public long capacityBytes() {
        return capacity;
    }

    public long maxItems() {
        return segment.getVolatile(MAX_ITEMS);
    }

    /** Adds an item, waiting while the queue is full. */
    public void put(byte[] item) {
        if (item.length + 4L > capacity) {
            throw new IllegalArgumentException("an item of " + item.length + " bytes (serialized) does not fit in "
                    + what + ", which holds " + capacity + " bytes in all; make a larger one, e.g. new WorkerQueue<>("
                    + maxItems() + ", " + Math.max(2 * capacity, item.length * 2L + 64) + ")");
        }
        Waiting waiting = null;
        while (true) {
            lock();
            try {
                requireOpen();
                long used = segment.getVolatile(TAIL) - segment.getVolatile(HEAD);
                if (segment.getVolatile(COUNT) < segment.getVolatile(MAX_ITEMS) && capacity - used >= item.length + 4L) {
                    long tail = segment.getVolatile(TAIL);
                    copyIn(tail, lengthBytes(item.length), 4);
                    copyIn(tail + 4, item, item.length);
                    segment.setVolatile(TAIL, tail + 4 + item.length);
                    segment.getAndAdd(COUNT, 1);
                    segment.getAndAdd(UNFINISHED, 1);
                    return;
                }
            } finally {
                unlock();
            }
            if (waiting == null) {
                waiting = new Waiting("room in " + what, null);
            }
            if (waiting.checkDue()) {
                waiting.requireOthersAlive(segment, "take items out of it");
            }
            waiting.pause();
        }
    }

    /**
     * Removes the oldest item, waiting while the queue is empty: forever ({@code timeout} null) or up to
     * {@code timeout}, then null. A closed queue gives its remaining items, then refuses.
     */
    public byte[] take(Duration timeout) {
        Waiting waiting = null;
        while (true) {
            lock();
            try {
                if (segment.getVolatile(COUNT) > 0) {
                    long head = segment.getVolatile(HEAD);
                    byte[] length = new byte[4];
                    copyOut(head, length, 4);
                    byte[] item = new byte[toLength(length)];
                    copyOut(head + 4, item, item.length);
                    segment.setVolatile(HEAD, head + 4 + item.length);
                    segment.getAndAdd(COUNT, -1);
                    return item;
                }
                if (segment.getVolatile(CLOSED) != 0) {
                    if (timeout != null) {
                        return null;
                    }
                    throw new IllegalStateException(what + " is closed and empty: nothing more will come");
                }
            } finally {
                unlock();
            }
            if (waiting == null) {
                waiting = new Waiting("an item in " + what, timeout);
            }
            if (waiting.checkDue()) {
                waiting.requireOthersAlive(segment, "put an item into it");
            }
            if (!waiting.pause()) {
                return null;
            }
        }
    }

    public int size() {
        return (int) segment.getVolatile(COUNT);
    }

    /** No more puts, from any process; readers still get what is in it. */
    public void close() {
        segment.setVolatile(CLOSED, 1);
    }

    public boolean isClosed() {
        return segment.getVolatile(CLOSED) != 0;
    }

    /** One item taken earlier has been dealt with (Python's {@code task_done}). */
    public void taskDone() {
        while (true) {
            long unfinished = segment.getVolatile(UNFINISHED);
            if (unfinished <= 0) {
                throw new IllegalStateException("taskDone() called more times than items were put into " + what);
            }
            if (segment.compareAndSet(UNFINISHED, unfinished, unfinished - 1)) {
                return;
            }
        }
    }

    /** Waits until every item ever put has been marked done with {@link #taskDone()}. */
    public void join() {
        Waiting waiting = new Waiting("every item of " + what + " to be done", null);
        while (segment.getVolatile(UNFINISHED) > 0) {
            if (waiting.checkDue()) {
                waiting.requireOthersAlive(segment, "call taskDone()");
            }
            waiting.pause();
        }
    }

    private void requireOpen() {
        if (segment.getVolatile(CLOSED) != 0) {
            throw new IllegalStateException(what + " is closed: nothing more can be put into it");
        }
    }

    private void lock() {
        WordLock.lock(segment, Segment.LOCK, what, null);
    }

    private void unlock() {
        WordLock.unlock(segment, Segment.LOCK, what);
    }

    private void copyIn(long position, byte[] bytes, int length) {
        int at = (int) (position % capacity);
        int first = (int) Math.min(length, capacity - at);
        segment.put(RING + at, bytes, 0, first);
        if (first < length) {
            segment.put(RING, bytes, first, length - first);
        }
    }

    private void copyOut(long position, byte[] bytes, int length) {
        int at = (int) (position % capacity);
        int first = (int) Math.min(length, capacity - at);
        segment.get(RING + at, bytes, 0, first);
        if (first < length) {
            segment.get(RING, bytes, first, length - first);
        }
    }

    private static byte[] lengthBytes(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    private static int toLength(byte[] b) {
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }
}
