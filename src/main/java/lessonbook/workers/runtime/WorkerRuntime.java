package lessonbook.workers.runtime;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import lessonbook.workers.shared.SegmentFiles;
import lessonbook.workers.shared.Waiting;

/**
 * Process-wide entry of the worker runtime: which host starts workers, every worker JVM this JVM started (so
 * that none is left behind), and the idle "spare" worker JVMs started ahead ({@link Spares}). A kernel keeps
 * spares once a cell names the worker API ({@link #expectWorkers()}) or a worker ran.
 * Worker heap: {@code -Dlessonbook.workers.xmx=256m}.
 */
public final class WorkerRuntime {
    private static volatile WorkerHost host;
    private static final Set<ChildJvm> children = ConcurrentHashMap.newKeySet();
    /** Non-daemon workers' JVMs, waited for at the end of this process as Python joins non-daemon children. */
    private static final Set<ChildJvm> nonDaemonWorkers = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger busy = new AtomicInteger();
    private static final AtomicInteger peakBusy = new AtomicInteger();
    private static final AtomicBoolean sparesExpected = new AtomicBoolean();
    private static final AtomicInteger workerNumbers = new AtomicInteger();
    private static final AtomicInteger poolWorkerNumbers = new AtomicInteger();
    static final ExecutorService background = Executors.newCachedThreadPool(r -> runtimeThread(r, "worker-runtime"));
    private static final Spares spares = new Spares(options -> launch(options, true), background, busy::get,
            peakBusy::get, () -> host() instanceof WorkerSelf);
    private static volatile boolean hookInstalled;

    static {
        // a shared object's waiter must not give up on a queue that a worker of ours, still starting, will fill
        Waiting.ownWorkersRunning(() -> busy.get() > 0);
    }

    private WorkerRuntime() {
    }

    /**
     * A daemon thread of the runtime itself, shared by every cell: it inherits no thread-locals, so what runs on it
     * (a pool's {@code thenAccept} callback printing) counts for the cell running then, not for the cell that
     * happened to start the thread (the kernel tells cells apart by an inheritable thread-local).
     */
    static Thread runtimeThread(Runnable body, String name) {
        Thread t = new Thread(null, body, name, 0, false);
        t.setDaemon(true);
        return t;
    }

    /** Called once by the kernel at start-up so that workers load cell classes and report to cells. */
    public static void install(WorkerHost newHost) {
        host = newHost;
        ensureShutdownHook();
        if (newHost != null && !(newHost instanceof WorkerSelf)) {
            // what an earlier kernel killed with SIGKILL left in shared memory
            background.execute(SegmentFiles::sweepEnded);
        }
    }

    /**
     * A cell names the worker API: its workers will want spares, which boot a moment later in the background. Until
     * then a kernel keeps none: most notebooks start no worker, and each spare is a JVM's start-up and warm-up (~0.3 s
     * of CPU) and ~45 MB. Only the first call counts; a worker that ends refills them anyway.
     */
    public static void expectWorkers() {
        WorkerHost h = host;
        if (h != null && !(h instanceof WorkerSelf) && sparesExpected.compareAndSet(false, true)) {
            // not at once: the cell that named the API is running, and spares would compete for its cpus
            CompletableFuture.delayedExecutor(Long.getLong("lessonbook.workers.sparesDelayMs", 2000),
                    TimeUnit.MILLISECONDS, background).execute(spares::refillInBackground);
        }
    }

    /**
     * For a kernel waiting for its cells: runs the host's side of starting workers and pools once with empty values,
     * starting no process and reading no notebook state, so that the first timed cell does not load it (see
     * {@link RuntimeWarmUp}). Safe beside a running cell; an optimisation only, so it reports no failure.
     */
    public static void warmUpHostSide() {
        try {
            RuntimeWarmUp.hostSide();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // the first worker then loads it, as it would without the warm-up
        }
    }

    /** Ends every worker process this JVM started (interrupt, restart, shutdown). Returns quickly. */
    public static void terminateAll() {
        spares.clear();
        for (ChildJvm child : children) {
            child.kill();
        }
        nonDaemonWorkers.clear();
    }

    /**
     * Deletes the files behind the shared objects (queues, locks...) this process made: at the kernel's end and
     * restart. Not at an Interrupt: the notebook's variables, and so its queues, live on.
     */
    public static void deleteSharedObjects() {
        SegmentFiles.deleteMine();
    }

    /** Pid of every live worker JVM this JVM started, spares included (for tests and diagnostics). */
    public static List<Long> livePids() {
        List<Long> pids = new ArrayList<>();
        for (ChildJvm child : children) {
            if (child.isAlive()) {
                pids.add(child.pid());
            }
        }
        return pids;
    }

    /** The spares now: how many are still booting and how many are ready (for tests and diagnostics). */
    public static SpareCount spareCount() {
        return spares.count();
    }

    public record SpareCount(int booting, int ready) {
    }

    /**
     * Starts the spare worker JVMs now and waits (a few seconds at most) until they are connected and idle, e.g.
     * before a timed run. Spares only start while no worker is busy.
     */
    public static void prewarm(int atLeast) {
        spares.prewarm(atLeast);
    }

    public static void prewarm() {
        spares.prewarm();
    }

    /** The installed host, or a plain program's when none was installed. */
    public static WorkerHost host() {
        WorkerHost h = host;
        return h != null ? h : StandaloneHost.INSTANCE;
    }

    /**
     * Where the API completes what a caller gets (a pool's futures): the runtime's own threads, never the pool's
     * readers, so a callback that blocks or calls the pool again cannot stall it.
     */
    public static Executor callbacks() {
        return background;
    }

    public static String nextWorkerName() {
        return "Worker-" + workerNumbers.incrementAndGet();
    }

    static String nextPoolWorkerName() {
        return "PoolWorker-" + poolWorkerNumbers.incrementAndGet();
    }

    /**
     * Fails with the reason when {@code count} more workers would pass the number this process may have alive (see
     * {@link WorkerLimits}); a pool asks before it starts any, so that it is made whole or not at all.
     */
    static void checkRoomFor(int count) {
        WorkerLimits.checkRoom(busy.get(), count, host().depth());
    }

    /**
     * A worker JVM for the worker {@code name}: a ready spare if one fits, else a fresh launch. Counts as busy, and
     * fails with the reason when this process has as many alive as it may ({@link WorkerLimits}); {@code name} null
     * for a pool's replacement of a worker, which was admitted with its pool.
     */
    static ChildJvm claim(String name) {
        ensureShutdownHook();
        int nowBusy = name == null ? busy.incrementAndGet() : WorkerLimits.admit(busy, name, host().depth());
        peakBusy.accumulateAndGet(nowBusy, Math::max);
        List<String> options = WorkerJvmOptions.all();
        ChildJvm child = spares.take(options);
        if (child == null) {
            try {
                child = launch(options, false);
            } catch (IOException e) {
                busy.decrementAndGet();
                throw new UncheckedIOException("could not start a worker JVM: " + e.getMessage(), e);
            }
        }
        ChildJvm claimed = child;
        claimed.ended().whenComplete((code, error) -> {
            if (busy.decrementAndGet() == 0) {
                spares.refillInBackground();
            }
        });
        return claimed;
    }

    private static ChildJvm launch(List<String> options, boolean spare) throws IOException {
        ChildJvm child = ChildJvm.launch(host().runtimeClasspath(), options, spare);
        children.add(child);
        // the registry holds the process (and so its stdin pipe, the worker's lifeline) until it ended
        child.ended().whenComplete((code, error) -> children.remove(child));
        return child;
    }

    /**
     * Starts a worker process for one task (serialized {@code task}, a Runnable): a claimed JVM, named, its lines and
     * lifecycle bound to the caller's sink; the task is handed over once it connected. Returns at once.
     */
    public static ChildJvm startTask(String name, boolean daemon, byte[] task) {
        WorkerHost h = host();
        ChildJvm started = claim(name);
        Messages.Assign assign = new Messages.Assign(name, daemon, Variables.classpath(h), h.classGeneration(),
                Variables.snapshotFor(h, task), h.depth() + 1);
        started.bind(name, h.eventsForCaller());
        if (!daemon) {
            nonDaemonWorkers.add(started);
            started.ended().whenComplete((code, error) -> nonDaemonWorkers.remove(started));
        }
        background.execute(() -> deliver(started, assign, task));
        return started;
    }

    /**
     * Hands the task over once the worker JVM connected, then reads what it says while it runs (its wait states)
     * until its last word (its CPU time).
     */
    private static void deliver(ChildJvm started, Messages.Assign assign, byte[] task) {
        try {
            started.awaitConnected();
            started.send(assign);
            started.send(new Messages.RunOnce(task));
            while (true) {
                Object message = started.receive();
                if (message instanceof Messages.Waits waits) {
                    started.reportWaits(waits);
                } else {
                    if (message instanceof Messages.Finished finished) {
                        started.noteCpuMillis(finished.cpuMillis());
                    }
                    break;
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            started.sampleCpu();
            // a worker that died or was terminated simply ends: join() and exitCode() tell the rest
        }
    }

    /**
     * What Python does when a process ends: wait for its non-daemon children, terminate the daemon ones. Runs
     * at the end of a worker's task and in the shutdown hook of a plain program (a kernel lives on, and ends
     * all its workers by {@link #terminateAll()} at restart and shutdown).
     */
    static void endOfProcess() {
        for (ChildJvm child : new ArrayList<>(nonDaemonWorkers)) {
            child.ended().join();
        }
        terminateAll();
    }

    static synchronized void ensureShutdownHook() {
        if (hookInstalled) {
            return;
        }
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (host() instanceof StandaloneHost) {
                endOfProcess();
            } else {
                terminateAll();
            }
            SegmentFiles.deleteMine();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            for (ChildJvm child : children) {
                try {
                    child.process().waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "worker-runtime-shutdown"));
    }
}
