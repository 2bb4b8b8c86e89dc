package lessonbook.workers.runtime;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import lessonbook.process.OutOfMemoryExit;

/**
 * The engine of a pool (the API's {@code WorkerPool}): its worker JVMs, the queue of chunks not yet sent, and one reader thread
 * per worker that turns its answers into results. Threading: everything mutable is guarded by {@link #lock};
 * the readers and the callers of the pool meet only there. A send happens under the lock, which is why only
 * small chunks are sent ahead to a busy worker (see {@link PoolMember#AHEAD_MAX_BYTES}). Nothing slow happens
 * per chunk under the lock: a worker's CPU time, which cost ~0.2 ms a read here, is sampled by {@link CpuSampler}.
 * <p>
 * Send-ahead: Python's workers pull chunks from one shared pipe, so a worker never waits for the pool's process
 * between chunks. Here each worker has its own socket and the pool pushes: a chunk waits behind the running one,
 * and every answer has the pool's reader thread send the next. On a busy machine that thread waits for a cpu for
 * milliseconds, so with one chunk ahead a map of cheap items ran at the pace of those wake-ups (8 chunks of
 * {@code x -> x + 1}: 10-70 ms a map, Python 1-1.5 ms). So a worker gets as many chunks ahead as it is expected
 * to run within {@link ChunkSizing#AHEAD_BUDGET_NANOS}, judged by what the last chunk of the same function cost a
 * worker: for cheap work that is the whole map at once, as Python's pipe would hold it; for expensive work it stays one,
 * so that uneven work still goes to whichever worker is free. A function not seen yet gets one.
 */
public final class PoolDispatcher {
    private final WorkerHost host;
    private WorkerEvents events;
    private final long generation;
    private final Variables.Snapshot variables;
    private final byte[] initializer;
    private final int maxTasksPerWorker;
    private final PoolFailures failures;
    private final List<PoolMember> members = new ArrayList<>();
    private final Deque<MapRun.Chunk> queue = new ArrayDeque<>();
    private final Object lock = new Object();
    private boolean closed;
    /**
     * Set when the initializer failed or workers keep failing to start: every call fails with it, rather than
     * starting workers that fail again.
     */
    private RuntimeException broken;
    /** Members that ended before they connected since one last did; at {@link #START_ATTEMPTS} the pool breaks. */
    private int startFailuresInARow;
    static final int START_ATTEMPTS = 3;
    /** As a chunk size: let the pool choose (see {@link ChunkSizing}). */
    public static final int AUTO_CHUNK_SIZE = 0;
    private final ChunkSizing sizing = new ChunkSizing();
    private final PoolFunctions functions = new PoolFunctions();

    /**
     * Starts {@code workers} worker JVMs; {@code initializer} (a Serializable Runnable, or null) runs in each before
     * its first chunk; {@code maxTasksPerWorker} 0 means no limit; the exceptions calls fail with come from
     * {@code failures}.
     */
    public PoolDispatcher(int workers, Serializable initializer, int maxTasksPerWorker, PoolFailures failures) {
        host = WorkerRuntime.host();
        events = host.eventsForCaller();
        generation = host.classGeneration();
        variables = Variables.snapshot(host);
        this.maxTasksPerWorker = maxTasksPerWorker;
        this.failures = failures;
        this.initializer = initializer == null ? null : PoolFunctions.encoded(initializer, "the initializer");
        if (this.initializer != null) {
            variables.warnReachableBy(host, this.initializer);
        }
        WorkerRuntime.checkRoomFor(workers);
        synchronized (lock) {
            try {
                for (int i = 0; i < workers; i++) {
                    addMember(false);
                }
            } catch (RuntimeException e) {
                // another thread took the last places: no half-made pool, and (closed) no replacements for it
                closed = true;
                members.forEach(m -> m.child.kill());
                throw e;
            }
        }
    }

    /** The call's function, serialized once (see {@link PoolFunctions}). */
    public MapRun.PoolFunction function(Serializable fn) {
        return functions.of(fn);
    }

    /**
     * Queues {@code inputs} (the caller's inputs from index {@code indexBase} on) in chunks of {@code chunkSize} (or
     * {@link #AUTO_CHUNK_SIZE}) for {@code function}; the run completes when all did.
     */
    public MapRun submit(MapRun.PoolFunction function, List<?> inputs, int chunkSize, int indexBase, Consumer<Object> onEach) {
        if (chunkSize == AUTO_CHUNK_SIZE) {
            chunkSize = autoChunkSize(function, inputs.size());
        }
        long runGeneration = host.classGeneration();
        Variables.Snapshot runVariables = runGeneration == generation ? variables : Variables.snapshot(host);
        runVariables.warnReachableBy(host, function.bytes());
        MapRun run = new MapRun(function, inputs.size(), indexBase, runGeneration, Variables.classpath(host),
                runVariables.values(), onEach);
        List<MapRun.Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < inputs.size(); first += chunkSize) {
            Object[] slice = inputs.subList(first, Math.min(inputs.size(), first + chunkSize)).toArray();
            chunks.add(new MapRun.Chunk(run, first, slice.length, encoded(slice, indexBase + first)));
        }
        WorkerEvents caller = host.eventsForCaller();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the pool is closed");
            }
            if (broken != null) {
                throw broken;
            }
            if (caller != events) {
                events = caller;   // what the workers print now belongs to the cell that called map
                members.forEach(m -> m.child.redirect(caller));
            }
            queue.addAll(chunks);
            dispatch();
        }
        return run;
    }

    private int autoChunkSize(MapRun.PoolFunction function, int inputs) {
        synchronized (lock) {
            return sizing.chunkSize(function.id(), inputs, members.size());
        }
    }

    /** Python's default: about four chunks per worker, {@code ceil(n / (4 * workers))}. */
    public static int pythonChunkSize(int inputs, int workers) {
        return ChunkSizing.pythonChunkSize(inputs, workers);
    }

    /** Ends the pool's workers; calls still running fail with a CancellationException. */
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
                m.inFlight.forEach(chunk -> chunk.run().fail(new CancellationException("the pool was closed")));
            }
        }
        for (PoolMember m : ending) {
            try {
                if (m.ready && m.running() == null) {
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

    /**
     * Gives queued chunks to connected workers: first one to each idle worker, then one more ahead to each busy
     * one, but only while there is enough work for all: a chunk sent ahead waits behind the running one even if
     * another worker becomes free (a worker still connecting, or the last chunks of a map). Called under the lock.
     */
    private void dispatch() {
        try {
            dispatchUnflushed();
        } finally {
            members.forEach(PoolMember::flush);   // one socket write per worker for all its chunks
        }
    }

    private void dispatchUnflushed() {
        for (int depth = 0; ; depth++) {
            if (depth > 0 && (queue.size() < members.size() || !members.stream().allMatch(m -> m.ready))) {
                return;
            }
            dropFailedChunks();
            if (queue.isEmpty() || depth > chunksAhead(queue.peek())) {
                return;
            }
            for (PoolMember m : members) {
                dropFailedChunks();
                MapRun.Chunk chunk = queue.peek();
                if (chunk == null) {
                    return;
                }
                if (!m.canTake(chunk, depth, maxTasksPerWorker)) {
                    continue;
                }
                queue.poll();
                try {
                    m.send(chunk);
                } catch (IOException e) {
                    queue.addFirst(chunk);   // the worker is dying; its reader reports it and a replacement comes
                    m.ready = false;
                }
            }
        }
    }

    /** How many chunks like {@code chunk} a worker may have waiting behind its running one (see the class comment). */
    private int chunksAhead(MapRun.Chunk chunk) {
        return sizing.chunksAhead(chunk.run().function.id(), chunk.count());
    }

    private void dropFailedChunks() {
        while (!queue.isEmpty() && queue.peek().run().done.isDone()) {
            queue.poll();   // its call already failed
        }
    }

    /** Adds a worker; {@code admitted} when it replaces one (see {@link WorkerLimits}), else counted against them. */
    private void addMember(boolean admitted) {
        String name = WorkerRuntime.nextPoolWorkerName();
        ChildJvm child = WorkerRuntime.claim(admitted ? null : name);
        child.bind(name, events);
        PoolMember member = new PoolMember(child, name, generation);
        members.add(member);
        Messages.Assign assign = new Messages.Assign(name, false, Variables.classpath(host), generation, variables.values(),
                host.depth() + 1);
        WorkerRuntime.background.execute(() -> serve(member, assign));
    }

    /** The member's reader: connects it, then turns its messages into results until it ends. */
    private void serve(PoolMember member, Messages.Assign assign) {
        try {
            member.child.awaitConnected();
            member.child.send(assign);
            if (initializer != null) {
                member.child.send(new Messages.Initialize(initializer));
            }
            synchronized (lock) {
                member.ready = true;
                member.started = true;
                startFailuresInARow = 0;
                dispatch();
            }
            while (true) {
                Object message = member.child.receive();
                if (message instanceof Messages.Waits waits) {
                    member.child.reportWaits(waits);
                } else if (message instanceof Messages.Finished finished) {
                    member.child.noteCpuMillis(finished.cpuMillis());
                } else if (message instanceof Messages.InitializerFailed failed) {
                    initializerFailed(member, failed.failure());
                } else {
                    handle(member, message);
                }
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            memberEnded(member);
        }
    }

    private void handle(PoolMember member, Object message) {
        MapRun.Chunk chunk;
        synchronized (lock) {
            chunk = member.running();   // only this reader removes it, so it stays the head until below
        }
        Object[] results = null;
        RuntimeException failure = null;
        long workNanos = -1;
        if (message instanceof Messages.ChunkDone done && chunk != null) {
            workNanos = done.workNanos();
            try {   // outside the lock: the other workers' results need not wait for this one's to be read
                results = ChunkCodec.decode(done.results(), chunk.run().function.resultLoader());
            } catch (IOException | ClassNotFoundException e) {
                failure = new IllegalStateException("results of " + chunk.describe() + " could not be read back: " + e, e);
            }
        } else if (message instanceof Messages.ChunkFailed failed && chunk != null) {
            failure = failures.taskFailed(member.name, member.child.pid(), failed.index(), failed.failure());
        }
        synchronized (lock) {
            member.answered();
            if (workNanos >= 0) {
                sizing.measured(chunk.run().function.id(), workNanos, chunk.count());
            }
            if (results != null) {
                chunk.run().deliver(chunk.firstIndex(), results);
            } else if (failure != null) {
                failRun(chunk.run(), failure);
            }
            if (maxTasksPerWorker > 0 && member.tasksSent >= maxTasksPerWorker && member.inFlight.isEmpty()) {
                retire(member);
            }
            dispatch();
        }
    }

    /** Python's maxtasksperchild: the worker did its share; it exits and a fresh one takes its place. */
    private void retire(PoolMember member) {
        member.retiring = true;
        try {
            member.child.send(new Messages.Stop());
        } catch (IOException e) {
            member.child.kill();
        }
        if (!closed && broken == null) {
            addMember(true);
        }
    }

    private void initializerFailed(PoolMember member, Messages.Failure failure) {
        synchronized (lock) {
            breakPool(failures.initializerFailed(member.name, member.child.pid(), failure));
        }
    }

    /** Fails every call waiting or running with {@code failure} (the first one wins), and all later calls. */
    private void breakPool(RuntimeException failure) {
        if (broken == null) {
            broken = failure;
        }
        for (MapRun.Chunk chunk : queue) {
            chunk.run().fail(broken);
        }
        queue.clear();
        for (PoolMember m : members) {
            m.inFlight.forEach(chunk -> chunk.run().fail(broken));
        }
    }

    private void failRun(MapRun run, RuntimeException failure) {
        run.fail(failure);
        queue.removeIf(c -> c.run() == run);
    }

    private void memberEnded(PoolMember member) {
        int code = exitCodeOf(member.child);
        String outOfMemory = code == OutOfMemoryExit.EXIT_CODE ? outOfMemoryOf(member.child) : null;
        synchronized (lock) {
            members.remove(member);
            MapRun.Chunk running = member.answered();
            if (closed) {
                return;
            }
            if (running != null) {
                failRun(running.run(), failures.workerDied(member.name, member.child.pid(), code, outOfMemory,
                        running.describe()));
            }
            if (!member.started && !member.retiring && ++startFailuresInARow >= START_ATTEMPTS) {
                breakPool(failures.workersCannotStart(member.name, member.child.pid(), code, startFailuresInARow));
            }
            if (broken != null) {
                member.inFlight.clear();   // their calls failed with the pool; no worker will take them
                return;
            }
            // chunks that were waiting behind it were never started: they go to the other workers
            member.inFlight.descendingIterator().forEachRemaining(queue::addFirst);
            member.inFlight.clear();
            if (!member.retiring) {
                addMember(true);
            }
            dispatch();
        }
    }

    /**
     * What the worker ran out of, from HotSpot's last line, once its output is read (a short wait, only for an exit
     * with the code {@code ExitOnOutOfMemoryError} uses); null when it did not say.
     */
    private static String outOfMemoryOf(ChildJvm child) {
        try {
            child.ended().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // not drained in time: the exit code alone, then
        }
        return child.outOfMemory();
    }

    private static int exitCodeOf(ChildJvm child) {
        try {
            return child.process().onExit().get(5, TimeUnit.SECONDS).exitValue();
        } catch (Exception e) {
            child.kill();
            return -1;
        }
    }

    private byte[] encoded(Object[] slice, int first) {
        try {
            return ChunkCodec.encode(slice);
        } catch (NotSerializableException e) {
            int culprit = ChunkCodec.firstUnserializable(slice);
            String what = culprit < 0 ? "an input (" + e.getMessage() + ")"
                    : "input " + (first + culprit) + " is " + ChunkCodec.describe(slice[culprit], e) + ", which";
            throw new IllegalArgumentException(what + " is not Serializable, so it cannot travel to a worker; pass "
                    + "Serializable values (numbers, Strings, records that implement Serializable)", e);
        }
    }
}
