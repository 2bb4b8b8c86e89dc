package lessonbook.workers.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.NotSerializableException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Function;


/**
 * Inside a pool worker: run the pool's initializer, then apply the function to each chunk of inputs the pool
 * sends, until told to stop. Chunks may queue up on the socket behind the one running (the pool sends the
 * next one ahead), so they are served strictly in arrival order.
 */
final class PoolLoop {
    /**
     * A chunk's cost as the pool judges it (see {@link PoolDispatcher}): this thread's CPU time, not the wall time,
     * which on a busy machine grew tenfold whenever the worker lost its cpu in mid-chunk.
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final WorkerSelf self;
    private final WorkerChannel channel;
    private long functionId = -1;
    private byte[] functionBytes;
    private Function<Object, Object> function;
    private byte[] initializer;

    PoolLoop(WorkerSelf self, WorkerChannel channel) {
        this.self = self;
        this.channel = channel;
    }

    /** Serves {@code first} and every message after it; returns the worker's exit code. */
    int run(Object first) throws IOException, ClassNotFoundException {
        Object message = first;
        while (true) {
            if (message == null) {
                try {
                    message = channel.receive();
                } catch (EOFException e) {
                    return 0;   // the pool's JVM closed the channel: nothing more to do
                }
            }
            if (message instanceof Messages.Stop) {
                channel.send(new Messages.Finished(0, WorkerMain.cpuMillis()));
                return 0;
            }
            if (message instanceof Messages.Initialize init) {
                initializer = init.initializer();
                if (!initialize()) {
                    return WorkerMain.EXIT_TASK_FAILED;
                }
            } else if (!runChunk((Messages.Chunk) message)) {
                return WorkerMain.EXIT_TASK_FAILED;
            }
            message = null;
        }
    }

    /** Runs the initializer in this worker's current classes; false (after reporting it) when it threw. */
    private boolean initialize() throws IOException {
        try {
            TaskCodec.runnable(initializer, self.loader()).run();
            System.out.flush();
            return true;
        } catch (Throwable t) {
            channel.send(new Messages.InitializerFailed(Messages.Failure.of(t)));
            return false;
        }
    }

    private boolean runChunk(Messages.Chunk chunk) throws IOException {
        int index = chunk.firstIndex();
        Object[] results = null;
        long start = workClock();
        try {
            if (chunk.userClasspath() != null && chunk.generation() != self.generation()) {
                self.useClasses(chunk.userClasspath(), chunk.generation(), chunk.variables());
                function = null;
                if (initializer != null && !initialize()) {
                    return false;
                }
            }
            if (chunk.function() != null) {
                // the same lambda sent again by a later map: keep the object already read (reading one costs ~50 us)
                if (function == null || !Arrays.equals(chunk.function(), functionBytes)) {
                    function = TaskCodec.function(chunk.function(), self.loader());
                    functionBytes = chunk.function();
                }
                functionId = chunk.mapId();
            } else if (functionId != chunk.mapId() || function == null) {
                throw new IllegalStateException("chunk of map " + chunk.mapId() + " arrived without its function");
            }
            Object[] inputs = ChunkCodec.decode(chunk.inputs(), self.loader());
            results = new Object[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                index = chunk.firstIndex() + i;
                results[i] = function.apply(inputs[i]);
            }
            System.out.flush();
            byte[] encoded = ChunkCodec.encode(results);
            channel.send(new Messages.ChunkDone(chunk.mapId(), chunk.firstIndex(), workClock() - start, encoded));
        } catch (NotSerializableException e) {
            int culprit = results == null ? -1 : ChunkCodec.firstUnserializable(results);
            channel.send(new Messages.ChunkFailed(chunk.mapId(), culprit < 0 ? index : chunk.firstIndex() + culprit,
                    unsendable(culprit < 0 ? null : results[culprit], e)));
        } catch (IOException e) {
            // a result that cannot be serialized is the user's failure, not the channel's
            channel.send(new Messages.ChunkFailed(chunk.mapId(), index, Messages.Failure.of(e)));
        } catch (Throwable t) {   // OutOfMemoryError never gets here: workers run with ExitOnOutOfMemoryError
            channel.send(new Messages.ChunkFailed(chunk.mapId(), index, Messages.Failure.of(t)));
        }
        return true;
    }

    private static long workClock() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Python says "Error sending result"; this names the class at fault and what to do instead. */
    private static Messages.Failure unsendable(Object result, NotSerializableException e) {
        String message = "the result " + (result != null ? "is " + ChunkCodec.describe(result, e) : "holds a " + e.getMessage())
                + ", which is not Serializable, so it cannot travel back from the worker; return a Serializable value "
                + "(a number, a String, a record that implements Serializable)";
        Messages.Failure failure = Messages.Failure.of(e);
        return new Messages.Failure(NotSerializableException.class.getName(), message, failure.stackTrace(),
                NotSerializableException.class.getName() + ": " + message + "\n" + failure.printed());
    }
}
