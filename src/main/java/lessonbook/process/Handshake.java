package lessonbook.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * The first bytes on a connection, before any object stream exists: a fixed-size greeting each way, read with
 * a timeout, so that a stranger's connection costs the host at most {@value #GREETING_BYTES} bytes of buffer
 * and {@link #HOST_READ_TIMEOUT} of one thread, and nothing it sends is ever deserialized.
 * <pre>
 * child -> host: "LBCHILD1" + child secret (32 bytes)
 * host -> child: "LBHOST01" + host secret  (32 bytes)   only after the child's secret matched
 * </pre>
 * Both sides compare in constant time ({@link MessageDigest#isEqual}). The host answers with a second secret
 * so that the child, too, knows it reached its host before it sends anything (a kernel's first messages carry
 * notebook output; a worker's, results).
 */
public final class Handshake {
    /** How long the host waits for a connection's greeting: the real child sends it the moment it connects. */
    public static final Duration HOST_READ_TIMEOUT = Duration.ofSeconds(5);
    /** How long a child waits for the host's answer: the host may be busy (2 cores, ten workers starting). */
    static final Duration CHILD_READ_TIMEOUT = Duration.ofSeconds(20);
    private static final byte[] CHILD_MAGIC = "LBCHILD1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HOST_MAGIC = "LBHOST01".getBytes(StandardCharsets.US_ASCII);
    static final int GREETING_BYTES = CHILD_MAGIC.length + ChildTicket.SECRET_BYTES;

    private Handshake() {
    }

    /** Host side: true when the connection proved it holds the child's secret; then the host has answered. */
    public static boolean hostAccepts(Socket socket, ChildTicket ticket, Duration readTimeout) {
        try {
            byte[] greeting = readExactly(socket, GREETING_BYTES, readTimeout);
            if (greeting == null || !matches(greeting, CHILD_MAGIC, ticket.childSecret())) {
                return false;
            }
            write(socket.getOutputStream(), HOST_MAGIC, ticket.hostSecret());
            socket.setSoTimeout(0);
            return true;
        } catch (IOException e) {   // a timeout among them: a slow or silent connector
            return false;
        }
    }

    /** Child side: connects to the host's loopback port and proves itself both ways, or throws. */
    public static Socket childConnects(ChildTicket ticket) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), ticket.port());
        try {
            socket.setTcpNoDelay(true);
            write(socket.getOutputStream(), CHILD_MAGIC, ticket.childSecret());
            byte[] answer = readExactly(socket, GREETING_BYTES, CHILD_READ_TIMEOUT);
            if (answer == null || !matches(answer, HOST_MAGIC, ticket.hostSecret())) {
                throw new IOException("the process on port " + ticket.port() + " is not this JVM's host");
            }
            socket.setSoTimeout(0);
            return socket;
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new IOException("the host did not answer within " + CHILD_READ_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static boolean matches(byte[] greeting, byte[] magic, byte[] secret) {
        byte[] expected = new byte[GREETING_BYTES];
        System.arraycopy(magic, 0, expected, 0, magic.length);
        System.arraycopy(secret, 0, expected, magic.length, secret.length);
        return MessageDigest.isEqual(greeting, expected);
    }

    private static void write(OutputStream out, byte[] magic, byte[] secret) throws IOException {
        byte[] greeting = new byte[GREETING_BYTES];
        System.arraycopy(magic, 0, greeting, 0, magic.length);
        System.arraycopy(secret, 0, greeting, magic.length, secret.length);
        out.write(greeting);
        out.flush();
    }

    /**
     * Exactly {@code n} bytes, or null when the stream ended first. The timeout bounds the whole greeting, not
     * each read: a connector that trickles one byte every few seconds is dropped as one that sends nothing.
     */
    private static byte[] readExactly(Socket socket, int n, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream in = socket.getInputStream();
        byte[] bytes = new byte[n];
        int read = 0;
        while (read < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("greeting not complete within " + timeout.toMillis() + " ms");
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            int count = in.read(bytes, read, n - read);
            if (count < 0) {
                return null;
            }
            read += count;
        }
        return bytes;
    }
}
