package lessonbook.workers;

import java.io.EOFException;
import java.io.IOException;
import java.util.function.Function;

import lessonbook.process.ObjectChannel;

/** Inside a pool worker: apply the map's function to each chunk of inputs the pool sends, until told to stop. */
final class PoolLoop {
    private final WorkerSelf self;
    private final ObjectChannel channel;
    private long functionMapId = -1;
    private Function<Object, Object> function;

    PoolLoop(WorkerSelf self, ObjectChannel channel) {
        this.self = self;
        this.channel = channel;
    }

    /** Serves {@code first} (the message that told the worker it is in a pool) and every message after it. */
    void run(Object first) throws IOException, ClassNotFoundException {
        Object message = first;
        while (true) {
            if (message == null) {
                try {
                    message = channel.receive();
                } catch (EOFException e) {
                    return;   // the pool's JVM closed the channel: nothing more to do
                }
            }
            if (message instanceof Messages.Stop) {
                channel.send(new Messages.Finished(0, WorkerMain.cpuMillis()));
                return;
            }
            runChunk((Messages.Chunk) message);
            message = null;
        }
    }

    @SuppressWarnings("unchecked")
    private void runChunk(Messages.Chunk chunk) throws IOException {
        int index = chunk.firstIndex();
        try {
            if (chunk.userClasspath() != null && chunk.generation() != self.generation()) {
                self.useClasses(chunk.userClasspath(), chunk.generation(), chunk.variables());
                functionMapId = -1;
            }
            if (chunk.function() != null) {
                function = (Function<Object, Object>) Payloads.fromBytes(chunk.function(), self.loader());
                functionMapId = chunk.mapId();
            } else if (functionMapId != chunk.mapId()) {
                throw new IllegalStateException("chunk of map " + chunk.mapId() + " arrived without its function");
            }
            Object[] inputs = (Object[]) Payloads.fromBytes(chunk.inputs(), self.loader());
            Object[] results = new Object[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                index = chunk.firstIndex() + i;
                results[i] = function.apply(inputs[i]);
            }
            System.out.flush();
            channel.send(new Messages.ChunkDone(chunk.mapId(), chunk.firstIndex(), Payloads.toBytes(results)));
        } catch (IOException e) {
            // a result that cannot be serialized is the user's failure, not the channel's
            channel.send(new Messages.ChunkFailed(chunk.mapId(), index, Messages.Failure.of(e)));
        } catch (Throwable t) {   // OutOfMemoryError never gets here: workers run with ExitOnOutOfMemoryError
            channel.send(new Messages.ChunkFailed(chunk.mapId(), index, Messages.Failure.of(t)));
        }
    }
}
