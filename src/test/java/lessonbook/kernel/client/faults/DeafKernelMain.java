package lessonbook.kernel.client.faults;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.Socket;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.kernel.protocol.MessageStreams;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * A kernel that speaks the protocol but never finishes a cell and ignores interrupts. Each cell starts a
 * child process and reports its pid, so a test can check that escalation ends the whole tree.
 */
public final class DeafKernelMain {
    public static void main(String[] args) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            ObjectOutputStream out = MessageStreams.writer(socket.getOutputStream());
            MessageStreams.write(out, args[1]);
            ObjectInputStream in = MessageStreams.reader(socket.getInputStream());
            MessageStreams.write(out, new KernelEvent.Ready(ProcessHandle.current().pid(), "deaf"));
            while (true) {
                Object request = in.readObject();
                if (request instanceof KernelRequest.Execute) {
                    KernelRequest.Execute execute = (KernelRequest.Execute) request;
                    long child = new ProcessBuilder("sleep", "60").start().pid();
                    MessageStreams.write(out, new KernelEvent.ExecuteStarted(execute.requestId(), execute.cellId(), 1));
                    MessageStreams.write(out, new KernelEvent.CellOutput(execute.cellId(),
                            new Output.Stream(StreamName.STDOUT, "child " + child + "\n")));
                }
            }
        }
    }
}
