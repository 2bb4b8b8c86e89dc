package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A kernel asked for before its window's first frame starts its process only when told: until then there is no
 * kernel process, cells queue, and a close in between leaves nothing behind.
 */
class KernelDeferredStartTest {

    @Test
    void noProcessUntilToldThenQueuedCellsRun() throws Exception {
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        JvmKernel kernel = JvmKernel.startWhen(KernelLauncher.standard(), firstFrame);
        try {
            CompletableFuture<CellRun> run = kernel.execute("c1", "System.out.println(6 * 7);");
            assertThat(kernel.pid()).as("no kernel process yet").isEqualTo(-1);
            assertThat(kernel.status()).isEqualTo(KernelStatus.STARTING);
            assertThat(run).isNotDone();

            firstFrame.complete(null);
            assertThat(run.get(60, TimeUnit.SECONDS).ok()).isTrue();
            assertThat(ProcessHandle.of(kernel.pid())).isPresent();
        } finally {
            kernel.close();
        }
    }

    @Test
    void notNeededItStartsNoProcessAnswersQueriesAtOnceAndStartsForACell() throws Exception {
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        JvmKernel kernel = JvmKernel.startWhen(KernelLauncher.standard(), firstFrame);
        try {
            kernel.setNeeded(false);   // a window showing a notebook in another language
            firstFrame.complete(null);
            assertThat(kernel.pid()).as("no kernel process while not needed").isEqualTo(-1);
            assertThat(kernel.complete("Sys", 3)).isCompletedExceptionally();
            assertThat(kernel.variables()).isCompletedExceptionally();

            CompletableFuture<CellRun> run = kernel.execute("c1", "System.out.println(6 * 7);");
            assertThat(run.get(60, TimeUnit.SECONDS).ok()).isTrue();
            assertThat(ProcessHandle.of(kernel.pid())).isPresent();
            assertThat(kernel.variables().get(60, TimeUnit.SECONDS)).isNotNull();
        } finally {
            kernel.close();
        }
    }

    @Test
    void closedBeforeItsTurnItNeverStartsAProcess() throws Exception {
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        JvmKernel kernel = JvmKernel.startWhen(KernelLauncher.standard(), firstFrame);
        kernel.close();
        firstFrame.complete(null);
        assertThat(kernel.pid()).isEqualTo(-1);
        assertThat(ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("lessonbook.kernel.jvm.KernelMain")))
                .as("no kernel JVM started").isEmpty();
    }
}
