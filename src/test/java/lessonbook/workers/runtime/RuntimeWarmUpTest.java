package lessonbook.workers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The runtime's warm-up runs its paths with empty values: it may run beside a cell, so it must leave no trace. */
class RuntimeWarmUpTest {
    @Test
    void theHostSideStartsNoWorkerAndKeepsNoSpare() throws Exception {
        List<Long> before = WorkerRuntime.livePids();
        WorkerRuntime.SpareCount sparesBefore = WorkerRuntime.spareCount();
        RuntimeWarmUp.hostSide();
        assertEquals(before, WorkerRuntime.livePids());
        assertEquals(sparesBefore, WorkerRuntime.spareCount());
    }

    @Test
    void itsCodecsRoundTripEveryKindOfMessage() throws Exception {
        // throws if a message can no longer be framed and read back, or a record's payload read back
        RuntimeWarmUp.codecs(RuntimeWarmUpTest.class.getClassLoader());
    }
}
