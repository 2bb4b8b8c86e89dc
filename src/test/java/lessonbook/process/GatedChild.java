package lessonbook.process;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * A child for tests of the process layer: reads its ticket, waits until the file named by its argument exists
 * (so a test can attack the host's port first), connects, then answers each String it receives with the
 * string reversed, until the host closes the channel.
 */
public final class GatedChild {
    static final AllowList ALLOW_LIST = AllowList.messagesOf(Set.of());

    private GatedChild() {
    }

    public static void main(String[] args) throws Exception {
        ChildTicket ticket = ChildTicket.readFrom(new FileInputStream(FileDescriptor.in));
        ParentWatch.start(EndThisJvm::parentGone);
        Path gate = Path.of(args[0]);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(gate)) {
            if (System.nanoTime() > deadline) {
                System.exit(3);
            }
            Thread.sleep(10);   // a test program's gate, bounded above
        }
        try (ObjectChannel channel = ChildProcess.connectToHost(ticket, ALLOW_LIST, Duration.ofSeconds(30))) {
            while (true) {
                String text = (String) channel.receive();
                channel.send(new StringBuilder(text).reverse().toString());
            }
        } catch (java.io.EOFException e) {
            System.exit(0);
        }
    }
}
