package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default lesson as its teacher runs it headless, solutions in: every exercise's checks pass. The one check
 * that compares two timings (the speedup a student predicts) is reported but not held to, as timings on a loaded
 * test machine with the shrunk inputs say nothing; `run` on the real lesson shows it passing (see the lesson).
 */
class BundledLessonExercisesTest {
    private static final String TIMING_CHECK = "the prediction is within 35 % of the measured speedup";

    @TempDir
    Path dir;

    @Tag("slow")
    @Test
    void everyExerciseCheckPassesWithTheTeachersSolutions() throws Exception {
        String lesson = Files.readString(Path.of("lessons", "multiprocessing.md"), StandardCharsets.UTF_8);
        // smaller sums, as the window's run-through test does: the checks test results, not speed
        String small = lesson.replace("1_000_000_000L", "20_000_000L").replace("2_000_000_000L", "200_000_000L");
        assertThat(small).isNotEqualTo(lesson);
        Path file = Files.writeString(dir.resolve("multiprocessing.md"), small, StandardCharsets.UTF_8);

        LessonbookCli.Run run = LessonbookCli.runQuickly(dir, "run", "--cell-timeout", "120", file.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> checks = Arrays.stream(run.stdout().split("\n"))
                .filter(l -> l.startsWith("[passed]") || l.startsWith("[failed]")).toList();
        assertThat(checks).as(run.stdout()).contains("[passed] realFactorial(0): 1", "[passed] realFactorial(5): 120",
                "[passed] realFactorial(25): 15511210043330985984000000",
                "[passed] factorialsInAPool([3, 10, 1, 30]): [6, 3628800, 1, 265252859812191058636308480000000]",
                "[passed] each pool took time to do the work");
        assertThat(checks).anyMatch(l -> l.endsWith(TIMING_CHECK));
        assertThat(checks.stream().filter(l -> !l.endsWith(TIMING_CHECK))).allMatch(l -> l.startsWith("[passed]"));
    }
}
