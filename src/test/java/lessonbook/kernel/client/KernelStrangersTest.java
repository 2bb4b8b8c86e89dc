package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.kernel.client.faults.GatedKernelMain;
import lessonbook.process.Strangers;
import lessonbook.testkit.Await;

/**
 * Another user on the machine against the kernel, as the issue measured it: the kernel's secret was on its
 * command line (then anyone could play the kernel and forge a run's output), and a 27-byte payload sent to the
 * port grew the host by 2 GB, and a wrong first connection made the host give up on its kernel.
 */
class KernelStrangersTest {
    @TempDir
    Path temp;

    @Tag("slow")
    @Test
    void strangersOnTheKernelsPortAreDroppedAndTheKernelStillRunsCells() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc (Linux)");
        Path gate = temp.resolve("gate");
        List<String> options = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        options.add("-Dlessonbook.test.gate=" + gate);
        Set<Integer> before = Strangers.listeningPortsOfThisJvm();
        try (KernelHarness h = new KernelHarness(KernelLauncher.standard().withClassDataCache(null)
                .withMainClass(GatedKernelMain.class.getName()).withJvmOptions(options))) {
            Set<Integer> ports = new HashSet<>();
            Await.until("the kernel's port", Duration.ofSeconds(30), () -> {
                try {
                    ports.addAll(Strangers.listeningPortsOfThisJvm());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                ports.removeAll(before);
                return !ports.isEmpty();
            });
            long heapBefore = usedHeapAfterGc();
            List<Strangers> attacks = new ArrayList<>();
            for (int port : ports) {
                attacks.add(Strangers.attack(port));
            }
            for (Strangers strangers : attacks) {
                assertThat(strangers.allDroppedUnanswered(Duration.ofSeconds(15))).isTrue();
                strangers.close();
            }
            assertThat(usedHeapAfterGc() - heapBefore).isLessThan(64L << 20);

            Files.createFile(gate);
            KernelHarness.Ran ran = h.run("System.out.println(6 * 7);");
            assertThat(ran.run().ok()).isTrue();
            assertThat(ran.stdout()).isEqualTo("42\n");
            assertThat(h.kernel.rejectedConnections()).isGreaterThanOrEqualTo(4);
            Strangers.assertNoSecretExposed(h.kernel.pid());
        }
    }

    @Test
    void neitherTheKernelsNorItsWorkersSecretIsOnACommandLine() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc (Linux)");
        try (KernelHarness h = new KernelHarness()) {
            KernelHarness.Ran ran = h.run("import lessonbook.workers.*;\n"
                    + "var w = new Worker(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } });\n"
                    + "w.start();\nSystem.out.println(w.pid());");
            assertThat(ran.run().ok()).as("%s", ran.outputs()).isTrue();
            Strangers.assertNoSecretExposed(h.kernel.pid());
            Strangers.assertNoSecretExposed(Long.parseLong(ran.stdout().strip()));
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
