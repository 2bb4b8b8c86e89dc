package lessonbook.workers;

import java.io.Serializable;
import java.time.Duration;

import lessonbook.workers.shared.SharedNames;

/**
 * Two connected ends that send objects to each other: Python's {@code a, b = Pipe()}. What {@code left()} sends,
 * {@code right()} receives, and back. Each direction is a {@link WorkerQueue} (bounded, waits while full), so a
 * pipe has the queue's rules: Serializable items, no null, a wait nobody can end throws.
 * <pre>{@code
 * var pipe = new WorkerPipe<String>();
 * var ping = pipe.left();
 * var pong = pipe.right();
 * new Worker(() -> pong.send(pong.receive() + " pong")).start();
 * ping.send("ping");
 * ping.receive();   // "ping pong"
 * }</pre>
 */
public final class WorkerPipe<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "pipe";
    private final End<T> left;
    private final End<T> right;

    public WorkerPipe() {
        this(1_000, 1 << 20);
    }

    /** A pipe the worker lanes show by {@code name}: "waiting for an item in pipe 'ping-pong' (to the left end)". */
    public WorkerPipe(String name) {
        this(name, 1_000, 1 << 20);
    }

    /** Each direction holds up to {@code maxItems} items and {@code capacityBytes} serialized bytes. */
    public WorkerPipe(int maxItems, int capacityBytes) {
        this(null, maxItems, capacityBytes);
    }

    public WorkerPipe(String name, int maxItems, int capacityBytes) {
        String what = SharedNames.describe(KIND, name);
        WorkerQueue<T> leftToRight = new WorkerQueue<>(maxItems, capacityBytes, what + " (to the right end)");
        WorkerQueue<T> rightToLeft = new WorkerQueue<>(maxItems, capacityBytes, what + " (to the left end)");
        this.left = new End<>("left", leftToRight, rightToLeft);
        this.right = new End<>("right", rightToLeft, leftToRight);
    }

    public End<T> left() {
        return left;
    }

    public End<T> right() {
        return right;
    }

    /** One end of a pipe (Python's {@code Connection}); give it to the worker that talks through it. */
    public static final class End<T> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String side;
        private final WorkerQueue<T> out;
        private final WorkerQueue<T> in;

        private End(String side, WorkerQueue<T> out, WorkerQueue<T> in) {
            this.side = side;
            this.out = out;
            this.in = in;
        }

        /** Sends to the other end, waiting while that direction is full. */
        public void send(T item) {
            out.put(item);
        }

        /** Receives what the other end sent, waiting until something comes. */
        public T receive() {
            return in.get();
        }

        /** As {@link #receive()}, waiting up to {@code timeout}; null if nothing came. */
        public T receive(Duration timeout) {
            return in.get(timeout);
        }

        /** True if something is waiting to be received (Python's {@code poll()}). */
        public boolean poll() {
            return !in.isEmpty();
        }

        @Override
        public String toString() {
            return "WorkerPipe.End[" + side + ", " + in.size() + " to receive]";
        }
    }
}
