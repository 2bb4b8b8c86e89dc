package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The runtime's own threads are shared by every cell: they must not carry the cell of whoever happened to start
 * them (the kernel routes a thread's output by an inheritable thread-local). Found in the second lesson: three of
 * four {@code thenAccept} callbacks printed into the lesson's first worker cell, whose worker had started the
 * runtime's thread.
 */
class RuntimeThreadsTest {
    private static final InheritableThreadLocal<String> CELL = new InheritableThreadLocal<>();

    @Test
    void aRuntimeThreadStartedFromACellDoesNotInheritItsCell() throws Exception {
        CELL.set("cell-1");
        try {
            CompletableFuture<String> seen = new CompletableFuture<>();
            Thread t = WorkerRuntime.runtimeThread(() -> seen.complete(String.valueOf(CELL.get())), "probe");
            t.start();
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("null");

            String onPool = CompletableFuture.supplyAsync(() -> String.valueOf(CELL.get()), WorkerRuntime.background)
                    .get(10, TimeUnit.SECONDS);
            assertThat(onPool).isEqualTo("null");
        } finally {
            CELL.remove();
        }
    }
}
