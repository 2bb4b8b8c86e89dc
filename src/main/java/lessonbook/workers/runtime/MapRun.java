package lessonbook.workers.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One call on a pool ({@code map}, {@code apply}, a window of {@code imap}): its function, its results slot by
 * input index, and its outcome. {@link #done} is internal: only non-blocking stages may hang on it, because it
 * completes under the pool's lock; what a caller gets is decoupled from it (see the API's {@code WorkerPool}).
 */
public final class MapRun {
    final PoolFunction function;
    /** Index of this run's first input in the caller's inputs (imap sends a long input as several runs). */
    final int indexBase;
    final long generation;
    final List<String> classpath;
    final List<Messages.VariableValue> variables;
    private final Object[] results;
    private int remaining;
    private final Consumer<Object> onEach;
    final CompletableFuture<List<Object>> done = new CompletableFuture<>();

    MapRun(PoolFunction function, int size, int indexBase, long generation, List<String> classpath,
           List<Messages.VariableValue> variables, Consumer<Object> onEach) {
        this.function = function;
        this.indexBase = indexBase;
        this.generation = generation;
        this.classpath = classpath;
        this.variables = variables;
        this.results = new Object[size];
        this.remaining = size;
        this.onEach = onEach;
        if (size == 0) {
            done.complete(List.of());
        }
    }

    /** Stores a chunk's results; completes the run when it was the last. Called under the pool's lock. */
    void deliver(int firstIndex, Object[] chunkResults) {
        if (done.isDone()) {
            return;
        }
        System.arraycopy(chunkResults, 0, results, firstIndex, chunkResults.length);
        if (onEach != null) {
            Arrays.stream(chunkResults).forEach(onEach);
        }
        remaining -= chunkResults.length;
        if (remaining == 0) {
            done.complete(new ArrayList<>(Arrays.asList(results)));
        }
    }

    /** Completes under the pool's lock: hang only non-blocking stages on it (see above). */
    public CompletableFuture<List<Object>> done() {
        return done;
    }

    void fail(Throwable failure) {
        done.completeExceptionally(failure);
    }

    /** A function as it travels: serialized once per call, with an id that stays the same for the same bytes. */
    public record PoolFunction(long id, byte[] bytes, ClassLoader resultLoader) {
    }

    /** A contiguous slice of the run's inputs ({@code firstIndex} within the run), sent to one worker at a time. */
    record Chunk(MapRun run, int firstIndex, int count, byte[] inputs) {
        /** Index of the chunk's first input among the caller's inputs. */
        int inputIndex() {
            return run.indexBase + firstIndex;
        }

        String describe() {
            int first = inputIndex();
            return count == 1 ? "input " + first : "inputs " + first + "-" + (first + count - 1);
        }
    }
}
