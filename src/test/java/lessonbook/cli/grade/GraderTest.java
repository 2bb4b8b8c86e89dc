package lessonbook.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.LessonFiles;
import lessonbook.kernel.client.Kernel;
import lessonbook.model.Notebook;
import lessonbook.model.StudentVersion;

/**
 * Grading real submissions with real kernels: right, wrong (with the student's own checks loosened), looping,
 * exiting, flooding, not compiling, the untouched student copy, and a file that is no lesson. Each gets its rows, the
 * grading goes on past the bad ones, and no kernel or child of one is left running.
 */
class GraderTest {
    @TempDir
    Path dir;

    @Tag("slow")
    @Test
    void eachSubmissionGetsItsRowsAndNoProcessIsLeftBehind() throws Exception {
        String lesson = resource("/exercises/two-exercises.md");
        Path teacher = write("teacher.md", lesson);
        List<Path> submissions = List.of(
                write("right.md", lesson),
                write("wrong.md", lesson.replace("return 2 * x;", "return x + 2;")
                        .replace("Check.that(\"twice(0) is 0\", twice(0) == 0);", "Check.that(\"mine\", true);")
                        .replace("Check.equal(\"twice(21)\", 42, twice(21));", "")),
                write("looping.md", lesson.replace("return 2 * x;", "while (true) { }")),
                write("exiting.md", lesson.replace("return 2 * x;", "System.exit(3); return 0;")),
                write("flooding.md", lesson.replace("return 2 * x;",
                        "for (long i = 0; ; i++) System.out.println(\"flood \" + i);")),
                write("broken.md", lesson.replace("return 2 * x;", "return \"x\";")),
                write("untouched.md", ""),
                write("notalesson.ipynb", "{ not json"));
        LessonFiles.write(dir.resolve("untouched.md"), StudentVersion.of(LessonFiles.read(teacher)));
        Set<Long> before = descendants();
        List<Long> kernelPids = new ArrayList<>();

        // the kernels lessonbook grade starts (C1 only, no warm-up): the hostile submissions meet those
        java.util.function.Supplier<Kernel> kernels = GradingKernels.fresh();
        List<GradeRow> rows = new Grader(LessonFiles.read(teacher), () -> {
            Kernel kernel = kernels.get();
            synchronized (kernelPids) {
                kernelPids.add(kernel.pid());
            }
            return kernel;
        }, Duration.ofSeconds(10), 2).grade(submissions);

        assertThat(rows).extracting(r -> r.student() + " " + r.exercise() + " " + r.passed() + " " + r.points())
                .containsExactly(
                        "right exercise-1 true 2", "right factorial true 1",
                        "wrong exercise-1 false 0", "wrong factorial true 1",
                        "looping exercise-1 false 0", "looping factorial true 1",
                        "exiting exercise-1 false 0", "exiting factorial true 1",
                        "flooding exercise-1 false 0", "flooding factorial true 1",
                        "broken exercise-1 false 0", "broken factorial true 1",
                        "untouched exercise-1 false 0", "untouched factorial false 0",
                        "notalesson exercise-1 false 0", "notalesson factorial false 0");
        assertThat(rows.get(0).message()).isEqualTo("2 of 2 checks passed");
        assertThat(rows.get(2).message()).isEqualTo("[failed] twice(21): expected 42 but was 23 (and 1 more failed)");
        assertThat(rows.get(4).message()).contains("ran longer than 10 s");
        assertThat(rows.get(6).message()).contains("System.exit(3)");
        assertThat(rows.get(8).message()).contains("ran longer than 10 s");
        assertThat(rows.get(10).message()).startsWith("does not compile: line 3: incompatible types");
        assertThat(rows.get(12).message()).contains("UnsupportedOperationException: exercise not done yet");
        assertThat(rows.get(14).message()).startsWith("could not be read:");
        assertThat(kernelPids).hasSize(7).allMatch(pid -> pid > 0);
        for (ProcessHandle left : ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid())).toList()) {
            left.onExit().get(20, TimeUnit.SECONDS);
        }
        assertThat(kernelPids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(descendants()).isSubsetOf(before);
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = GraderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
