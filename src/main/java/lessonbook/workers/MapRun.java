package lessonbook.workers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One {@code map} call on a pool: its function, its results slot by input index, and its outcome. */
final class MapRun {
    final long id;
    final byte[] function;
    final ClassLoader resultLoader;
    final long generation;
    final List<String> classpath;
    final List<Messages.VariableValue> variables;
    private final Object[] results;
    private int remaining;
    private final Consumer<Object> onEach;
    final CompletableFuture<List<Object>> done = new CompletableFuture<>();

    MapRun(long id, byte[] function, ClassLoader resultLoader, int size, long generation, List<String> classpath,
           List<Messages.VariableValue> variables, Consumer<Object> onEach) {
        this.id = id;
        this.function = function;
        this.resultLoader = resultLoader;
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

    void fail(Throwable failure) {
        done.completeExceptionally(failure);
    }

    /** A contiguous slice of the inputs, sent to one worker at a time. */
    record Chunk(MapRun run, int firstIndex, int count, byte[] inputs) {
        String describe() {
            return count == 1 ? "input " + firstIndex : "inputs " + firstIndex + "-" + (firstIndex + count - 1);
        }
    }
}
