package lessonbook.kernel.client.faults;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.time.Duration;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.kernel.protocol.MessageStreams;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.process.ChildProcess;
import lessonbook.process.ChildTicket;
import lessonbook.process.ObjectChannel;

/**
 * A kernel that speaks the protocol but never finishes a cell and ignores interrupts. Each cell starts a
 * child process and reports its pid, so a test can check that escalation ends the whole tree.
 */
public final class DeafKernelMain {
    public static void main(String[] args) throws Exception {
        ChildTicket ticket = ChildTicket.readFrom(new FileInputStream(FileDescriptor.in));
        try (ObjectChannel channel = ChildProcess.connectToHost(ticket, MessageStreams.ALLOW_LIST, Duration.ofSeconds(30))) {
            channel.send(new KernelEvent.Ready(ProcessHandle.current().pid(), "deaf"));
            while (true) {
                Object request = channel.receive();
                if (request instanceof KernelRequest.Execute) {
                    KernelRequest.Execute execute = (KernelRequest.Execute) request;
                    long child = new ProcessBuilder("sleep", "60").start().pid();
                    channel.send(new KernelEvent.ExecuteStarted(execute.requestId(), execute.cellId(), 1));
                    channel.send(new KernelEvent.CellOutput(execute.cellId(),
                            new Output.Stream(StreamName.STDOUT, "child " + child + "\n")));
                }
            }
        }
    }
}
