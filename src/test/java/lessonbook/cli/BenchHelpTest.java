package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lessonbook bench --help} as a user runs it: the bench is found although the product does not import it. */
class BenchHelpTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEverySuiteByNameWithOneLineEach() throws Exception {
        LessonbookCli.Run run = LessonbookCli.run(dir, "bench", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Run only these suites (comma-separated): kernel, ui, app,")
                .contains("workers, ipc, lesson, flood, grade.");
        for (String suite : new String[] {"kernel", "ui", "app", "workers", "ipc", "lesson", "flood", "grade"}) {
            assertThat(run.stdout().lines()).as("a line for suite %s", suite)
                    .anyMatch(line -> line.matches("  " + suite + " +\\S.*"));
        }
        assertThat(run.stdout()).doesNotContain("suites: .");
    }

    @Test
    void anUnknownSuiteNamesTheOnesThatExist() throws Exception {
        LessonbookCli.Run run = LessonbookCli.run(dir, "bench", "--only", "flod");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no suite named flod; the suites are kernel, ui, app, workers, ipc, lesson, flood, grade");
        assertThat(run.stdout()).isEmpty();
    }
}
