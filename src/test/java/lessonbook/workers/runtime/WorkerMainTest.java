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

/** What a spare worker does while it is idle, so that its task starts sooner. */
class WorkerMainTest {
    @Test
    void theTaskTypesItLoadsAheadAreTheApisSerializableFunctionalTypes() throws ClassNotFoundException {
        for (String name : WorkerMain.TASK_TYPES) {
            Class<?> type = Class.forName(name);
            assertTrue(type.isInterface() && Serializable.class.isAssignableFrom(type), name);
            assertEquals("lessonbook.workers", type.getPackageName(), name);
        }
    }

    @Test
    void itDefinesAClassThroughANotebookLoaderAndLeavesItsFolderAsItFoundIt(@TempDir Path folder) throws IOException {
        assertTrue(WorkerMain.defineACopy(folder, List.of()));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
