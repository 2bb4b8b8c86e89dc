package lessonbook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.testkit.TestJvm;

/** A real child JVM and strangers on its host's port: each is dropped, the child still connects and works. */
class ChildProcessTest {
    private static final Duration CONNECT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private ChildProcess startGated(Path gate) throws Exception {
        ProcessBuilder command = TestJvm.running(List.of("-XX:+UseSerialGC"), GatedChild.class, gate.toString());
        command.redirectError(ProcessBuilder.Redirect.INHERIT);
        return ChildProcess.start(command, CONNECT, GatedChild.ALLOW_LIST, "test-accept");
    }

    @Test
    void strangersAreDroppedUnansweredAndTheRealChildStillConnects() throws Exception {
        Path gate = temp.resolve("gate");
        ChildProcess child = startGated(gate);
        try (Strangers strangers = Strangers.attack(child.port())) {
            long heapBefore = usedHeapAfterGc();
            assertThat(strangers.allDroppedUnanswered(Duration.ofSeconds(15))).isTrue();
            assertThat(child.rejectedConnections()).isEqualTo(4);
            assertThat(child.connected()).isNotDone();   // the host did not give up on its child

            Files.createFile(gate);
            ObjectChannel channel = child.connected().get(CONNECT.toSeconds(), TimeUnit.SECONDS);
            channel.send("lessonbook");
            assertThat(channel.receive()).isEqualTo("koobnossel");
            // the 27-byte array announcement grew the kernel by 2 GB before; now it is never read past its greeting
            assertThat(usedHeapAfterGc() - heapBefore).isLessThan(64L << 20);
            channel.close();
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.process().destroyForcibly();
        }
    }

    @Test
    void moreSilentStrangersThanTheHostGreetsAtOnceOnlyDelayTheRealChild() throws Exception {
        Path gate = temp.resolve("gate");
        ChildProcess child = startGated(gate);
        List<java.net.Socket> silent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < ChildProcess.MAX_GREETINGS + 4; i++) {
                silent.add(new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), child.port()));
            }
            Files.createFile(gate);   // the child connects while the greeters are busy with strangers
            ObjectChannel channel = child.connected().get(CONNECT.toSeconds(), TimeUnit.SECONDS);
            channel.send("abc");
            assertThat(channel.receive()).isEqualTo("cba");
            assertThat(child.rejectedConnections()).isGreaterThanOrEqualTo(ChildProcess.MAX_GREETINGS + 4);
            channel.close();
        } finally {
            for (java.net.Socket socket : silent) {
                socket.close();
            }
            child.process().destroyForcibly();
        }
    }

    @Test
    void theSecretIsNeitherOnTheCommandLineNorInTheEnvironment() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc (Linux)");
        ChildProcess child = startGated(temp.resolve("never"));
        try {
            Strangers.assertNoSecretExposed(child.process().pid());
            // Read from /proc: ProcessHandle.Info gives no arguments for a command line over 4 KB, as a test class
            // path makes it.
            Path cmdline = Path.of("/proc", Long.toString(child.process().pid()), "cmdline");
            List<String> args = List.of(Files.readString(cmdline).split("\0"));
            assertThat(args.get(args.size() - 1)).isEqualTo(temp.resolve("never").toString());
        } finally {
            child.process().destroyForcibly();
        }
    }

    @Test
    void aChildWhoseHostIsGoneEndsAtOnce() throws Exception {
        ChildProcess child = startGated(temp.resolve("never"));
        child.process().getOutputStream().close();   // as the host's death closes it
        assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> child.connected().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                ChildProcess.NeverConnected.class).hasMessageContaining("exited before it connected");
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
