package lessonbook.process;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What a child JVM needs to find and prove its host: the host's loopback port, the secret the child proves
 * itself with and the secret the host answers with (32 random bytes each, one pair per child). It travels as
 * the first line of the child's stdin, never on its command line or in its environment; see
 * {@link #writeTo} and {@link #readFrom}.
 */
public final class ChildTicket {
    static final int SECRET_BYTES = 32;
    private static final String PREFIX = "lessonbook-ticket-1";
    /** Longest line {@link #readFrom} accepts: the prefix, a port and two hex secrets, with room to spare. */
    private static final int MAX_LINE = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port;
    private final byte[] childSecret;
    private final byte[] hostSecret;

    private ChildTicket(int port, byte[] childSecret, byte[] hostSecret) {
        if (port <= 0 || port > 65535 || childSecret.length != SECRET_BYTES || hostSecret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("not a child ticket");
        }
        this.port = port;
        this.childSecret = childSecret.clone();
        this.hostSecret = hostSecret.clone();
    }

    /** A fresh pair of secrets for one child that is to connect to {@code port}. */
    public static ChildTicket generate(int port) {
        byte[] child = new byte[SECRET_BYTES];
        byte[] host = new byte[SECRET_BYTES];
        RANDOM.nextBytes(child);
        RANDOM.nextBytes(host);
        return new ChildTicket(port, child, host);
    }

    public int port() {
        return port;
    }

    byte[] childSecret() {
        return childSecret.clone();
    }

    byte[] hostSecret() {
        return hostSecret.clone();
    }

    /** Host side: writes the ticket as one line (the child's stdin) and flushes; the caller keeps the pipe open. */
    public void writeTo(OutputStream childStdin) throws IOException {
        HexFormat hex = HexFormat.of();
        String line = PREFIX + " " + port + " " + hex.formatHex(childSecret) + " " + hex.formatHex(hostSecret) + "\n";
        childStdin.write(line.getBytes(StandardCharsets.US_ASCII));
        childStdin.flush();
    }

    /**
     * Child side: reads exactly one line, byte by byte, so that nothing after it is consumed (the rest of stdin
     * is the parent-death pipe, see {@link ParentWatch}).
     */
    public static ChildTicket readFrom(InputStream stdin) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = stdin.read();
            if (b < 0) {
                throw new EOFException("stdin ended before the ticket: this JVM is meant to be started by lessonbook");
            }
            if (b == '\n') {
                break;
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("the first line of stdin is not a lessonbook ticket");
            }
            line.append((char) b);
        }
        String[] parts = line.toString().split(" ");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IOException("the first line of stdin is not a lessonbook ticket");
        }
        try {
            HexFormat hex = HexFormat.of();
            return new ChildTicket(Integer.parseInt(parts[1]), hex.parseHex(parts[2]), hex.parseHex(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IOException("the first line of stdin is not a lessonbook ticket", e);
        }
    }

    /** Never the secrets: a ticket may end up in a log or an exception message. */
    @Override
    public String toString() {
        return "ChildTicket[port=" + port + "]";
    }
}
