package lessonbook.workers.runtime;

import java.io.Serializable;
import java.util.List;

import lessonbook.model.TraceText;
import lessonbook.process.AllowList;

/**
 * What travels on the control socket between a starting JVM and a worker JVM. User objects (tasks, inputs,
 * results) travel as bytes inside these records so that the worker deserializes them with the class loader of
 * the right class generation, not with the loader that reads the socket.
 */
public final class Messages {
    /**
     * What either side may read on the control socket: these records and the JDK types of their components.
     * The connection has proved itself before (see {@link lessonbook.process.Handshake}); user objects inside
     * are read later, through {@link Payloads}' own allow-list.
     */
    static final AllowList ALLOW_LIST = AllowList.messages(type -> type.getName().startsWith(Messages.class.getName() + "$"));

    private Messages() {
    }

    /** A variable's value, serialized in the starting JVM, to set as a static field in the worker. */
    record VariableValue(String name, String declaringClass, String field, byte[] value) implements Serializable {
    }

    /**
     * Parent to worker: who the worker is now, which user classes and variables it sees, and how deep it is in the
     * tree of workers ({@code depth} 1 for a notebook's worker: see {@link WorkerLimits}).
     */
    record Assign(String name, boolean daemon, List<String> userClasspath, long generation,
                  List<VariableValue> variables, int depth) implements Serializable {
    }

    /** Parent to a one-task worker: run this task once, then exit (0, or 1 when it threw). */
    record RunOnce(byte[] task) implements Serializable {
    }

    /**
     * Parent to a pool worker: apply the function to a chunk of inputs ({@link ChunkCodec} bytes). The function
     * travels with the first chunk of each function only ({@code function} null afterwards; {@code mapId} names
     * the function); {@code generation}/{@code variables} are set when user
     * classes changed since the worker's last chunk, so it builds a fresh class loader first.
     */
    record Chunk(long mapId, int firstIndex, byte[] function, byte[] inputs, long generation,
                 List<String> userClasspath, List<VariableValue> variables) implements Serializable {
    }

    /**
     * Worker to parent: the results of a chunk, {@link ChunkCodec} bytes, and the CPU time the worker took for it
     * (the pool sends cheap chunks further ahead, see {@link PoolDispatcher}).
     */
    record ChunkDone(long mapId, int firstIndex, long workNanos, byte[] results) implements Serializable {
    }

    /** Worker to parent: an input of the chunk threw. */
    record ChunkFailed(long mapId, int index, Failure failure) implements Serializable {
    }

    /**
     * An exception in a worker, described with plain JDK types so that any JVM can read it; its message and printed
     * trace bounded ({@link TraceText}), so a 50 MB message never crosses to the kernel.
     */
    public record Failure(String className, String message, StackTraceElement[] stackTrace, String printed)
            implements Serializable {
        public static Failure of(Throwable t) {
            return new Failure(t.getClass().getName(), TraceText.messageOf(t), t.getStackTrace(), PrintedTrace.of(t));
        }
    }

    /**
     * Worker to parent, while it runs, when it changed (sampled every 100 ms): what one of its threads has waited
     * on for over ~50 ms and a lock it holds, each null when none (see {@link lessonbook.workers.shared.WaitStates}).
     */
    record Waits(String waitingOn, String holding) implements Serializable {
    }

    /** Worker to parent, last message before a normal exit: its own CPU time, which the parent cannot read later. */
    record Finished(int exitCode, long cpuMillis) implements Serializable {
    }

    /**
     * Parent to a pool worker, before its first chunk: run the pool's initializer (a serialized Runnable) once
     * now, and again whenever the worker loads a new generation of user classes (their statics start empty).
     */
    record Initialize(byte[] initializer) implements Serializable {
    }

    /** Pool worker to parent: the initializer threw; the worker exits after sending this. */
    record InitializerFailed(Failure failure) implements Serializable {
    }

    /** Parent to a pool worker: no more work, exit. */
    record Stop() implements Serializable {
    }
}
