package lessonbook.kernel.client.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import lessonbook.kernel.jvm.KernelMain;

/**
 * The real kernel, which first waits until the file named by {@code -Dlessonbook.test.gate} exists, so that a
 * test can play strangers on the host's port before the kernel connects.
 */
public final class GatedKernelMain {
    public static void main(String[] args) throws Exception {
        Path gate = Path.of(System.getProperty("lessonbook.test.gate"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(gate) && System.nanoTime() < deadline) {
            Thread.sleep(10);   // a test program's gate, bounded above
        }
        KernelMain.main(args);
    }
}
