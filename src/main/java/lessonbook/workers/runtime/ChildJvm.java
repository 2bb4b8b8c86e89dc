package lessonbook.workers.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import lessonbook.process.ChildProcess;
import lessonbook.process.OutOfMemoryExit;
import lessonbook.process.ProcStat;

/**
 * One worker JVM as seen from the JVM that started it: the process, its control socket and the two threads that
 * drain its output. It may start as an anonymous spare and get its name (and where its lines go) later, in
 * {@link #bind}; lines printed before that are held and delivered at binding. Public for the API's {@code Worker},
 * which holds one and uses only its pid, liveness, end and kill.
 */
public final class ChildJvm {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** What a worker whose JVM is still starting waits for, as {@link WorkerEvents#waits} names it. */
    public static final String STARTING_JVM = "its JVM to start";

    private final ChildProcess launched;
    private final Process process;
    private final long pid;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private final List<Thread> pumps = new ArrayList<>(2);
    private final List<Object[]> heldLines = new ArrayList<>();
    private volatile WorkerChannel channel;
    private String name;
    private WorkerEvents events;
    private volatile long reportedCpuMillis = -1;
    /** What HotSpot said it ran out of ("Java heap space"), from its last words on stdout; null if it did not. */
    private volatile String outOfMemory;
    /** CPU the JVM had used before it became this worker (a spare's start-up), not part of the worker's life. */
    private volatile long cpuMillisAtBind;

    private final List<String> options;

    private ChildJvm(ChildProcess launched, List<String> options) {
        this.launched = launched;
        this.process = launched.process();
        this.options = List.copyOf(options);
        this.pid = process.pid();
    }

    /**
     * Starts a worker JVM; it connects back in the background (see {@link #awaitConnected()}). Its port and
     * secrets go to its stdin, never its command line (see {@link lessonbook.process}).
     */
    static ChildJvm launch(List<Path> runtimeClasspath, List<String> jvmOptions, boolean spare) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.add("-cp");
        command.add(runtimeClasspath.stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)));
        command.addAll(jvmOptions);
        command.add(WorkerMain.class.getName());
        if (spare) {
            command.add("spare");
        }
        ChildProcess launched = ChildProcess.start(new ProcessBuilder(command), CONNECT_TIMEOUT,
                Messages.ALLOW_LIST, "worker-accept");
        ChildJvm child = new ChildJvm(launched, jvmOptions);
        child.startPumps();
        launched.connected().whenComplete((channel, error) -> {
            if (error == null) {
                child.channel = new WorkerChannel(channel);
                child.connected.complete(null);
            } else {
                child.connected.completeExceptionally(error instanceof IOException ? error
                        : new IOException("worker JVM pid " + child.pid + " did not connect: " + error, error));
            }
        });
        child.process.onExit().thenRun(() -> {
            launched.stopAccepting();
            child.connected.completeExceptionally(new IOException("worker JVM exited before connecting, code "
                    + child.process.exitValue()));
            child.finishWhenDrained();
        });
        return child;
    }

    /** The port this worker is to connect to (for tests). */
    int port() {
        return launched.port();
    }

    /** Connections to this worker's port dropped because they did not prove themselves. */
    int rejectedConnections() {
        return launched.rejectedConnections();
    }

    private void startPumps() {
        pumps.add(pump(new OutputPump(process.getInputStream(), false, this::deliver), "out"));
        pumps.add(pump(new OutputPump(process.getErrorStream(), true, this::deliver), "err"));
    }

    private Thread pump(OutputPump body, String which) {
        Thread t = WorkerRuntime.runtimeThread(body, "worker-" + which + "-" + pid);
        t.start();
        return t;
    }

    private void deliver(boolean stderr, String text) {
        if (!stderr && text.startsWith(OutOfMemoryExit.LINE_START)) {
            outOfMemory = OutOfMemoryExit.kindIn(text);
        }
        WorkerEvents sink;
        String tag;
        synchronized (this) {
            if (events == null) {
                heldLines.add(new Object[] {stderr, text});
                return;
            }
            sink = events;
            tag = name;
        }
        sink.line(tag, pid, stderr, text);
    }

    /** Who hears of this worker's exit, waits and CPU time, read together; null before {@link #bind}. */
    private record Listener(WorkerEvents sink, String tag) {
    }

    private synchronized Listener listener() {
        return events == null ? null : new Listener(events, name);
    }

    /** Gives the worker its name and the sink of its output and lifecycle; reports it started. */
    void bind(String workerName, WorkerEvents sink) {
        cpuMillisAtBind = Math.max(0, cpuMillisNow());
        List<Object[]> held;
        synchronized (this) {
            name = workerName;
            events = sink;
            held = new ArrayList<>(heldLines);
            heldLines.clear();
        }
        sink.started(workerName, pid, System.currentTimeMillis());
        if (!connected.isDone()) {
            // No ready spare: the task waits for this JVM to start. Told as a wait, so the lanes hatch it and
            // name it, and a class sees what a cold start costs (a third of a second of CPU, more on a busy machine).
            sink.waits(workerName, pid, STARTING_JVM, null);
            connected.whenComplete((ok, failure) -> {
                Listener to = listener();
                if (to != null && process.isAlive()) {
                    to.sink().waits(to.tag(), pid, null, null);
                }
            });
        }
        CpuSampler.watch(this);
        for (Object[] line : held) {
            sink.line(workerName, pid, (Boolean) line[0], (String) line[1]);
        }
    }

    /** From now on, lines and the exit go to {@code sink} (a pool used from a later cell reports there). */
    synchronized void redirect(WorkerEvents sink) {
        if (events != null) {
            events = sink;
        }
    }

    private void finishWhenDrained() {
        Thread finisher = WorkerRuntime.runtimeThread(() -> {
            for (Thread t : pumps) {
                try {
                    t.join(2_000);   // a grandchild holding the pipe open must not delay the exit report forever
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            WorkerChannel c = channel;
            if (c != null) {
                c.close();
            }
            int code = process.exitValue();
            Listener to = listener();
            if (to != null) {
                to.sink().exited(to.tag(), pid, code, System.currentTimeMillis(),
                        Math.max(0, reportedCpuMillis - cpuMillisAtBind));
            }
            ended.complete(code);
        }, "worker-exit-" + pid);
        finisher.setDaemon(true);
        finisher.start();
    }

    void awaitConnected() throws IOException {
        try {
            connected.get(CONNECT_TIMEOUT.toMillis() + 5_000L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for worker pid " + pid, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("worker JVM pid " + pid + " did not connect", e);
        }
    }

    boolean isConnected() {
        return connected.isDone() && !connected.isCompletedExceptionally();
    }

    void send(Object message) throws IOException {
        channel.send(message);
    }

    /** Sends without flushing: see {@link WorkerChannel#sendBuffered}; {@link #flush()} must follow. */
    void sendBuffered(Object message) throws IOException {
        channel.sendBuffered(message);
    }

    void flush() throws IOException {
        channel.flush();
    }

    Object receive() throws IOException, ClassNotFoundException {
        return channel.receive();
    }

    /** The worker said what it waits on now (see {@link WaitReporter}); passed to the sink of its events. */
    void reportWaits(Messages.Waits waits) {
        Listener to = listener();
        if (to != null && process.isAlive()) {
            to.sink().waits(to.tag(), pid, waits.waitingOn(), waits.holding());
        }
    }

    void noteCpuMillis(long cpuMillis) {
        reportedCpuMillis = cpuMillis;
    }

    /**
     * Best effort while alive: the OS's CPU time of the worker, for workers that never report it themselves, and
     * reported to the sink ({@link WorkerEvents#cpu}) when it grew. {@link CpuSampler} calls it periodically.
     */
    void sampleCpu() {
        long now = cpuMillisNow();
        if (!keepIfLater(now)) {
            return;
        }
        Listener to = listener();
        if (to != null) {
            to.sink().cpu(to.tag(), pid, Math.max(0, now - cpuMillisAtBind));
        }
    }

    /** Keeps {@code cpuMillis} as the last known CPU time if it is later than the one known; says whether it was. */
    private boolean keepIfLater(long cpuMillis) {
        if (cpuMillis <= reportedCpuMillis) {
            return false;
        }
        reportedCpuMillis = cpuMillis;
        return true;
    }

    /** The OS's CPU time of the worker JVM so far, or -1 where the system does not say. */
    private long cpuMillisNow() {
        return ProcStat.of(pid).map(ProcStat::cpuMillis).or(() -> process.info().totalCpuDuration()
                .map(java.time.Duration::toMillis)).orElse(-1L);
    }

    List<String> options() {
        return options;
    }

    public long pid() {
        return pid;
    }

    synchronized String name() {
        return name;
    }

    Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * "Java heap space" when the worker ended on an OutOfMemoryError (it runs with {@code ExitOnOutOfMemoryError},
     * whose line on stdout says so), else null; final once {@link #ended()} completed.
     */
    String outOfMemory() {
        return outOfMemory;
    }

    /** Completes with the exit code once the process ended and its output was delivered. */
    public CompletableFuture<Integer> ended() {
        return ended;
    }

    /**
     * Ends the worker at once (cross-platform: TerminateProcess on Windows, SIGKILL elsewhere), its CPU time read
     * first: once it is gone the system no longer says, and a worker killed between two samples (a pool's member
     * still starting when the pool closed) was reported as having used none.
     */
    public void kill() {
        keepIfLater(process.isAlive() ? cpuMillisNow() : -1);
        process.destroyForcibly();
    }

}
