package lessonbook.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Messages between two JVMs over an authenticated socket (see {@link Handshake}): one object stream each way,
 * every object read through an {@link AllowList}. Threads: any number of senders ({@link #send} is
 * synchronized), one reader at a time.
 */
public final class ObjectChannel implements Closeable {
    private final Socket socket;
    private final ObjectOutputStream out;
    private final ObjectInputStream in;
    private final AllowList.Filter filter;

    private ObjectChannel(Socket socket, AllowList allowList) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        // Our header first, then theirs: both sides do the same, so neither waits for the other.
        this.out = writer(socket.getOutputStream());
        this.filter = allowList.newFilter();
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

    /** Writes one message; {@code reset} keeps the stream from remembering (and pinning) every object sent. */
    public static void write(ObjectOutputStream out, Object message) throws IOException {
        out.writeObject(message);
        out.reset();
        out.flush();
    }

    public void send(Object message) throws IOException {
        synchronized (out) {
            write(out, message);
        }
    }

    /** The next message; a rejected one throws an {@link InvalidClassException} saying what was rejected. */
    public Object receive() throws IOException, ClassNotFoundException {
        filter.beginMessage();
        try {
            return in.readObject();
        } catch (InvalidClassException e) {
            String why = filter.rejected();
            throw why == null ? e : new InvalidClassException("message rejected: " + why);
        }
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
