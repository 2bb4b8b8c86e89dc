package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Worker settings given to the app (`-Dlessonbook.workers.xmx=...`) reach the kernel, which starts the workers. */
class KernelWorkerSettingsTest {

    @Test
    void lessonbookWorkersPropertiesOfTheAppArePassedToTheKernel() {
        System.setProperty("lessonbook.workers.xmx", "300m");
        try (KernelHarness h = new KernelHarness()) {
            KernelHarness.Ran ran = h.run("System.out.println(System.getProperty(\"lessonbook.workers.xmx\"));");
            assertThat(ran.run().ok()).isTrue();
            assertThat(ran.stdout().strip()).isEqualTo("300m");
        } finally {
            System.clearProperty("lessonbook.workers.xmx");
        }
    }
}
