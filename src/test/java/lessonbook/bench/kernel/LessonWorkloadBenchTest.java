package lessonbook.bench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import lessonbook.format.files.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import org.junit.jupiter.api.Test;

/** The lesson bench times the lesson's own cells: it finds them in the lesson, and says so when one is gone. */
class LessonWorkloadBenchTest {
    @Test
    void findsEveryDefinitionItTimesInTheShippedLessonInLessonOrder() throws Exception {
        Notebook lesson = LessonFiles.read(Path.of("lessons", "multiprocessing.md"));
        List<String> cells = LessonWorkloadBench.workloadCells(lesson);
        for (String definition : LessonWorkloadBench.DEFINITIONS) {
            assertThat(cells).as("a cell defining %s", definition).anyMatch(c -> c.contains(definition));
        }
        List<String> lessonOrder = lesson.codeCells().stream().map(CodeCell::source).filter(cells::contains).toList();
        assertThat(cells).isEqualTo(lessonOrder);
    }

    @Test
    void theWorkersOnlySpeedupSharesTheirCpuTimeOutOverTheCores() {
        // the lesson's quiet rounds on 2 cores: 2.87 s sequential, ten workers of ~0.30 s of CPU each
        assertThat(LessonWorkloadBench.workersOnly(2.87, 3.0, 2)).isCloseTo(1.913, within(0.001));
        // one core: the workers' CPU time is the run's length, and the sequential run's equal work is the bound
        assertThat(LessonWorkloadBench.workersOnly(3.0, 3.0, 1)).isEqualTo(1.0);
    }

    @Test
    void aLessonWithoutATimedMethodIsRefusedByName() {
        Notebook lesson = new Notebook(List.of(new CodeCell("a", "import lessonbook.workers.*;"),
                new CodeCell("b", "long factorial(long n) { return n; }")), Map.of());
        assertThatThrownBy(() -> LessonWorkloadBench.workloadCells(lesson))
                .hasMessageContaining("double runSequentially()");
    }
}
