package lessonbook.workers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import lessonbook.workers.runtime.MapRun;
import lessonbook.workers.runtime.PoolDispatcher;

/**
 * The results of {@code imap}, in input order, as they are needed. Inputs are read and sent a window ahead of
 * the reader: at most {@code window} chunks are in the workers or done but not yet read, so an endless input
 * or a slow reader never fills memory. Work starts when the iterator is created, as Python's imap starts at
 * once. Threading: one reader thread; {@link #next()} blocks until the next result is there.
 */
final class OrderedResults<R> implements Iterator<R> {
    private final PoolDispatcher dispatcher;
    private final MapRun.PoolFunction function;
    private final Iterator<?> inputs;
    private final int chunkSize;
    private final int window;
    private final Deque<MapRun> pending = new ArrayDeque<>();
    private Iterator<Object> current = Collections.emptyIterator();
    private int nextIndex;
    private boolean failed;

    OrderedResults(PoolDispatcher dispatcher, MapRun.PoolFunction function, Iterator<?> inputs, int chunkSize, int window) {
        this.dispatcher = dispatcher;
        this.function = function;
        this.inputs = inputs;
        this.chunkSize = chunkSize;
        this.window = window;
        topUp();
    }

    private void topUp() {
        while (pending.size() < window && inputs.hasNext()) {
            List<Object> chunk = new ArrayList<>(chunkSize);
            while (chunk.size() < chunkSize && inputs.hasNext()) {
                chunk.add(inputs.next());
            }
            pending.add(dispatcher.submit(function, chunk, chunkSize, nextIndex, null));
            nextIndex += chunk.size();
        }
    }

    @Override
    public boolean hasNext() {
        return !failed && (current.hasNext() || !pending.isEmpty());
    }

    /** The next result in input order; throws the failure of its chunk (after which the iteration has ended). */
    @Override
    @SuppressWarnings("unchecked")
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (!current.hasNext()) {
            MapRun head = pending.poll();
            try {
                topUp();   // before waiting, so that the workers stay busy while this thread waits
                current = WorkerPool.await(head.done()).iterator();
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }
        return (R) current.next();
    }
}
