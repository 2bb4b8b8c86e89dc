package lessonbook.workers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One worker JVM as seen from the JVM that started it: the process, its control socket and the two threads
 * that drain its output. It may start as an anonymous spare and get its name (and where its lines go) later,
 * in {@link #bind}; lines printed before that are held and delivered at binding.
 */
final class ChildJvm {
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final Process process;
    private final long pid;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private final List<Thread> pumps = new ArrayList<>(2);
    private final List<Object[]> heldLines = new ArrayList<>();
    private volatile ObjectOutputStream out;
    private volatile ObjectInputStream in;
    private Socket socket;
    private String name;
    private WorkerEvents events;
    private volatile long reportedCpuMillis = -1;
    /** CPU the JVM had used before it became this worker (a spare's start-up), not part of the worker's life. */
    private volatile long cpuMillisAtBind;

    private final List<String> options;

    private ChildJvm(Process process, List<String> options) {
        this.process = process;
        this.options = List.copyOf(options);
        this.pid = process.pid();
    }

    /** Starts a worker JVM; it connects back in the background (see {@link #awaitConnected()}). */
    static ChildJvm launch(List<Path> runtimeClasspath, List<String> jvmOptions, boolean spare) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        String token = HexFormat.of().formatHex(randomBytes());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(runtimeClasspath.stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)));
        command.addAll(jvmOptions);
        command.add(WorkerMain.class.getName());
        command.add(Integer.toString(server.getLocalPort()));
        command.add(token);
        if (spare) {
            command.add("spare");
        }
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            server.close();
            throw e;
        }
        ChildJvm child = new ChildJvm(process, jvmOptions);
        child.startPumps();
        Thread acceptor = new Thread(() -> child.accept(server, token), "worker-accept-" + child.pid);
        acceptor.setDaemon(true);
        acceptor.start();
        process.onExit().thenRun(() -> {
            closeQuietly(server);
            child.connected.completeExceptionally(new IOException("worker JVM exited before connecting, code "
                    + process.exitValue()));
            child.finishWhenDrained();
        });
        return child;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private void accept(ServerSocket server, String token) {
        try (server) {
            server.setSoTimeout(CONNECT_TIMEOUT_MS);
            while (true) {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                ObjectInputStream objectsIn = new ObjectInputStream(new BufferedInputStream(s.getInputStream()));
                Object first = objectsIn.readObject();
                if (first instanceof Messages.Hello hello && hello.token().equals(token) && hello.pid() == pid) {
                    ObjectOutputStream objectsOut = new ObjectOutputStream(new BufferedOutputStream(s.getOutputStream()));
                    objectsOut.flush();
                    synchronized (this) {
                        socket = s;
                        in = objectsIn;
                        out = objectsOut;
                    }
                    connected.complete(null);
                    return;
                }
                s.close();   // someone else on this machine dialled our port: ignore them
            }
        } catch (SocketTimeoutException e) {
            connected.completeExceptionally(new IOException("worker JVM pid " + pid + " did not connect within "
                    + CONNECT_TIMEOUT_MS / 1000 + " s"));
            process.destroyForcibly();
        } catch (IOException | ClassNotFoundException e) {
            connected.completeExceptionally(e);
            process.destroyForcibly();
        }
    }

    private void startPumps() {
        pumps.add(pump(new OutputPump(process.getInputStream(), false, this::deliver), "out"));
        pumps.add(pump(new OutputPump(process.getErrorStream(), true, this::deliver), "err"));
    }

    private Thread pump(OutputPump body, String which) {
        Thread t = new Thread(body, "worker-" + which + "-" + pid);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void deliver(boolean stderr, String text) {
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
        Thread finisher = new Thread(() -> {
            for (Thread t : pumps) {
                try {
                    t.join(2_000);   // a grandchild holding the pipe open must not delay the exit report forever
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            closeQuietly(socket);
            int code = process.exitValue();
            WorkerEvents sink;
            String tag;
            synchronized (this) {
                sink = events;
                tag = name;
            }
            if (sink != null) {
                sink.exited(tag, pid, code, System.currentTimeMillis(), Math.max(0, reportedCpuMillis - cpuMillisAtBind));
            }
            ended.complete(code);
        }, "worker-exit-" + pid);
        finisher.setDaemon(true);
        finisher.start();
    }

    void awaitConnected() throws IOException {
        try {
            connected.get(CONNECT_TIMEOUT_MS + 5_000L, TimeUnit.MILLISECONDS);
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
        ObjectOutputStream o = out;
        synchronized (o) {
            o.writeObject(message);
            o.reset();
            o.flush();
        }
    }

    Object receive() throws IOException, ClassNotFoundException {
        return in.readObject();
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
        if (reportedCpuMillis >= now) {
            return;
        }
        reportedCpuMillis = now;
        WorkerEvents sink;
        String tag;
        synchronized (this) {
            sink = events;
            tag = name;
        }
        if (sink != null) {
            sink.cpu(tag, pid, Math.max(0, now - cpuMillisAtBind));
        }
    }

    /** The OS's CPU time of the worker JVM so far, or -1 where the system does not say. */
    private long cpuMillisNow() {
        long fromProc = CpuSampler.procStatCpuMillis(pid);
        return fromProc >= 0 ? fromProc
                : process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    List<String> options() {
        return options;
    }

    long pid() {
        return pid;
    }

    synchronized String name() {
        return name;
    }

    Process process() {
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code once the process ended and its output was delivered. */
    CompletableFuture<Integer> ended() {
        return ended;
    }

    /** Ends the worker at once (cross-platform: TerminateProcess on Windows, SIGKILL elsewhere). */
    void kill() {
        process.destroyForcibly();
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a dead worker's channel can only fail because it is already gone
            }
        }
    }
}
