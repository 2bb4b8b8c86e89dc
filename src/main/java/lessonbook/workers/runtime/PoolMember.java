package lessonbook.workers.runtime;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One worker JVM of a pool, as the pool tracks it: the chunks it was sent and has not answered yet
 * (the first one running, the rest waiting on its socket), and what it already has. Guarded by the pool's lock.
 */
final class PoolMember {
    /**
     * Bytes of input a worker may have waiting behind its running chunk: a send to a busy worker blocks once its
     * socket buffer is full, and sends happen under the pool's lock.
     */
    static final int AHEAD_MAX_BYTES = 64 * 1024;

    final ChildJvm child;
    final String name;
    volatile boolean ready;
    /** It connected and was handed its assignment once (ready may drop again when it is dying). */
    boolean started;
    /** No more chunks for it: it reached the pool's maximum of tasks and is told to stop when idle. */
    boolean retiring;
    final Deque<MapRun.Chunk> inFlight = new ArrayDeque<>();
    /** Input bytes of the chunks in flight, the running one included. */
    private long inFlightBytes;
    int tasksSent;
    private long lastFunctionId = -1;
    private long generation;

    PoolMember(ChildJvm child, String name, long generation) {
        this.child = child;
        this.name = name;
        this.generation = generation;
    }

    /** Whether {@code next} may go to this worker now, as its {@code depth}-th waiting chunk. */
    boolean canTake(MapRun.Chunk next, int depth, int maxTasks) {
        if (!ready || retiring || inFlight.size() != depth || (maxTasks > 0 && tasksSent >= maxTasks)) {
            return false;
        }
        return depth == 0 || inFlightBytes - running().inputs().length + next.inputs().length <= AHEAD_MAX_BYTES;
    }

    /** The worker answered its running chunk: it is no longer in flight. */
    MapRun.Chunk answered() {
        MapRun.Chunk done = inFlight.poll();
        if (done != null) {
            inFlightBytes -= done.inputs().length;
        }
        return done;
    }

    /** The chunk the worker runs now, or null when idle. */
    MapRun.Chunk running() {
        return inFlight.peek();
    }

    /** Chunks written to the worker's channel but not flushed yet (see {@link #flush()}). */
    private boolean unflushed;

    /**
     * Writes a chunk, with the function and fresh classes only when this worker does not have them yet; it leaves
     * with {@link #flush()}, so that the chunks a dispatch sends ahead to one worker go in one socket write.
     */
    void send(MapRun.Chunk chunk) throws IOException {
        MapRun run = chunk.run();
        boolean newClasses = run.generation != generation;
        byte[] function = run.function.id() != lastFunctionId || newClasses ? run.function.bytes() : null;
        Messages.Chunk message = new Messages.Chunk(run.function.id(), chunk.inputIndex(), function, chunk.inputs(),
                run.generation, newClasses ? run.classpath : null, newClasses ? run.variables : null);
        child.sendBuffered(message);
        unflushed = true;
        inFlight.add(chunk);
        inFlightBytes += chunk.inputs().length;
        tasksSent++;
        lastFunctionId = run.function.id();
        generation = run.generation;
    }

    /**
     * Sends what {@link #send} wrote. A failure means the worker is dying: its reader finds it ended and puts back
     * the chunks it had not started.
     */
    void flush() {
        if (!unflushed) {
            return;
        }
        unflushed = false;
        try {
            child.flush();
        } catch (IOException e) {
            ready = false;
        }
    }
}
