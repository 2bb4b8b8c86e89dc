package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lessonbook.testkit.KernelHarness;

/** JVM options given to the app for its kernel reach the kernel's JVM, after the defaults so that they win. */
class KernelJvmOptionsTest {

    @AfterEach
    void clear() {
        System.clearProperty(KernelLauncher.EXTRA_OPTIONS_PROPERTY);
    }

    @Test
    void theKernelRunsWithTheHeapTheUserAskedFor() {
        System.setProperty(KernelLauncher.EXTRA_OPTIONS_PROPERTY, " -Xmx96m  -Dlessonbook.test.flag=on ");
        assertThat(KernelLauncher.standard().command()).containsSubsequence("-XX:+UseSerialGC", "-Xmx96m",
                "-Dlessonbook.test.flag=on");
        try (KernelHarness h = new KernelHarness(KernelLauncher.standard())) {
            KernelHarness.Ran ran = h.run("System.out.println(Runtime.getRuntime().maxMemory() / (1 << 20) + \" \" "
                    + "+ System.getProperty(\"lessonbook.test.flag\"));");
            String[] seen = ran.stdout().strip().split(" ");
            assertThat(Long.parseLong(seen[0])).isBetween(80L, 96L);
            assertThat(seen[1]).isEqualTo("on");
        }
    }
}
