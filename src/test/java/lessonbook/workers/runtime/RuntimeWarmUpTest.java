package lessonbook.workers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a spare worker does while it is idle, and what a kernel does while it waits for cells, so that a task starts
 * sooner: both may run beside a cell, so they must leave no trace.
 */
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

    @Test
    void theTaskTypesASpareLoadsAheadAreTheApisSerializableFunctionalTypes() throws ClassNotFoundException {
        for (String name : RuntimeWarmUp.TASK_TYPES) {
            Class<?> type = Class.forName(name);
            assertTrue(type.isInterface() && Serializable.class.isAssignableFrom(type), name);
            assertEquals("lessonbook.workers", type.getPackageName(), name);
        }
    }

    @Test
    void aSpareDefinesAClassThroughANotebookLoaderAndLeavesItsFolderAsItFoundIt(@TempDir Path folder)
            throws IOException {
        assertTrue(RuntimeWarmUp.defineACopy(folder, List.of()));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
