package lessonbook.kernel;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.kernel.protocol.MessageStreams;

/**
 * A training run for the kernel's class-data archive: a real kernel in this JVM, driven over its socket
 * through the kinds of cells a lesson has, then a normal exit so the JVM can write the classes it loaded
 * ({@code -XX:ArchiveClassesAtExit}). Later kernels map those classes instead of loading javac afresh.
 */
public final class KernelTraining {
    private static final List<String> CELLS = List.of(
            "import lessonbook.workers.*;",
            "int x = 1;",
            "long factorial(long n) { return n <= 1 ? 1 : n * factorial(n - 1); }",
            "record Point(int x, int y) {}\nclass Shape { String name() { return \"s\"; } }",
            "System.out.println(factorial(5)); System.err.println(new Point(1, 2));",
            "List.of(1, 2, 3).stream().map(i -> i * 2).collect(Collectors.toList())",
            "String x = \"text\"; x.length()",
            "int broken = \"no\";",
            "Integer.parseInt(\"no\")");

    private KernelTraining() {
    }

    public static void main(String[] args) throws Exception {
        // A training run outlives a short-lived host (a headless run may end first), so it must not take end of
        // stdin as its parent's death; it bounds its own life instead.
        System.setIn(new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                try {
                    new java.util.concurrent.CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        });
        Thread limit = new Thread(() -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1);
        }, "training-time-limit");
        limit.setDaemon(true);
        limit.start();
        KernelMain.markTrainingRun();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String token = "training";
            Thread kernel = new Thread(() -> {
                try {
                    KernelMain.main(new String[] {String.valueOf(server.getLocalPort()), token});
                } catch (Exception e) {
                    e.printStackTrace(KernelMain.originalErr());
                    Runtime.getRuntime().halt(1);
                }
            }, "training-kernel");
            kernel.setDaemon(true);
            kernel.start();
            try (Socket socket = server.accept()) {
                ObjectInputStream in = MessageStreams.reader(socket.getInputStream());
                in.readObject();
                ObjectOutputStream out = MessageStreams.writer(socket.getOutputStream());
                awaitEvent(in, KernelEvent.Ready.class);
                long id = 1;
                for (String cell : CELLS) {
                    MessageStreams.write(out, new KernelRequest.Execute(id++, "training", cell));
                    awaitEvent(in, KernelEvent.ExecuteFinished.class);
                }
                MessageStreams.write(out, new KernelRequest.Complete(id++, "System.out.pri", 14));
                awaitEvent(in, KernelEvent.Completions.class);
                MessageStreams.write(out, new KernelRequest.Documentation(id, "Math.max(", 9));
                awaitEvent(in, KernelEvent.DocumentationResult.class);
            }
        }
        System.exit(0);
    }

    private static void awaitEvent(ObjectInputStream in, Class<? extends KernelEvent> type) throws Exception {
        while (!type.isInstance(in.readObject())) {
            // skip outputs
        }
    }
}
