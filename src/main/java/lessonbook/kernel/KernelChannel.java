package lessonbook.kernel;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.Socket;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.kernel.protocol.MessageStreams;

/** The kernel's end of the socket. One writer at a time; a failed write means the host is gone. */
final class KernelChannel {
    private final Socket socket;
    private final ObjectOutputStream out;
    private final ObjectInputStream in;
    private volatile boolean broken;

    KernelChannel(int port, String token) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = MessageStreams.writer(socket.getOutputStream());
        MessageStreams.write(out, token);
        in = MessageStreams.reader(socket.getInputStream());
    }

    synchronized void send(KernelEvent event) {
        if (broken) {
            return;
        }
        try {
            MessageStreams.write(out, event);
        } catch (IOException e) {
            broken = true;
            KernelMain.hostGone();
        }
    }

    KernelRequest read() throws IOException, ClassNotFoundException {
        return (KernelRequest) in.readObject();
    }

    boolean broken() {
        return broken;
    }
}
