package lessonbook.workers;

import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool of worker processes: Java's counterpart of Python's {@code multiprocessing.Pool}.
 * <pre>{@code
 * try (WorkerPool pool = new WorkerPool()) {
 *     List<Long> results = pool.map(x -> factorial(x), inputs);
 * }
 * }</pre>
 * Inputs travel in chunks (about four per worker, as Python's map does). The workers see the notebook's
 * variables as they were when the pool was created (or at a map that follows a redefinition of cell code).
 * <p>
 * Failures: an exception in the function fails the map with a {@link WorkerException} carrying the worker's
 * exception. A worker that dies while running a chunk fails that map at once with a
 * {@link WorkerDiedException}; the pool then starts a replacement, so the pool stays usable for later maps.
 */
public final class WorkerPool implements AutoCloseable {
    private static final AtomicLong mapIds = new AtomicLong();

    private final WorkerHost host;
    private WorkerEvents events;
    private final long generation;
    private final List<Messages.VariableValue> variables;
    private final List<PoolMember> members = new ArrayList<>();
    private final Deque<MapRun.Chunk> queue = new ArrayDeque<>();
    private final Object lock = new Object();
    private boolean closed;

    /** A pool with one worker per cpu. */
    public WorkerPool() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public WorkerPool(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + workers);
        }
        host = WorkerRuntime.host();
        events = host.eventsForCaller();
        generation = host.classGeneration();
        variables = Variables.snapshot(host);
        synchronized (lock) {
            for (int i = 0; i < workers; i++) {
                addMember();
            }
        }
    }

    /** Applies {@code fn} to every input in the workers; the results are in input order. */
    public <T, R> List<R> map(SerializableFunction<T, R> fn, List<T> inputs) {
        return await(mapAsync(fn, inputs));
    }

    /** Like {@link #map} but returns at once; the future completes with the results in input order. */
    public <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<T, R> fn, List<T> inputs) {
        MapRun run = submit(fn, inputs, null);
        @SuppressWarnings("unchecked")
        CompletableFuture<List<R>> typed = run.done.thenApply(list -> (List<R>) list);
        return typed;
    }

    /**
     * Like {@link #map} but hands out each result as soon as its chunk is done (Python's imap_unordered). The
     * iteration throws the map's failure when it reaches it.
     */
    public <T, R> Iterable<R> mapUnordered(SerializableFunction<T, R> fn, List<T> inputs) {
        BlockingQueue<Object[]> arrived = new LinkedBlockingQueue<>();
        MapRun run = submit(fn, inputs, result -> arrived.add(new Object[] {result}));
        run.done.whenComplete((ok, failure) -> {
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
            @SuppressWarnings("unchecked")
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
                return (R) item[0];
            }
        };
    }

    /** Ends the pool's workers; maps still running fail with a CancellationException. */
    @Override
    public void close() {
        List<PoolMember> ending;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (MapRun.Chunk chunk : queue) {
                chunk.run().fail(new CancellationException("the pool was closed"));
            }
            queue.clear();
            ending = new ArrayList<>(members);
            for (PoolMember m : ending) {
                if (m.current != null) {
                    m.current.run().fail(new CancellationException("the pool was closed"));
                }
            }
        }
        for (PoolMember m : ending) {
            try {
                if (m.ready && m.current == null) {
                    m.child.send(new Messages.Stop());
                    continue;
                }
            } catch (IOException e) {
                // already gone
            }
            m.child.kill();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (PoolMember m : ending) {
            try {
                m.child.ended().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                m.child.kill();
            }
        }
    }

    /** Pids of the pool's current worker processes. */
    public List<Long> pids() {
        synchronized (lock) {
            return members.stream().map(m -> m.child.pid()).toList();
        }
    }

    public int size() {
        synchronized (lock) {
            return members.size();
        }
    }

    private MapRun submit(SerializableFunction<?, ?> fn, List<?> inputs, java.util.function.Consumer<Object> onEach) {
        byte[] function;
        try {
            function = Payloads.toBytes(fn);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the function captures a value that is not Serializable ("
                    + e.getMessage() + ")", e);
        }
        long runGeneration = host.classGeneration();
        List<Messages.VariableValue> runVariables = runGeneration == generation ? variables : Variables.snapshot(host);
        MapRun run = new MapRun(mapIds.incrementAndGet(), function, fn.getClass().getClassLoader(), inputs.size(),
                runGeneration, Variables.classpath(host), runVariables, onEach);
        WorkerEvents caller = host.eventsForCaller();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the pool is closed");
            }
            if (caller != events) {
                events = caller;   // what the workers print now belongs to the cell that called map
                members.forEach(m -> m.child.redirect(caller));
            }
            int chunkSize = Math.max(1, inputs.size() / (members.size() * 4));
            for (int first = 0; first < inputs.size(); first += chunkSize) {
                int count = Math.min(chunkSize, inputs.size() - first);
                byte[] slice;
                try {
                    slice = Payloads.toBytes(inputs.subList(first, first + count).toArray());
                } catch (NotSerializableException e) {
                    throw new IllegalArgumentException("input " + first + "... is not Serializable ("
                            + e.getMessage() + ")", e);
                }
                queue.add(new MapRun.Chunk(run, first, count, slice));
            }
            dispatch();
        }
        return run;
    }

    /** Gives queued chunks to idle, connected workers. Called under the lock. */
    private void dispatch() {
        for (PoolMember m : members) {
            while (m.ready && m.current == null && !queue.isEmpty()) {
                MapRun.Chunk chunk = queue.poll();
                if (chunk.run().done.isDone()) {
                    continue;   // its map already failed
                }
                try {
                    m.send(chunk);
                } catch (IOException e) {
                    queue.addFirst(chunk);   // the worker is dying; its reader reports it and a replacement comes
                    m.ready = false;
                }
            }
        }
    }

    private void addMember() {
        ChildJvm child = WorkerRuntime.claim();
        String name = WorkerRuntime.nextPoolWorkerName();
        child.bind(name, events);
        PoolMember member = new PoolMember(child, name, generation);
        members.add(member);
        Messages.Assign assign = new Messages.Assign(name, false, Variables.classpath(host), generation, variables);
        WorkerRuntime.background.execute(() -> serve(member, assign));
    }

    /** The member's reader: connects it, then turns its messages into results until it ends. */
    private void serve(PoolMember member, Messages.Assign assign) {
        try {
            member.child.awaitConnected();
            member.child.send(assign);
            synchronized (lock) {
                member.ready = true;
                dispatch();
            }
            while (true) {
                Object message = member.child.receive();
                if (message instanceof Messages.Finished finished) {
                    member.child.noteCpuMillis(finished.cpuMillis());
                    continue;
                }
                handle(member, message);
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            memberEnded(member);
        }
    }

    private void handle(PoolMember member, Object message) {
        synchronized (lock) {
            MapRun.Chunk chunk = member.current;
            member.current = null;
            if (message instanceof Messages.ChunkDone doneMessage && chunk != null) {
                try {
                    Object[] results = (Object[]) Payloads.fromBytes(doneMessage.results(), chunk.run().resultLoader);
                    chunk.run().deliver(doneMessage.firstIndex(), results);
                } catch (IOException | ClassNotFoundException e) {
                    failRun(chunk.run(), new IllegalStateException("results of " + chunk.describe()
                            + " could not be read back: " + e, e));
                }
            } else if (message instanceof Messages.ChunkFailed failed && chunk != null) {
                failRun(chunk.run(), new WorkerException(member.name, member.child.pid(), failed.index(),
                        failed.failure()));
            }
            member.child.sampleCpu();
            dispatch();
        }
    }

    private void failRun(MapRun run, RuntimeException failure) {
        run.fail(failure);
        queue.removeIf(c -> c.run() == run);
    }

    private void memberEnded(PoolMember member) {
        int code = exitCodeOf(member.child);
        synchronized (lock) {
            members.remove(member);
            MapRun.Chunk chunk = member.current;
            member.current = null;
            if (closed) {
                return;
            }
            if (chunk != null) {
                failRun(chunk.run(), new WorkerDiedException(member.name, member.child.pid(), code, chunk.describe()));
            }
            addMember();
        }
    }

    private static int exitCodeOf(ChildJvm child) {
        try {
            return child.process().onExit().get(5, TimeUnit.SECONDS).exitValue();
        } catch (Exception e) {
            child.kill();
            return -1;
        }
    }

    private static <R> List<R> await(CompletableFuture<List<R>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the map");
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    private static RuntimeException rethrowable(Throwable t) {
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
