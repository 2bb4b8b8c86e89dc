package lessonbook.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM as its host starts it: a loopback port bound before the launch, the {@link ChildTicket} written
 * to the child's stdin (then that pipe stays open and silent: it is the child's lifeline, see
 * {@link ParentWatch}), and an acceptor that keeps accepting until a connection passes the {@link Handshake}
 * or the deadline passes. A stranger's connection (garbage, a wrong secret, nothing at all) is closed on a
 * thread of its own and counted; it never delays the real child by more than the time to accept it.
 * <p>
 * Threads: one acceptor per launch, until connected; one short-lived thread per connection being greeted
 * (at most {@value #MAX_GREETINGS} at once, more are closed unread).
 */
public final class ChildProcess {
    static final int MAX_GREETINGS = 8;
    private static final int BACKLOG = 50;

    private final Process process;
    private final ServerSocket server;
    private final ChildTicket ticket;
    private final AllowList allowList;
    private final Duration connectTimeout;
    private final CompletableFuture<ObjectChannel> connected = new CompletableFuture<>();
    private final AtomicInteger greeting = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    private ChildProcess(Process process, ServerSocket server, ChildTicket ticket, AllowList allowList,
            Duration connectTimeout) {
        this.process = process;
        this.server = server;
        this.ticket = ticket;
        this.allowList = allowList;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Starts {@code command} (which must carry no secret: {@link #start} has none to give it) and waits in the
     * background for it to connect; {@link #connected()} completes with the channel, or with an IOException
     * saying why not (then the process has been ended).
     */
    public static ChildProcess start(ProcessBuilder command, Duration connectTimeout, AllowList allowList,
            String threadName) throws IOException {
        ServerSocket server = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        ChildTicket ticket = ChildTicket.generate(server.getLocalPort());
        Process process;
        try {
            process = command.start();
            ticket.writeTo(process.getOutputStream());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        ChildProcess child = new ChildProcess(process, server, ticket, allowList, connectTimeout);
        Thread acceptor = new Thread(child::acceptUntilConnected, threadName);
        acceptor.setDaemon(true);
        acceptor.start();
        return child;
    }

    public Process process() {
        return process;
    }

    /** Completes with the authenticated channel, or exceptionally (timeout, early exit, closed). */
    public CompletableFuture<ObjectChannel> connected() {
        return connected;
    }

    /** The loopback port the child is to connect to: no secret (anyone sees it listen), tests play strangers on it. */
    public int port() {
        return server.getLocalPort();
    }

    /** Connections dropped because they did not prove themselves (for tests and diagnostics). */
    public int rejectedConnections() {
        return rejected.get();
    }

    /** Stops waiting for the child (the host is closing it); the channel, if any, is the caller's to close. */
    public void stopAccepting() {
        closeServer();
        connected.completeExceptionally(new IOException("the host stopped waiting for the child"));
    }

    private void acceptUntilConnected() {
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        try {
            server.setSoTimeout(100);
            while (!connected.isDone()) {
                if (!process.isAlive()) {
                    connected.completeExceptionally(new NeverConnected(
                            "it exited before it connected (exit code " + process.exitValue() + ")", true));
                    return;
                }
                if (System.nanoTime() > deadline) {
                    fail("it did not connect within " + connectTimeout.toMillis() + " ms");
                    process.destroyForcibly();
                    return;
                }
                try {
                    greet(server.accept());
                } catch (SocketTimeoutException e) {
                    // look at the process and the deadline again
                }
            }
        } catch (IOException e) {
            if (!connected.isDone()) {
                fail("it could not connect: " + e);
                process.destroyForcibly();
            }
        } finally {
            closeServer();
        }
    }

    private void greet(Socket socket) {
        if (greeting.incrementAndGet() > MAX_GREETINGS) {
            greeting.decrementAndGet();
            drop(socket);
            return;
        }
        Thread greeter = new Thread(() -> {
            try {
                if (!Handshake.hostAccepts(socket, ticket, Handshake.HOST_READ_TIMEOUT)) {
                    drop(socket);
                    return;
                }
                ObjectChannel channel;
                try {
                    // the child's stream header follows its greeting at once; bound the wait all the same
                    socket.setSoTimeout((int) Handshake.HOST_READ_TIMEOUT.toMillis());
                    channel = ObjectChannel.open(socket, allowList);
                    socket.setSoTimeout(0);
                } catch (IOException e) {
                    drop(socket);
                    return;
                }
                if (!connected.complete(channel)) {
                    channel.close();   // a second connection with the right secret: the first one won
                }
                closeServer();
            } finally {
                greeting.decrementAndGet();
            }
        }, Thread.currentThread().getName() + "-greet");
        greeter.setDaemon(true);
        greeter.start();
    }

    private void drop(Socket socket) {
        rejected.incrementAndGet();
        try {
            socket.close();
        } catch (IOException e) {
            // dropped either way
        }
    }

    private void fail(String reason) {
        connected.completeExceptionally(new NeverConnected(reason, false));
    }

    /** Why {@link #connected()} failed; {@code exitedFirst}: the child ended on its own before connecting. */
    public static final class NeverConnected extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean exitedFirst;

        NeverConnected(String message, boolean exitedFirst) {
            super(message);
            this.exitedFirst = exitedFirst;
        }

        public boolean exitedFirst() {
            return exitedFirst;
        }
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** The JVM executable of this JVM, to start children with the same JDK. */
    public static String javaExecutable() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Child side: connects to the host and proves itself, and opens the channel. Tries again (for up to
     * {@code patience}) when the host dropped the connection unanswered: strangers may have kept its greeters
     * busy, see {@link #MAX_GREETINGS}.
     */
    public static ObjectChannel connectToHost(ChildTicket ticket, AllowList allowList, Duration patience)
            throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        long pauseMillis = 20;
        while (true) {
            try {
                return ObjectChannel.open(Handshake.childConnects(ticket), allowList);
            } catch (IOException e) {
                if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pauseMillis);   // back off between attempts, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while connecting to the host", e);
            }
            pauseMillis = Math.min(500, pauseMillis * 2);
        }
    }
}
