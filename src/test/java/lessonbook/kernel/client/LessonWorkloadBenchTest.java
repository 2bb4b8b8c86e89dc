package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import lessonbook.format.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import org.junit.jupiter.api.Test;

/** The lesson bench times the lesson's own cells: it finds them in the lesson, and says so when one is gone. */
class LessonWorkloadBenchTest {
    @Test
    void theDefaultLessonHoldsEveryCellTheBenchRuns() throws Exception {
        List<String> cells = LessonWorkloadBench.workloadCells(LessonFiles.read(Path.of("lessons", "multiprocessing.md")));
        assertThat(cells).hasSize(5);
        assertThat(cells.get(0)).contains("import lessonbook.workers.*;");
        assertThat(cells.get(1)).contains("long factorial(long n)", "List<Long> INPUTS");
        assertThat(cells.get(4)).contains("double runPool()");
    }

    @Test
    void aLessonWithoutATimedMethodIsRefusedByName() {
        Notebook lesson = new Notebook(List.of(new CodeCell("a", "import lessonbook.workers.*;"),
                new CodeCell("b", "long factorial(long n) { return n; }")), java.util.Map.of());
        assertThatThrownBy(() -> LessonWorkloadBench.workloadCells(lesson))
                .hasMessageContaining("double runSequentially()");
    }
}
