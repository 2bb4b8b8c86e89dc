package lessonbook.process;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamConstants;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What another local user can do to a host's port, as tests of the kernel and the workers use it: connect and
 * send garbage, a greeting with a wrong secret, a serialized array that announces 2 GB, or nothing at all.
 */
public final class Strangers implements AutoCloseable {
    /** The 27-byte payload that grew a kernel by 2 GB: a stream header and a byte[] of length 2^31 - 1. */
    public static final byte[] HUGE_ARRAY = hugeArray();

    private final List<Socket> sockets = new ArrayList<>();

    /** Connects once per attack: garbage, a wrong secret, the huge array, and one that sends nothing. */
    public static Strangers attack(int port) throws IOException {
        Strangers strangers = new Strangers();
        strangers.send(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] wrongSecret = new byte[Handshake.GREETING_BYTES];
        System.arraycopy("LBCHILD1".getBytes(StandardCharsets.US_ASCII), 0, wrongSecret, 0, 8);
        strangers.send(port, wrongSecret);
        strangers.send(port, HUGE_ARRAY);
        strangers.send(port, new byte[0]);
        return strangers;
    }

    private void send(int port, byte[] bytes) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        sockets.add(socket);
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * True when the host closed every one of these connections without sending a byte (no greeting, no
     * message), each within {@code timeout}.
     */
    public boolean allDroppedUnanswered(Duration timeout) throws IOException {
        for (Socket socket : sockets) {
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            try {
                if (in.read() != -1) {
                    return false;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                // reset by the host: dropped too
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static byte[] hugeArray() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeShort(ObjectStreamConstants.STREAM_MAGIC);
            out.writeShort(ObjectStreamConstants.STREAM_VERSION);
            out.writeByte(ObjectStreamConstants.TC_ARRAY);
            out.writeByte(ObjectStreamConstants.TC_CLASSDESC);
            out.writeUTF("[B");
            out.writeLong(-5984413125824719648L);   // byte[]'s serialVersionUID
            out.writeByte(ObjectStreamConstants.SC_SERIALIZABLE);
            out.writeShort(0);
            out.writeByte(ObjectStreamConstants.TC_ENDBLOCKDATA);
            out.writeByte(ObjectStreamConstants.TC_NULL);
            out.writeInt(Integer.MAX_VALUE);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loopback ports this JVM listens on (Linux: /proc/net/tcp and this process's socket descriptors). */
    public static Set<Integer> listeningPortsOfThisJvm() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    Matcher m = Pattern.compile("socket:\\[(\\d+)]").matcher(Files.readSymbolicLink(fd).toString());
                    if (m.matches()) {
                        inodes.add(m.group(1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path table = Path.of(file);
            if (!Files.exists(table)) {
                continue;
            }
            for (String line : Files.readAllLines(table).subList(1, Files.readAllLines(table).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {   // 0A: LISTEN
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    /**
     * What a local attacker could learn of a child's secrets: nothing may be on its command line (anyone can
     * read it), and its environment (readable by the same user) may hold nothing this JVM's does not.
     */
    public static void assertNoSecretExposed(long pid) throws IOException {
        String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1)
                .replace('\0', ' ');
        if (Pattern.compile("[0-9a-fA-F]{32,}").matcher(cmdline).find() || cmdline.contains("lessonbook-ticket")) {
            throw new AssertionError("a secret on the command line of " + pid + ": " + cmdline);
        }
        Set<String> ours = new HashSet<>(List.of(Files.readString(Path.of("/proc/self/environ"),
                StandardCharsets.ISO_8859_1).split("\0")));
        for (String entry : Files.readString(Path.of("/proc", Long.toString(pid), "environ"),
                StandardCharsets.ISO_8859_1).split("\0")) {
            if (!entry.isEmpty() && !ours.contains(entry)) {
                throw new AssertionError("the environment of " + pid + " has an entry of its own: " + entry);
            }
        }
    }
}
