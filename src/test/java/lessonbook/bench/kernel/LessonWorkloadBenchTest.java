package lessonbook.bench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import lessonbook.format.LessonFiles;
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
    void aLessonWithoutATimedMethodIsRefusedByName() {
        Notebook lesson = new Notebook(List.of(new CodeCell("a", "import lessonbook.workers.*;"),
                new CodeCell("b", "long factorial(long n) { return n; }")), Map.of());
        assertThatThrownBy(() -> LessonWorkloadBench.workloadCells(lesson))
                .hasMessageContaining("double runSequentially()");
    }
}
