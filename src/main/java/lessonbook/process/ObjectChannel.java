package lessonbook.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.net.Socket;

/**
 * Messages between two JVMs over an authenticated socket (see {@link Handshake}): one object stream each way,
 * every object read through an {@link AllowList}. Threads: any number of senders ({@link #send} is
 * synchronized), one reader at a time.
 * <p>
 * A {@code byte[]} message travels as a raw frame (a tag, its length, its bytes) instead of a serialized object:
 * a pool's chunks and results are hand-packed byte arrays (eight or more per {@code map}), and as an object each
 * cost its class description again (the stream is reset after every message) and a trip through the filter:
 * ~200 µs of CPU to read and ~120 µs to write one in a worker JVM, whose code runs interpreted, most of a chunk's
 * cost. Its length is checked against the allow-list's array bound before anything is allocated.
 */
public final class ObjectChannel implements Closeable {
    private final Socket socket;
    private final ObjectOutputStream out;
    private final ObjectInputStream in;
    private final AllowList.Filter filter;
    private final long maxFrameBytes;
    /** The first thing in each message: what follows is one object, or a raw byte frame. */
    private static final byte OBJECT = 0;
    private static final byte BYTES = 1;

    private ObjectChannel(Socket socket, AllowList allowList) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        // Our header first, then theirs: both sides do the same, so neither waits for the other.
        this.out = writer(socket.getOutputStream());
        this.filter = allowList.newFilter();
        this.maxFrameBytes = allowList.limits().maxArrayBytes();
        this.in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        in.setObjectInputFilter(filter);
    }

    /** Object streams on a socket that has passed the handshake; blocks until the peer's stream header came. */
    public static ObjectChannel open(Socket authenticated, AllowList allowList) throws IOException {
        try {
            return new ObjectChannel(authenticated, allowList);
        } catch (IOException | RuntimeException e) {
            authenticated.close();
            throw e;
        }
    }

    /** An object stream as the channel writes it, for warming serialization up without a peer. */
    public static ObjectOutputStream writer(OutputStream out) throws IOException {
        ObjectOutputStream stream = new ObjectOutputStream(new BufferedOutputStream(out, 1 << 16));
        stream.flush();
        return stream;
    }

    /**
     * Writes one message (a {@code byte[]} as a raw frame); {@code reset} keeps the stream from remembering (and
     * pinning) every object sent.
     */
    public static void write(ObjectOutputStream out, Object message) throws IOException {
        writeUnflushed(out, message);
        out.flush();
    }

    private static void writeUnflushed(ObjectOutputStream out, Object message) throws IOException {
        if (message instanceof byte[] frame) {
            out.writeByte(BYTES);
            out.writeInt(frame.length);
            out.write(frame);
        } else {
            out.writeByte(OBJECT);
            out.writeObject(message);
            out.reset();
        }
    }

    public void send(Object message) throws IOException {
        synchronized (out) {
            write(out, message);
        }
    }

    /**
     * Writes one message but leaves it in the channel's buffer (64 KB; a longer message goes out as it is
     * written) until the next {@link #send} or {@link #flush}: several messages for one peer in a row (a pool's
     * chunks sent ahead) then cost one socket write instead of one each, ~50 µs of CPU apiece.
     */
    public void sendBuffered(Object message) throws IOException {
        synchronized (out) {
            writeUnflushed(out, message);
        }
    }

    public void flush() throws IOException {
        synchronized (out) {
            out.flush();
        }
    }

    /**
     * The next message (a {@code byte[]} sent is a {@code byte[]} received); a rejected one throws an
     * {@link InvalidClassException} saying what was rejected.
     */
    public Object receive() throws IOException, ClassNotFoundException {
        byte kind = in.readByte();
        if (kind == BYTES) {
            int length = in.readInt();
            if (length < 0 || length > maxFrameBytes) {
                throw new InvalidClassException("message rejected: a frame of " + length + " bytes (at most "
                        + maxFrameBytes + ")");
            }
            byte[] frame = new byte[length];
            in.readFully(frame);
            return frame;
        }
        if (kind != OBJECT) {
            throw new StreamCorruptedException("message rejected: unknown kind " + kind);
        }
        filter.beginMessage();
        try {
            return in.readObject();
        } catch (InvalidClassException e) {
            String why = filter.rejected();
            throw why == null ? e : new InvalidClassException("message rejected: " + why);
        }
    }

    /** The longest {@code byte[]} message this channel accepts (the allow-list's array bound). */
    public long maxFrameBytes() {
        return maxFrameBytes;
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
