package lessonbook.workers.runtime;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import lessonbook.process.ChildProcess;
import lessonbook.process.ChildTicket;
import lessonbook.process.EndThisJvm;
import lessonbook.process.ParentWatch;
import lessonbook.workers.shared.Segment;
import lessonbook.workers.shared.WaitStates;

/**
 * The main class of a worker JVM. It connects back to the JVM that started it, waits to be told who it is,
 * then runs one task (a {@code Worker}'s) or chunks of a map (a {@code WorkerPool}'s). Its stdout and stderr carry only
 * what user code prints; everything else travels on the control socket.
 */
public final class WorkerMain {
    static final int EXIT_TASK_FAILED = 1;
    private static final long SETTLE_WINDOW_MS = 40;
    private static final long SETTLE_LIMIT_MS = 1500;
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(30);
    /**
     * The API's types a task or a map's function arrives as, loaded by a spare while it is idle: read from the jar
     * as a task is read, each cost a worker ~0.3 ms of interpreted code. By name, because the runtime does not
     * depend on the API it serves (WorkerMainTest checks that each still exists).
     */
    static final List<String> TASK_TYPES = List.of("lessonbook.workers.SerializableRunnable",
            "lessonbook.workers.SerializableFunction", "lessonbook.workers.SerializableBiFunction");

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        ChildTicket ticket;
        try {
            ticket = ChildTicket.readFrom(new FileInputStream(FileDescriptor.in));
        } catch (IOException e) {
            System.err.println("lessonbook worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        // A worker must not outlive its parent (see ParentWatch); releasing the watch keeps our own exit quick.
        ParentWatch.start(EndThisJvm::parentGone);
        Runtime.getRuntime().addShutdownHook(new Thread(ParentWatch::release, "parent-watch-release"));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        // Unbuffered, UTF-8: a line is in the parent's hands as soon as it is printed, also without a newline.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));

        if (args.length > 0 && args[0].equals("spare")) {
            // before connecting, so that a connected spare is idle; a worker started on demand skips this
            warmUp();
            settle();
        }
        WorkerChannel channel = new WorkerChannel(ChildProcess.connectToHost(ticket, Messages.ALLOW_LIST,
                CONNECT_PATIENCE));
        Messages.Assign assign = (Messages.Assign) channel.receive();
        WorkerSelf self = new WorkerSelf(assign);
        WorkerRuntime.install(self);
        WaitReporter.start(channel);
        Object work = channel.receive();
        if (work instanceof Messages.RunOnce once) {
            int code = self.runOnce(once);
            WorkerRuntime.endOfProcess();
            channel.send(new Messages.Finished(code, cpuMillis()));
            leave(code);
        } else {
            int code = new PoolLoop(self, channel).run(work);
            WorkerRuntime.endOfProcess();
            leave(code);
        }
    }

    /**
     * Ends the worker once its task returned, as Python's multiprocessing ends a child ({@code os._exit}): without
     * the JVM's shutdown hooks, whose work {@link WorkerRuntime#endOfProcess()} has already done. Each hook runs
     * on a thread of its own; skipping them trims the exit that ten workers pay at the end of a timed run.
     */
    private static void leave(int code) {
        if (code == 0) {
            Segment.leavingNormally();   // a barrier still waiting must not take this end for a party's death
        }
        ParentWatch.release();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /** Loads what every task needs (serialization, lambda bootstrap) while the worker is still an idle spare. */
    private static void warmUp() {
        try {
            RuntimeWarmUp.codecs(WorkerMain.class.getClassLoader());
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
            cpuMillis();
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
        try (var in = WorkerMain.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(copy.getParent());
            Files.write(copy, in.readAllBytes());
            try (NotebookClassLoader loader = new NotebookClassLoader("warm-up",
                    WorkerSelf.urls(List.of(folder.toString())), WorkerMain.class.getClassLoader(), "", variables)) {
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

    /**
     * Waits until this JVM's own background work (JIT compiles queued by start-up and warm-up) has died down, so
     * that a spare counted as ready is idle and a timed run started right after prestart() does not pay for it.
     */
    private static void settle() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_LIMIT_MS);
        long before = cpuMillis();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(SETTLE_WINDOW_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = cpuMillis();
            if (now - before < SETTLE_WINDOW_MS / 20) {
                return;   // under 5% of one core (or no CPU figure here): only periodic housekeeping is left
            }
            before = now;
        }
    }

    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }
}
