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
 * that none is left behind), and a few idle "spare" worker JVMs, started ahead so that starting a worker and
 * making a pool do not pay a JVM start. A spare has loaded no user class yet; it gets the class
 * path, generation and variables when it is claimed, so a redefinition is still honoured.
 * <p>
 * Spares: see {@link #spareTarget()}; {@code -Dlessonbook.workers.spares=0} disables them. A kernel keeps them once a
 * cell names the worker API ({@link #expectWorkers()}) or a worker ran. They are refilled in
 * the background only while no worker is busy, so refilling never competes with user work for the cpus, and a few
 * at a time, leaving a core to the kernel and the window (see {@link #refillInBackground()}); {@code prestart} starts
 * them all at once, as its caller waits for them. An idle spare costs about 45 MB of memory and no cpu.
 * Worker heap: {@code -Dlessonbook.workers.xmx=256m}.
 */
public final class WorkerRuntime {
    private static volatile WorkerHost host;
    private static final Set<ChildJvm> children = ConcurrentHashMap.newKeySet();
    private static final List<ChildJvm> spares = new ArrayList<>();
    /** Non-daemon workers' JVMs, waited for at the end of this process as Python joins non-daemon children. */
    private static final Set<ChildJvm> nonDaemonWorkers = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger busy = new AtomicInteger();
    private static final AtomicInteger peakBusy = new AtomicInteger();
    /** Spares asked for by {@link #prewarm(int)} ({@code Worker.prestart}); the spare target never drops below it. */
    private static final AtomicInteger requestedSpares = new AtomicInteger();
    private static final AtomicBoolean refilling = new AtomicBoolean();
    private static final AtomicBoolean sparesExpected = new AtomicBoolean();
    private static final AtomicInteger workerNumbers = new AtomicInteger();
    private static final AtomicInteger poolWorkerNumbers = new AtomicInteger();
    static final ExecutorService background = Executors.newCachedThreadPool(r -> runtimeThread(r, "worker-runtime"));
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
                    TimeUnit.MILLISECONDS, background).execute(WorkerRuntime::refillInBackground);
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
        synchronized (spares) {
            spares.clear();
        }
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
        synchronized (spares) {
            int ready = (int) spares.stream().filter(ChildJvm::isConnected).count();
            return new SpareCount(spares.size() - ready, ready);
        }
    }

    public record SpareCount(int booting, int ready) {
    }

    /**
     * Starts the spare worker JVMs now and waits (a few seconds at most) until they are connected and idle, e.g.
     * before a timed run. Spares only start while no worker is busy.
     */
    public static void prewarm(int atLeast) {
        requestedSpares.accumulateAndGet(atLeast, Math::max);
        prewarm();
    }

    public static void prewarm() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (busy.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);   // workers that just ended report so a moment after join() returned
            }
            launchMissingSpares(Integer.MAX_VALUE);
            List<ChildJvm> ready;
            synchronized (spares) {
                ready = new ArrayList<>(spares);
            }
            for (ChildJvm spare : ready) {
                spare.awaitConnected();
            }
        } catch (Exception e) {
            // spares are an optimisation: without them workers start cold
        }
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
        ChildJvm child = null;
        synchronized (spares) {
            while (!spares.isEmpty() && child == null) {
                ChildJvm spare = spares.remove(0);
                if (stillFits(spare, options)) {
                    child = spare;
                } else {
                    spare.kill();
                }
            }
        }
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
                refillInBackground();
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
     * Refills the spares on a background thread, at most {@link #bootingAtOnce()} booting at a time: ten JVMs
     * booting at once after a cell's ten workers ended took both cores for about a second, and the next cell, a
     * single {@code println}, took 0.9-1.4 s instead of 0.1 s. One refill runs at a time; a request during it is
     * met by the refill running, which reads the target again before each boot.
     */
    private static void refillInBackground() {
        if (!refilling.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            boolean failed = false;
            try {
                while (true) {
                    List<ChildJvm> booting = launchMissingSpares(bootingAtOnce());
                    if (booting.isEmpty()) {
                        break;
                    }
                    for (ChildJvm spare : booting) {
                        spare.awaitConnected();   // connected = booted and idle (see WorkerMain)
                    }
                }
            } catch (IOException e) {
                failed = true;   // spares are an optimisation: a real start will report the problem
            } finally {
                refilling.set(false);
            }
            if (!failed && missingSpares() > 0 && busy.get() == 0) {
                refillInBackground();   // asked for while this refill was ending
            }
        });
    }

    /**
     * Spares booting at once in a background refill: all cores but one, at least one; or
     * {@code -Dlessonbook.workers.bootingAtOnce}.
     */
    static int bootingAtOnce() {
        Integer fixed = Integer.getInteger("lessonbook.workers.bootingAtOnce");
        return fixed != null ? Math.max(1, fixed) : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** A spare alive and started with the options workers start with now (a cell may have changed them since). */
    private static boolean stillFits(ChildJvm spare, List<String> options) {
        return spare.isAlive() && spare.options().equals(options);
    }

    /** Starts up to {@code limit} of the spares missing, while no worker is busy; returns those it started. */
    private static List<ChildJvm> launchMissingSpares(int limit) throws IOException {
        List<String> options = WorkerJvmOptions.all();
        List<ChildJvm> started = new ArrayList<>();
        synchronized (spares) {
            spares.removeIf(s -> {
                boolean stale = !stillFits(s, options);
                if (stale) {
                    s.kill();   // as claim() does: a spare started with other options is no spare any more
                }
                return stale;
            });
            while (started.size() < limit && missingSpares() > 0 && busy.get() == 0) {
                ChildJvm spare = launch(options, true);
                spares.add(spare);
                started.add(spare);
            }
        }
        return started;
    }

    private static int missingSpares() {
        int target = host() instanceof WorkerSelf ? 0 : spareTarget();   // a worker keeps no spares of its own
        synchronized (spares) {
            return target - spares.size();
        }
    }

    /**
     * As many spares as workers were busy at once before (a lesson that starts ten workers finds ten ready the
     * next time), at least the cpu count, at most {@code lessonbook.workers.maxSpares} (default 10); or exactly
     * {@code lessonbook.workers.spares} when that is set.
     */
    static int spareTarget() {
        Integer fixed = Integer.getInteger("lessonbook.workers.spares");
        if (fixed != null) {
            return Math.max(0, fixed);
        }
        int max = Integer.getInteger("lessonbook.workers.maxSpares", 10);
        int wanted = Math.max(Runtime.getRuntime().availableProcessors(),
                Math.max(peakBusy.get(), requestedSpares.get()));
        return Math.min(Math.max(max, requestedSpares.get()), wanted);
    }

    /**
     * Starts a worker process for one task (serialized {@code task}, a Runnable): a claimed JVM, named, its lines and
     * lifecycle bound to the caller's sink; the task is handed over once it connected. Returns at once.
     */
    public static ChildJvm startTask(String name, boolean daemon, byte[] task) {
        WorkerHost h = host();
        ChildJvm started = claim(name);
        Messages.Assign assign = new Messages.Assign(name, daemon, Variables.classpath(h), h.classGeneration(),
                Variables.snapshot(h), h.depth() + 1);
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
