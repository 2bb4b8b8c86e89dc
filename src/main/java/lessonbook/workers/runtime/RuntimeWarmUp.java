package lessonbook.workers.runtime;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import lessonbook.process.EndThisJvm;
import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.WaitStates;

/**
 * Runs the runtime's own paths once with empty values, so that their classes are loaded and linked and their first
 * calls made before a timed run needs them. Two sides: a spare worker JVM while it is idle ({@link #workerSide}, from
 * {@link WorkerMain}), and the JVM that starts workers (a kernel) while it waits for cells ({@link #hostSide}, from
 * {@link WorkerRuntime#warmUpHostSide()}); both run the same {@link #codecs}. Neither starts a process, reads the
 * notebook's state or keeps anything, so either may run beside a cell.
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
            PoolMember.class, PoolFailures.class, MapRun.class, MapRun.PoolFunction.class, MapRun.Chunk.class,
            WorkerLimits.Memory.class);

    /**
     * The API's types a task or a map's function arrives as, loaded by a spare while it is idle: read from the jar
     * as a task is read, each cost a worker ~0.3 ms of interpreted code. By name, because the runtime does not
     * depend on the API it serves (RuntimeWarmUpTest checks that each still exists).
     */
    static final List<String> TASK_TYPES = List.of("lessonbook.workers.SerializableRunnable",
            "lessonbook.workers.SerializableFunction", "lessonbook.workers.SerializableBiFunction");

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
        TaskCodec.function(TaskCodec.encode(f), loader).apply(1);
        List<Messages.VariableValue> variables = List.of(new Messages.VariableValue("", "", "", new byte[0]));
        Object[] framed = {new Messages.Assign("", false, List.of(""), 0, variables, 1),
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

    /**
     * A spare's side, while it is idle (before it connects, so that a connected spare is idle): what every task
     * needs (the codecs, the lambda bootstrap, the task types, a notebook class loader's first definition, the wait
     * reporter's thread, the way out).
     */
    static void workerSide() {
        try {
            codecs(WorkerMain.class.getClassLoader());
            WorkerRuntime.host();   // its static set-up (executor, registries)
            Class.forName(WorkerSelf.class.getName());
            Class.forName(PoolLoop.class.getName());
            for (String type : TASK_TYPES) {
                Class.forName(type);
            }
            warmNotebookClassLoader(List.of(new Messages.VariableValue("", "", "", new byte[0])));
            // the wait reporter's first look (a record's equals is bootstrapped on first call: ~15 ms interpreted,
            // which otherwise lands 100 ms into the worker's first task)
            WaitStates.now().equals(WaitStates.Snapshot.NOTHING);
            WaitReporter.prepare();
            WorkerRuntime.ensureShutdownHook();   // installed as the worker's host is (install), with its lambda
            EndThisJvm.prepare();   // a worker whose host dies ends in ~0.1 s, not after loading the process classes
            // the way out (see leave): in ten workers ending at once at the end of a timed run, not now
            WorkerMain.cpuMillis();
            Segment.leavingNormally();
            "x".repeat(2).concat(String.valueOf(ProcessHandle.current().pid()));
        } catch (Exception e) {
            // warming is an optimisation only
        }
    }

    /**
     * Defines a class through a notebook class loader over a folder, as a task's first class is found and defined:
     * the first definition in a loader (its folder's lookup, code source, protection domain and package) cost a
     * worker's main thread 1.1-1.9 ms of interpreted code on its task's start, the next one 0.2-0.3 ms. The folder
     * is a fresh one only this user may enter (not the shared temp folder, where another user could put a class file
     * for it to find), deleted right after.
     */
    private static void warmNotebookClassLoader(List<Messages.VariableValue> variables) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("lessonbook-worker-");
            defineACopy(folder, variables);
        } catch (IOException e) {
            // no temp folder: warming is an optimisation only
        } finally {
            if (folder != null) {
                try {
                    Files.deleteIfExists(folder);
                } catch (IOException e) {
                    // left for the system's temp cleaning: an empty folder only we may enter
                }
            }
        }
    }

    /**
     * Writes a copy of one of the runtime's own classes into {@code folder} and defines it through a notebook class
     * loader over that folder, by {@code findClass} (past the parent, which has the original); then deletes what it
     * wrote, leaving {@code folder} as it found it. Returns whether the class was defined.
     */
    static boolean defineACopy(Path folder, List<Messages.VariableValue> variables) {
        String name = TopLevelVariable.class.getName();
        String file = name.replace('.', '/') + ".class";
        Path copy = folder.resolve(file);
        try (var in = RuntimeWarmUp.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(copy.getParent());
            Files.write(copy, in.readAllBytes());
            try (NotebookClassLoader loader = new NotebookClassLoader("warm-up",
                    WorkerSelf.urls(List.of(folder.toString())), RuntimeWarmUp.class.getClassLoader(), "", variables)) {
                return loader.findClass(name).getClassLoader() == loader;
            }
        } catch (ClassNotFoundException | IOException | LinkageError e) {
            return false;   // warming is an optimisation only
        } finally {
            try {
                for (Path p = copy; !p.equals(folder) && p.startsWith(folder); p = p.getParent()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // then the caller cannot delete the folder either: a copy of our own class stays in a folder only
                // this user may enter, for the system's temp cleaning; warming is an optimisation only
            }
        }
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
