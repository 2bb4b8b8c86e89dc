package lessonbook.workers;

import java.io.Serializable;
import java.time.Duration;

import lessonbook.workers.runtime.SharedItems;
import lessonbook.workers.shared.ByteQueue;
import lessonbook.workers.shared.SharedNames;
import lessonbook.workers.shared.SharedObjectFailure;

/**
 * A queue that the kernel and every worker can put into and get from: Python's {@code multiprocessing.Queue}
 * (with {@code JoinableQueue}'s {@code taskDone()}/{@code join()}). Items travel serialized through shared
 * memory, so anything Serializable goes, a record defined in a cell included; null is refused.
 * <pre>{@code
 * var results = new WorkerQueue<Integer>();
 * new Worker(() -> results.put(factorial(5))).start();
 * int r = results.get();
 * }</pre>
 * Bounded: by default 10,000 items and 1 MiB of serialized items; {@code put} waits while it is full. No method
 * throws a checked exception: an Interrupt ends a wait with an unchecked exception. A wait that nobody can end
 * (every other process using the queue has ended, or one died inside a put or get) ends with
 * {@link lessonbook.workers.BrokenSharedObjectException} instead of hanging.
 * <p>
 * A queue is passed to a worker by capturing it in the worker's lambda or as a notebook variable; the copy maps
 * the same memory. Its memory lives until the process that made it ends (the kernel: until restart).
 */
public final class WorkerQueue<T> implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;
    static final String KIND = "queue";
    private final String path;
    /** "queue 'results'" or "queue #1": how the lanes and errors call it (see {@link SharedNames}). */
    private final String what;
    private transient ByteQueue queue;

    /** Up to 10,000 items and 1 MiB of serialized items. */
    public WorkerQueue() {
        this(10_000);
    }

    /** Up to {@code maxItems} items (Python's {@code Queue(maxsize)}) and 1 MiB of serialized items. */
    public WorkerQueue(int maxItems) {
        this(maxItems, 1 << 20);
    }

    public WorkerQueue(int maxItems, int capacityBytes) {
        this(null, maxItems, capacityBytes);
    }

    /** A queue the worker lanes show by {@code name}: "waiting for an item in queue 'results'". */
    public WorkerQueue(String name) {
        this(name, 10_000);
    }

    public WorkerQueue(String name, int maxItems) {
        this(name, maxItems, 1 << 20);
    }

    public WorkerQueue(String name, int maxItems, int capacityBytes) {
        this(maxItems, capacityBytes, SharedNames.describe(KIND, name));
    }

    /** A queue described as {@code what} (a pipe's direction). */
    WorkerQueue(int maxItems, int capacityBytes, String what) {
        this(ByteQueue.create(maxItems, capacityBytes, what), what);
    }

    private WorkerQueue(ByteQueue queue, String what) {
        this.queue = queue;
        this.path = queue.path();
        this.what = what;
    }

    /** Adds an item at the end, waiting while the queue is full. */
    public void put(T item) {
        try {
            queue.put(SharedItems.toBytes(item, what));
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }

    /** Takes the oldest item, waiting while the queue is empty. */
    public T get() {
        try {
            return SharedItems.fromBytes(queue.take(null), what);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }

    /** Takes the oldest item, waiting up to {@code timeout}; null if none came in time (as BlockingQueue.poll). */
    public T get(Duration timeout) {
        try {
            byte[] bytes = queue.take(timeout);
            return bytes == null ? null : SharedItems.fromBytes(bytes, what);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }

    /** Items in the queue now (in every process; another may change it right after). */
    public int size() {
        return queue.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** No more items can be put (by any process); what is in it can still be taken, then get() throws. */
    @Override
    public void close() {
        queue.close();
    }

    /** Marks one item taken earlier as dealt with, for {@link #join()} (Python's {@code task_done()}). */
    public void taskDone() {
        queue.taskDone();
    }

    /** Waits until every item ever put was marked with {@link #taskDone()}. */
    public void join() {
        try {
            queue.join();
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }

    @Override
    public String toString() {
        return "WorkerQueue[" + what + ", " + size() + " items" + (queue.isClosed() ? ", closed]" : "]");
    }

    private Object readResolve() {
        try {
            return new WorkerQueue<T>(ByteQueue.open(path, what), what);
        } catch (SharedObjectFailure failure) {
            throw StudentExceptions.of(failure);
        }
    }
}
