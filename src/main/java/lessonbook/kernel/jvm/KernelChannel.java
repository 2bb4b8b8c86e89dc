package lessonbook.kernel.jvm;

import java.io.IOException;
import java.time.Duration;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.kernel.protocol.MessageStreams;
import lessonbook.process.ChildProcess;
import lessonbook.process.ChildTicket;
import lessonbook.process.ObjectChannel;

/** The kernel's end of the socket. One writer at a time; a failed write means the host is gone. */
final class KernelChannel {
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(30);
    private final ObjectChannel channel;
    private volatile boolean broken;

    KernelChannel(ChildTicket ticket) throws IOException {
        channel = ChildProcess.connectToHost(ticket, MessageStreams.ALLOW_LIST, CONNECT_PATIENCE);
    }

    void send(KernelEvent event) {
        if (broken) {
            return;
        }
        try {
            channel.send(event);
        } catch (IOException e) {
            broken = true;
            KernelMain.hostGone();
        }
    }

    KernelRequest read() throws IOException, ClassNotFoundException {
        return (KernelRequest) channel.receive();
    }

    boolean broken() {
        return broken;
    }
}
