package lessonbook.workers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The main class of a worker JVM. It connects back to the JVM that started it, waits to be told who it is,
 * then runs one task ({@link Worker}) or chunks of a map ({@link WorkerPool}). Its stdout and stderr carry only
 * what user code prints; everything else travels on the control socket.
 */
public final class WorkerMain {
    static final int EXIT_TASK_FAILED = 1;
    static final int EXIT_PARENT_GONE = 86;
    private static final long SETTLE_WINDOW_MS = 40;
    private static final long SETTLE_LIMIT_MS = 1500;
    private static volatile boolean leaving;
    private static FileChannel parentPipe;
    private static Thread parentWatch;

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String token = args[1];
        watchParent();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        // Unbuffered, UTF-8: a line is in the parent's hands as soon as it is printed, also without a newline.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));

        if (args.length > 2 && args[2].equals("spare")) {
            // before connecting, so that a connected spare is idle; a worker started on demand skips this
            warmUp();
            settle();
        }
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        out.writeObject(new Messages.Hello(token, ProcessHandle.current().pid()));
        out.flush();
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream()));
        Messages.Assign assign = (Messages.Assign) in.readObject();
        WorkerSelf self = new WorkerSelf(assign);
        WorkerRuntime.install(self);
        Object work = in.readObject();
        if (work instanceof Messages.RunOnce once) {
            int code = self.runOnce(once);
            WorkerRuntime.endOfProcess();
            send(out, new Messages.Finished(code, cpuMillis()));
            leave(code);
        } else {
            int code = new PoolLoop(self, in, out).run(work);
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
        stopWatchingParent();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /**
     * A worker must not outlive its parent: the parent holds our stdin open and never writes, so EOF = gone. Read
     * through a channel that can be closed to release the thread: while any thread is blocked in a native read,
     * System.exit waits for it in 10 ms steps (HotSpot's VM_Exit), ~300 ms at worst.
     */
    private static void watchParent() {
        parentPipe = new FileInputStream(FileDescriptor.in).getChannel();
        parentWatch = new Thread(() -> {
            ByteBuffer sink = ByteBuffer.allocate(64);
            try {
                while (parentPipe.read(sink) >= 0) {
                    sink.clear();   // the parent writes nothing; ignore anything that arrives anyway
                }
            } catch (IOException e) {
                if (leaving) {
                    return;   // our own exit closed the channel
                }
            }
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        Runtime.getRuntime().addShutdownHook(new Thread(WorkerMain::stopWatchingParent, "parent-watch-release"));
    }

    /**
     * Releases the parent-watch thread and waits until it has left its native read, so that the exit that follows
     * does not wait for it: traced with ten workers on 2 cores, a worker's exit took 30-120 ms without this.
     */
    private static void stopWatchingParent() {
        leaving = true;
        try {
            parentPipe.close();
            parentWatch.join(200);
        } catch (IOException e) {
            // nothing left to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Loads what every task needs (serialization, lambda bootstrap) while the worker is still an idle spare. */
    private static void warmUp() {
        try {
            SerializableFunction<Integer, Integer> f = x -> x + 1;
            Object back = Payloads.fromBytes(Payloads.toBytes(f), WorkerMain.class.getClassLoader());
            @SuppressWarnings("unchecked")
            SerializableFunction<Integer, Integer> g = (SerializableFunction<Integer, Integer>) back;
            g.apply(1);
            // the first read of each record class is slow (its canonical constructor is looked up): do it now
            Object[] messages = {new Object[] {1, "x", 2L},
                new Messages.Assign("", false, List.of(), 0, List.of(new Messages.VariableValue("", "", "", new byte[0]))),
                new Messages.RunOnce(new byte[0]), new Messages.Chunk(0, 0, null, new byte[0], 0, null, null),
                new Messages.Stop(), new Messages.Finished(0, 0), new Messages.Initialize(new byte[0]),
                new Messages.ChunkDone(0, 0, new byte[0]), new Messages.ChunkFailed(0, 0, Messages.Failure.of(new Exception()))};
            Payloads.fromBytes(Payloads.toBytes(messages), WorkerMain.class.getClassLoader());
            WorkerRuntime.host();   // its static set-up (executor, registries)
            Class.forName(WorkerSelf.class.getName());
            Class.forName(PoolLoop.class.getName());
            ChunkCodec.decode(ChunkCodec.encode(new Object[] {1, 2}), WorkerMain.class.getClassLoader());
            new java.net.URLClassLoader(new java.net.URL[0]).close();
            "x".repeat(2).concat(String.valueOf(ProcessHandle.current().pid()));
        } catch (Exception e) {
            // warming is an optimisation only
        }
    }

    /**
     * Waits until this JVM's own background work (JIT compiles queued by start-up and warm-up) has died down, so
     * that a spare counted as ready is idle: measured on 2 cores, ten spares that connected at once still burned
     * ~20 ms of CPU each afterwards, which a timed run started right after prestart() paid for.
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

    static void send(ObjectOutputStream out, Object message) throws IOException {
        synchronized (out) {
            out.writeObject(message);
            out.reset();
            out.flush();
        }
    }

    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }
}
