package lessonbook.workers.runtime;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the runtime's own paths once with empty values, so that their classes are loaded and linked and their first
 * calls made before a timed run needs them. Two callers: a spare worker JVM while it is idle ({@link WorkerMain}), and
 * the JVM that starts workers (a kernel) while it waits for cells ({@link WorkerRuntime#warmUpHostSide()}). Neither
 * starts a process, reads the notebook's state or keeps anything, so either may run beside a cell.
 */
final class RuntimeWarmUp {
    /**
     * What a host loads on its first worker and its first pool that {@link #codecs} does not reach. Measured with
     * {@code -Xlog:class+load} in a kernel's first Run All of the lesson: these loaded while the lesson's first worker
     * cell started its workers (the kernel's main thread 23 ms from the first {@code new Worker} to the first task
     * sent, the cores otherwise idle) and the first pool cell its pool (20 ms to the first chunk).
     */
    static final List<Class<?>> HOST_CLASSES = List.of(ChildJvm.class, CpuSampler.class, Variables.class,
            TopLevelVariable.class, WorkerEvents.class, PoolDispatcher.class, ChunkSizing.class, PoolFunctions.class,
            PoolMember.class, PoolFailures.class, MapRun.class, MapRun.PoolFunction.class, MapRun.Chunk.class);

    private RuntimeWarmUp() {
    }

    /**
     * Both sides' codecs: a lambda task as a payload, each message that travels as a frame packed and read, the
     * records that still travel whole (the first read of each looks up its canonical constructor), a chunk of values.
     */
    static void codecs(ClassLoader loader) throws IOException, ClassNotFoundException {
        Function<Integer, Integer> f = (Function<Integer, Integer> & Serializable) x -> x + 1;
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> g = (Function<Integer, Integer>) Payloads.fromBytes(Payloads.toBytes(f), loader);
        g.apply(1);
        List<Messages.VariableValue> variables = List.of(new Messages.VariableValue("", "", "", new byte[0]));
        Object[] framed = {new Messages.Assign("", false, List.of(""), 0, variables),
            new Messages.RunOnce(new byte[0]), new Messages.Chunk(0, 0, null, new byte[0], 0, List.of(""), variables),
            new Messages.Stop(), new Messages.Finished(0, 0), new Messages.ChunkDone(0, 0, 0, new byte[0])};
        for (Object message : framed) {
            MessageFrames.unpack(MessageFrames.pack(message, Long.MAX_VALUE));
        }
        Object[] whole = {new Object[] {1, "x", 2L}, new Messages.Initialize(new byte[0]),
            new Messages.Waits(null, null), new Messages.ChunkFailed(0, 0, Messages.Failure.of(new Exception())),
            new Messages.InitializerFailed(Messages.Failure.of(new Exception()))};
        Payloads.fromBytes(Payloads.toBytes(whole), loader);
        ChunkCodec.decode(ChunkCodec.encode(new Object[] {1, 2}), loader);
    }

    /** The host's side: the codecs, then {@link #HOST_CLASSES} loaded and initialized (their statics hold no work). */
    static void hostSide() throws IOException, ClassNotFoundException {
        ClassLoader loader = RuntimeWarmUp.class.getClassLoader();
        codecs(loader);
        for (Class<?> type : HOST_CLASSES) {
            Class.forName(type.getName(), true, loader);
        }
    }
}
