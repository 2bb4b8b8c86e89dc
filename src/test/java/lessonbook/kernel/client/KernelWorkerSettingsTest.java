package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import lessonbook.model.Output;
import org.junit.jupiter.api.Test;

/** Worker settings given to the app (`-Dlessonbook.workers.xmx=...`) reach the kernel, which starts the workers. */
class KernelWorkerSettingsTest {

    @Test
    void lessonbookWorkersPropertiesOfTheAppArePassedToTheKernel() throws Exception {
        System.setProperty("lessonbook.workers.xmx", "300m");
        StringBuilder printed = new StringBuilder();
        try (JvmKernel kernel = JvmKernel.start()) {
            kernel.addListener(new KernelListener() {
                @Override
                public void onOutput(String cellId, Output output) {
                    if (output instanceof Output.Stream s) {
                        synchronized (printed) {
                            printed.append(s.text());
                        }
                    }
                }
            });
            CellRun run = kernel.execute("c1", "System.out.println(System.getProperty(\"lessonbook.workers.xmx\"));")
                    .get(60, TimeUnit.SECONDS);
            assertThat(run.ok()).isTrue();
        } finally {
            System.clearProperty("lessonbook.workers.xmx");
        }
        synchronized (printed) {
            assertThat(printed.toString().strip()).isEqualTo("300m");
        }
    }
}
