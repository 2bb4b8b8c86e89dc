package lessonbook.workers.runtime;

/**
 * How a pool cuts a map into chunks and how far ahead of a busy worker it sends them, judged by what the last
 * chunk of the same function cost a worker (pure logic; the pool calls it under its lock).
 * <p>
 * Python's default chunk size, about four chunks per worker, spreads uneven work over the workers. But when the
 * function's last chunk showed that a whole share of this call costs a worker less than {@link #AHEAD_BUDGET_NANOS},
 * spreading cannot save more than that, while each chunk costs a worker ~0.1-0.3 ms to receive, unpack and answer
 * (most of a cheap map's time; measured with {@code x -> x + 1} over 1000 inputs): then each worker gets its share
 * as one chunk. Send-ahead follows the same budget (see {@link PoolDispatcher}).
 * <p>
 * A short map, at most {@link #SHORT_MAP_PER_WORKER} inputs a worker, of a function not known to be cheap sends each
 * input on its own. Python's chunks there save at most a few ms a worker, but can leave one worker a whole chunk
 * behind the others: the tutorial's ten inputs on two workers come in chunks of two, five chunks, so one worker
 * runs six inputs while the other runs four, and the map takes 6/5 of an even split.
 */
final class ChunkSizing {
    /** Worker time a worker is committed to ahead of its running chunk, at most. */
    static final long AHEAD_BUDGET_NANOS = 2_000_000;
    private static final int MAX_AHEAD = 64;
    /** Inputs a worker, at most, for which a map sends each input as its own chunk (~0.1-0.3 ms each). */
    static final int SHORT_MAP_PER_WORKER = 16;

    /** The function whose cost per input was measured last, and that cost (worker nanoseconds per input). */
    private long costedFunctionId = -1;
    private long nanosPerInput;

    /** A worker reported that a chunk of {@code count} inputs of function {@code functionId} took {@code workNanos}. */
    void measured(long functionId, long workNanos, int count) {
        costedFunctionId = functionId;
        nanosPerInput = workNanos / Math.max(1, count);
    }

    /** The chunk size for a map of {@code inputs} over {@code workers} when the caller left it to the pool. */
    int chunkSize(long functionId, int inputs, int workers) {
        workers = Math.max(1, workers);
        int share = Math.max(1, (inputs + workers - 1) / workers);
        boolean cheap = functionId == costedFunctionId && nanosPerInput * share <= AHEAD_BUDGET_NANOS;
        if (cheap) {
            return share;
        }
        return share <= SHORT_MAP_PER_WORKER ? 1 : pythonChunkSize(inputs, workers);
    }

    /** How many chunks of {@code count} inputs a worker may have waiting behind its running one. */
    int chunksAhead(long functionId, int count) {
        if (functionId != costedFunctionId) {
            return 1;   // a function not seen yet: its cost is unknown
        }
        long perChunk = Math.max(1, nanosPerInput * count);
        return (int) Math.max(1, Math.min(MAX_AHEAD, AHEAD_BUDGET_NANOS / perChunk));
    }

    /** Python's default: about four chunks per worker, {@code ceil(n / (4 * workers))}. */
    static int pythonChunkSize(int inputs, int workers) {
        return Math.max(1, (inputs + 4 * workers - 1) / (4 * workers));
    }
}
