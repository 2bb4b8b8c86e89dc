package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import lessonbook.kernel.protocol.KernelFolders;
import lessonbook.testkit.Await;
import lessonbook.testkit.KernelHarness;

/**
 * The folder of a kernel's compiled cell classes does not outlive the kernel, however it ends: every kernel a
 * class restarts or kills used to leave one in the temp folder, thousands over a term.
 */
class KernelClassFolderTest {
    private static final Duration T = Duration.ofSeconds(30);

    @Test
    void aClosedKernelsFolderIsGoneWhenCloseReturns() throws Exception {
        Path folder;
        try (KernelHarness h = new KernelHarness()) {
            assertThat(h.run("class Shape {}").run().ok()).isTrue();
            folder = folderOf(h.kernel.pid());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            try (Stream<Path> files = Files.walk(folder)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".class"));
            }
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void aKernelKilledFromOutsideLeavesAFolderThatItsSuccessorRemoves() throws Exception {
        try (KernelHarness h = new KernelHarness()) {
            assertThat(h.run("class Shape {}").run().ok()).isTrue();
            long pid = h.kernel.pid();
            Path folder = folderOf(pid);
            new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor();
            KernelHarness.awaitGone(pid, T);

            Await.until("a successor kernel", T, () -> h.kernel.pid() != pid && h.run("1 + 1").run().ok());
            Await.until("the killed kernel's class folder removed", T, () -> !Files.exists(folder));
            assertThat(folderOf(h.kernel.pid())).isDirectory();
        }
    }

    private static Path folderOf(long pid) throws IOException {
        try (Stream<Path> list = Files.list(KernelFolders.CLASSES.root())) {
            List<Path> found = list.filter(p -> p.getFileName().toString().startsWith(pid + "-")).toList();
            assertThat(found).as("class folders of kernel %d", pid).hasSize(1);
            return found.get(0);
        }
    }
}
