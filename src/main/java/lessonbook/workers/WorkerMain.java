package lessonbook.workers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a worker JVM. It connects back to the JVM that started it, waits to be told who it is,
 * then runs one task ({@link Worker}) or chunks of a map ({@link WorkerPool}). Its stdout and stderr carry only
 * what user code prints; everything else travels on the control socket.
 */
public final class WorkerMain {
    static final int EXIT_TASK_FAILED = 1;
    static final int EXIT_PARENT_GONE = 86;

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String token = args[1];
        InputStream parentWatch = new FileInputStream(FileDescriptor.in);
        watchParent(parentWatch);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        // Unbuffered, UTF-8: a line is in the parent's hands as soon as it is printed, also without a newline.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));

        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        out.writeObject(new Messages.Hello(token, ProcessHandle.current().pid()));
        out.flush();
        warmUp();
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream()));
        Messages.Assign assign = (Messages.Assign) in.readObject();
        WorkerSelf self = new WorkerSelf(assign);
        WorkerRuntime.install(self);
        Object work = in.readObject();
        if (work instanceof Messages.RunOnce once) {
            int code = self.runOnce(once);
            WorkerRuntime.endOfProcess();
            send(out, new Messages.Finished(code, cpuMillis()));
            System.exit(code);
        } else {
            new PoolLoop(self, in, out).run(work);
            WorkerRuntime.endOfProcess();
            System.exit(0);
        }
    }

    /** A worker must not outlive its parent: the parent holds our stdin open and never writes, so EOF = gone. */
    private static void watchParent(InputStream stdin) {
        Thread watcher = new Thread(() -> {
            try {
                byte[] sink = new byte[64];
                while (stdin.read(sink) >= 0) {
                    // the parent writes nothing; ignore anything that arrives anyway
                }
            } catch (IOException e) {
                // a broken pipe means the same as EOF
            }
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Loads what every task needs (serialization, lambda bootstrap) while the worker is still an idle spare. */
    private static void warmUp() {
        try {
            SerializableFunction<Integer, Integer> f = x -> x + 1;
            Object back = Payloads.fromBytes(Payloads.toBytes(f), WorkerMain.class.getClassLoader());
            @SuppressWarnings("unchecked")
            SerializableFunction<Integer, Integer> g = (SerializableFunction<Integer, Integer>) back;
            g.apply(1);
            Payloads.fromBytes(Payloads.toBytes(new Object[] {1, "x", 2L}), WorkerMain.class.getClassLoader());
        } catch (Exception e) {
            // warming is an optimisation only
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
