package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker heap a teacher sets ({@code -Dlessonbook.workers.xmx}) read as bytes, and what variables may take of it. */
class WorkerHeapTest {

    @AfterEach
    void forget() {
        System.clearProperty("lessonbook.workers.xmx");
    }

    @Test
    void theHeapInEachOfItsFormsAndTheCopyBudgetAQuarterOfIt() {
        assertThat(WorkerJvmOptions.heapBytes()).isEqualTo(256L << 20);
        assertThat(Variables.copyBudget()).isEqualTo(64L << 20);
        System.setProperty("lessonbook.workers.xmx", "1G");
        assertThat(WorkerJvmOptions.heapBytes()).isEqualTo(1L << 30);
        System.setProperty("lessonbook.workers.xmx", "524288k");
        assertThat(WorkerJvmOptions.heapBytes()).isEqualTo(512L << 20);
        System.setProperty("lessonbook.workers.xmx", "300000000");
        assertThat(WorkerJvmOptions.heapBytes()).isEqualTo(300_000_000L);
        System.setProperty("lessonbook.workers.xmx", "lots");
        assertThat(WorkerJvmOptions.heapBytes()).isEqualTo(256L << 20);
    }
}
