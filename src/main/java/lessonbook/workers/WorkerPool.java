package lessonbook.workers;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import lessonbook.workers.runtime.MapRun;
import lessonbook.workers.runtime.Messages;
import lessonbook.workers.runtime.PoolDispatcher;
import lessonbook.workers.runtime.PoolFailures;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * A pool of worker processes: Java's counterpart of Python's {@code multiprocessing.Pool}.
 * <pre>{@code
 * try (WorkerPool pool = new WorkerPool()) {
 *     List<Long> results = pool.map(x -> factorial(x), inputs);
 *     long one = pool.apply(x -> factorial(x), 20L);
 *     pool.applyAsync(x -> factorial(x), 30L).thenAccept(r -> System.out.println(r));
 *     for (long r : pool.imap(x -> factorial(x), inputs)) { ... }      // in order, as they are done
 *     List<Integer> products = pool.starmap((a, b) -> a * b, List.of(List.of(2, 3), List.of(4, 5)));
 * }
 * }</pre>
 * Options beyond the size (an initializer, a maximum of tasks per worker): {@link PoolOptions}. No method throws a
 * checked exception. The workers see the notebook's variables as they were when the pool was created (or at a call
 * that follows a redefinition of cell code).
 * <p>
 * Inputs travel in chunks; {@code map} makes about four per worker, as Python's does, so that the cost of sending
 * is paid per chunk rather than per input; once a function proved so cheap that a worker's whole share takes
 * under 2 ms, one chunk per worker; a short map (at most 16 inputs a worker) of a function not known to be cheap,
 * one input per chunk, so that no worker ends a whole chunk behind the others. Arguments and results must be
 * Serializable: one that is not fails the call with an {@link IllegalArgumentException} (an argument, at once) or
 * a {@link WorkerException} (a result) naming its class.
 * <p>
 * Failures: an exception in the function fails the call with a {@link WorkerException} carrying the worker's
 * exception. A worker that dies while running a chunk fails that call at once with a {@link WorkerDiedException};
 * the pool then starts a replacement, so it stays usable for later calls.
 * <p>
 * Futures ({@link #applyAsync}, {@link #mapAsync}) complete on a thread of the worker runtime, so a callback such
 * as {@code thenAccept} runs there, like Python's callback in the pool's result thread; it may even call the pool.
 */
public final class WorkerPool implements AutoCloseable, Serializable {
    private static final long serialVersionUID = 1L;
    /** What the runtime's pool engine fails calls with: this package's exceptions, whose constructors it cannot see. */
    private static final PoolFailures FAILURES = new PoolFailures() {
        @Override
        public RuntimeException taskFailed(String worker, long pid, int inputIndex, Messages.Failure failure) {
            return new WorkerException(worker, pid, inputIndex, failure);
        }

        @Override
        public RuntimeException initializerFailed(String worker, long pid, Messages.Failure failure) {
            return new WorkerException(worker, pid, -1, failure,
                    "the pool's initializer failed in " + worker + " (pid " + pid + "): ");
        }

        @Override
        public RuntimeException workerDied(String worker, long pid, int exitCode, String outOfMemory, String inputs) {
            return WorkerDiedException.whileRunning(worker, pid, exitCode, outOfMemory, inputs);
        }

        @Override
        public RuntimeException workersCannotStart(String worker, long pid, int exitCode, int attempts) {
            return WorkerDiedException.beforeStarting(worker, pid, exitCode, attempts);
        }
    };

    /** Null in a copy. */
    private final transient PoolDispatcher dispatcher;
    private final int workers;
    /**
     * Set in a copy of this pool that another process received (a worker sees the notebook's variables, the pool
     * among them, as copies, the way fork copies Python's Pool object): it knows the pool's size and pids, and
     * cannot run anything.
     */
    private final Copy copy;

    /** A pool with one worker per cpu. */
    public WorkerPool() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public WorkerPool(int workers) {
        this(workers, new PoolOptions());
    }

    public WorkerPool(int workers, PoolOptions options) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + workers);
        }
        this.workers = workers;
        this.dispatcher = new PoolDispatcher(workers, options.initializer(), options.maxTasksPerWorker(), FAILURES);
        this.copy = null;
    }

    private WorkerPool(Copy copy) {
        this.workers = copy.workers();
        this.dispatcher = null;
        this.copy = copy;
    }

    private record Copy(int workers, List<Long> pids) implements Serializable {
        private Object readResolve() {
            return new WorkerPool(this);
        }
    }

    private Object writeReplace() {
        return copy != null ? copy : new Copy(workers, new ArrayList<>(dispatcher.pids()));
    }

    /** The pool's dispatcher; in a copy, an error that says why {@code what} cannot be done there. */
    private PoolDispatcher original(String what) {
        if (dispatcher == null) {
            throw new IllegalStateException("cannot " + what + " here: this pool is a copy made when this process"
                    + " started; only the process that created the pool can use it");
        }
        return dispatcher;
    }

    /** Runs {@code fn(x)} in a worker and returns its result (Python's {@code apply}). */
    public <T, R> R apply(SerializableFunction<T, R> fn, T x) {
        PoolDispatcher pool = original("apply");
        List<Object> one = await(pool.submit(pool.function(fn), box(x), 1, 0, null).done());
        return cast(one.get(0));
    }

    /**
     * Like {@link #apply} but returns at once (Python's {@code apply_async}): {@code .thenAccept(r -> ...)} is
     * Python's callback, {@code .exceptionally(e -> ...)} its error callback, {@code .join()} its {@code get()}.
     */
    public <T, R> CompletableFuture<R> applyAsync(SerializableFunction<T, R> fn, T x) {
        PoolDispatcher pool = original("applyAsync");
        MapRun run = pool.submit(pool.function(fn), box(x), 1, 0, null);
        return run.done().thenApplyAsync(list -> WorkerPool.<R>cast(list.get(0)), WorkerRuntime.callbacks());
    }

    /** Applies {@code fn} to every input in the workers; the results are in input order. */
    public <T, R> List<R> map(SerializableFunction<T, R> fn, List<T> inputs) {
        return mapIn(fn, inputs, PoolDispatcher.AUTO_CHUNK_SIZE);
    }

    /**
     * Like {@link #map(SerializableFunction, List)}, sending {@code chunkSize} inputs to a worker at a time: larger
     * chunks cost less per input to send, smaller ones share uneven work out better.
     */
    public <T, R> List<R> map(SerializableFunction<T, R> fn, List<T> inputs, int chunkSize) {
        return mapIn(fn, inputs, checked(chunkSize));
    }

    private <T, R> List<R> mapIn(SerializableFunction<T, R> fn, List<T> inputs, int chunkSize) {
        PoolDispatcher pool = original("map");
        return cast(await(pool.submit(pool.function(fn), inputs, chunkSize, 0, null).done()));
    }

    /** Like {@link #map} but returns at once; the future completes with the results in input order. */
    public <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<T, R> fn, List<T> inputs) {
        return mapAsyncIn(fn, inputs, PoolDispatcher.AUTO_CHUNK_SIZE);
    }

    public <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<T, R> fn, List<T> inputs, int chunkSize) {
        return mapAsyncIn(fn, inputs, checked(chunkSize));
    }

    private <T, R> CompletableFuture<List<R>> mapAsyncIn(SerializableFunction<T, R> fn, List<T> inputs, int chunkSize) {
        PoolDispatcher pool = original("mapAsync");
        MapRun run = pool.submit(pool.function(fn), inputs, chunkSize, 0, null);
        return run.done().thenApplyAsync(WorkerPool::cast, WorkerRuntime.callbacks());
    }

    /**
     * Python's {@code starmap}: {@code fn} applied to each pair of arguments, results in input order.
     * <pre>{@code pool.starmap((a, b) -> a * b, List.of(List.of(2, 3), List.of(4, 5)))   // [6, 20]}</pre>
     * Each inner list holds exactly the two arguments. For arguments of two different types use pairs:
     * {@link #starmap(SerializableBiFunction, Collection)}.
     */
    public <T, R> List<R> starmap(SerializableBiFunction<T, T, R> fn, List<? extends List<? extends T>> argumentLists) {
        List<Object[]> pairs = new ArrayList<>(argumentLists.size());
        for (int i = 0; i < argumentLists.size(); i++) {
            List<? extends T> arguments = argumentLists.get(i);
            if (arguments.size() != 2) {
                throw new IllegalArgumentException("starmap's function takes 2 arguments, but argument list " + i
                        + " has " + arguments.size() + ": " + arguments);
            }
            pairs.add(new Object[] {arguments.get(0), arguments.get(1)});
        }
        return map(new Spread<>(fn), pairs);
    }

    /**
     * {@code starmap} over pairs of arguments, each of its own type:
     * <pre>{@code pool.starmap((word, n) -> word.repeat(n), List.of(Map.entry("ab", 2), Map.entry("c", 3)))}</pre>
     */
    public <A, B, R> List<R> starmap(SerializableBiFunction<A, B, R> fn,
                                     Collection<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        List<Object[]> arguments = new ArrayList<>(pairs.size());
        for (Map.Entry<? extends A, ? extends B> pair : pairs) {
            arguments.add(new Object[] {pair.getKey(), pair.getValue()});
        }
        return map(new Spread<>(fn), arguments);
    }

    /**
     * Python's {@code imap}: the results in input order, each as soon as it and those before it are done. Lazy:
     * inputs are read (an endless {@code stream::iterator} is fine) and sent only a bounded window ahead of the
     * loop that reads the results (two chunks per worker), so memory stays bounded. One input per chunk, as in
     * Python; the iteration throws the first failure when it reaches it, and ends there. Iterable once.
     */
    public <T, R> Iterable<R> imap(SerializableFunction<T, R> fn, Iterable<T> inputs) {
        return imap(fn, inputs, 1);
    }

    public <T, R> Iterable<R> imap(SerializableFunction<T, R> fn, Iterable<T> inputs, int chunkSize) {
        PoolDispatcher pool = original("imap");
        Iterator<R> results = new OrderedResults<>(pool, pool.function(fn), inputs.iterator(),
                checked(chunkSize), 2 * workers);
        AtomicBoolean taken = new AtomicBoolean();
        return () -> {
            if (taken.getAndSet(true)) {
                throw new IllegalStateException("the results of imap can be read once; call imap again to recompute");
            }
            return results;
        };
    }

    /**
     * Like {@link #map} but hands out each result as soon as its chunk is done (Python's imap_unordered). The
     * iteration throws the map's failure when it reaches it.
     */
    public <T, R> Iterable<R> mapUnordered(SerializableFunction<T, R> fn, List<T> inputs) {
        // bounded by the inputs: each result is held until read
        BlockingQueue<Object[]> arrived = new LinkedBlockingQueue<>();
        PoolDispatcher pool = original("mapUnordered");
        MapRun run = pool.submit(pool.function(fn), inputs, PoolDispatcher.pythonChunkSize(inputs.size(), workers), 0,
                result -> arrived.add(new Object[] {result}));
        run.done().whenComplete((ok, failure) -> {
            if (failure != null) {
                arrived.add(new Object[] {null, failure});
            }
        });
        int size = inputs.size();
        return () -> new Iterator<R>() {
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < size;
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] item;
                try {
                    item = arrived.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while waiting for results");
                }
                if (item.length == 2) {
                    arrived.add(item);   // keep failing on later calls too
                    throw rethrowable((Throwable) item[1]);
                }
                taken++;
                return cast(item[0]);
            }
        };
    }

    /** Ends the pool's workers; calls still running fail with a CancellationException. */
    @Override
    public void close() {
        original("close").close();
    }

    /** Pids of the pool's current worker processes. */
    public List<Long> pids() {
        return copy != null ? copy.pids() : dispatcher.pids();
    }

    public int size() {
        return copy != null ? copy.workers() : dispatcher.size();
    }

    private static int checked(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, not " + chunkSize);
        }
        return chunkSize;
    }

    /** {@code List.of} takes no null; an apply of null is legal. */
    private static List<Object> box(Object x) {
        List<Object> one = new ArrayList<>(1);
        one.add(x);
        return one;
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object value) {
        return (V) value;
    }

    static List<Object> await(CompletableFuture<List<Object>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the pool");
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    private static RuntimeException rethrowable(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof WorkerDiedException died) {
            return died.thrownHere();   // made on the pool's thread: the cell's trace should show the cell's call
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
