package lessonbook.workers;

import java.io.IOException;

/** One worker JVM of a {@link WorkerPool}, as the pool tracks it: what it runs now and what it already has. */
final class PoolMember {
    final ChildJvm child;
    final String name;
    volatile boolean ready;
    MapRun.Chunk current;
    long lastMapId = -1;
    long generation;

    PoolMember(ChildJvm child, String name, long generation) {
        this.child = child;
        this.name = name;
        this.generation = generation;
    }

    /** Sends a chunk, with the function and fresh classes only when this worker does not have them yet. */
    void send(MapRun.Chunk chunk) throws IOException {
        MapRun run = chunk.run();
        boolean newClasses = run.generation != generation;
        byte[] function = run.id != lastMapId || newClasses ? run.function : null;
        child.send(new Messages.Chunk(run.id, chunk.firstIndex(), function, chunk.inputs(), run.generation,
                newClasses ? run.classpath : null, newClasses ? run.variables : null));
        current = chunk;
        lastMapId = run.id;
        generation = run.generation;
    }
}
