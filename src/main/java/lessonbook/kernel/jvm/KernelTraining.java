package lessonbook.kernel.jvm;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.kernel.protocol.MessageStreams;
import lessonbook.process.ChildTicket;
import lessonbook.process.Handshake;
import lessonbook.process.ObjectChannel;
import lessonbook.workers.runtime.WorkerRuntime;
import lessonbook.workers.runtime.WorkerTraining;

/**
 * A training run for the kernel's class-data archive: a real kernel in this JVM, driven over its socket
 * through the kinds of cells a lesson has, then a normal exit so the JVM can write the classes it loaded
 * ({@code -XX:ArchiveClassesAtExit}). Later kernels map those classes instead of loading javac afresh. Its first
 * argument, when given, is the cache folder where it then makes the workers' archive too ({@link WorkerTraining}).
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
        // A training run outlives a short-lived host (a headless run may end first), so it does not watch its
        // stdin for its parent's death (KernelMain.run, not main); it bounds its own life instead.
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
            ChildTicket ticket = ChildTicket.generate(server.getLocalPort());
            Thread kernel = new Thread(() -> {
                try {
                    KernelMain.run(ticket);
                } catch (Exception e) {
                    e.printStackTrace(KernelMain.originalErr());
                    Runtime.getRuntime().halt(1);
                }
            }, "training-kernel");
            kernel.setDaemon(true);
            kernel.start();
            // the same handshake and channel as a real host's, so their classes are in the archive too
            Socket socket = server.accept();
            if (!Handshake.hostAccepts(socket, ticket, Handshake.HOST_READ_TIMEOUT)) {
                throw new IllegalStateException("the training kernel did not prove itself");
            }
            try (ObjectChannel channel = ObjectChannel.open(socket, MessageStreams.ALLOW_LIST)) {
                awaitEvent(channel, KernelEvent.Ready.class);
                long id = 1;
                for (String cell : CELLS) {
                    channel.send(new KernelRequest.Execute(id++, "training", cell));
                    awaitEvent(channel, KernelEvent.ExecuteFinished.class);
                }
                channel.send(new KernelRequest.Complete(id++, "System.out.pri", 14));
                awaitEvent(channel, KernelEvent.Completions.class);
                channel.send(new KernelRequest.Documentation(id, "Math.max(", 9));
                awaitEvent(channel, KernelEvent.DocumentationResult.class);
            }
        }
        // a real kernel's idle warm-up loads the worker runtime's host side; a Run All right after opening leaves it
        // no idle moment before the first worker cell, which then loads it from the archive, not the jar
        WorkerRuntime.warmUpHostSide();
        if (args.length > 0) {
            // the workers' archive beside the kernel's, in the same background start of a new build
            WorkerTraining.makeArchive(Path.of(args[0]));
        }
        System.exit(0);
    }

    private static void awaitEvent(ObjectChannel channel, Class<? extends KernelEvent> type) throws Exception {
        while (!type.isInstance(channel.receive())) {
            // skip outputs
        }
    }
}
