package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/**
 * The second lesson, unchanged, as its teacher runs it headless with {@code --cell-timeout 60}: every cell runs,
 * and what each cell is there to show is in its output, read as a student reads it. Timings and the order in
 * which workers finish are not held to (a loaded test machine says nothing about them); values, counts and who
 * did what are.
 */
class SecondLessonRunTest {
    private static final Path LESSON = Path.of("lessons", "processes-that-talk.md");

    @TempDir
    Path dir;

    @Tag("slow")
    @Test
    void everyCellRunsAndShowsWhatItTeaches() throws Exception {
        Path saved = dir.resolve("saved.md");

        LessonbookCli.Run run = LessonbookCli.run(dir, "run", "--cell-timeout", "60", "--output", saved.toString(),
                LESSON.toAbsolutePath().toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String out = run.stdout();
        List<String> lines = Arrays.asList(out.split("\n"));

        // results back through a queue: each input once, its right value, four different processes
        Pattern result = Pattern.compile("Worker-\\d+ \\(pid (\\d+)\\): factorial\\((\\d+)\\) = (\\d+)");
        Set<Long> inputs = new HashSet<>();
        Set<String> pids = new HashSet<>();
        for (String line : lines) {
            Matcher m = result.matcher(line);
            if (m.matches()) {
                long n = Long.parseLong(m.group(2));
                assertThat(Long.parseLong(m.group(3))).as(line).isEqualTo(n * (n + 1) / 2 + 1);
                inputs.add(n);
                pids.add(m.group(1));
            }
        }
        assertThat(inputs).as(out).containsExactlyInAnyOrder(2_000_000_000L, 250_000_000L, 1_000_000_000L,
                500_000_000L);
        assertThat(pids).hasSize(4).doesNotContain(String.valueOf(ProcessHandle.current().pid()));

        // producers and consumers: every job done exactly once, by a consumer
        List<Integer> jobs = lines.stream().filter(l -> l.matches("consumer-[01] did job \\d+: \\d+"))
                .map(l -> Integer.parseInt(l.replaceAll(".* did job (\\d+):.*", "$1"))).sorted().toList();
        assertThat(jobs).as(out).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        // the race loses updates without the lock, and none with it
        Matcher lost = Pattern.compile("expected 800000, got (\\d+): (\\d+) updates lost").matcher(out);
        assertThat(lost.find()).as(out).isTrue();
        assertThat(Long.parseLong(lost.group(2))).isPositive().isEqualTo(800000 - Long.parseLong(lost.group(1)));
        assertThat(out).contains("expected 800000, got 800000\n");

        assertThat(out).contains("ball at 2001 after 1000 round trips")
                .containsPattern("lock #\\d+ is held by process \\d+, which has died holding it")
                .contains("apply: 49\n")
                .contains("callback got 1\n", "callback got 4\n", "callback got 9\n", "callback got 16\n")
                .contains("[6, 20]\n[abab, ccc]\n");

        // the exercises' checks all pass with the teacher's solutions
        List<String> checks = lines.stream().filter(l -> l.startsWith("[passed]") || l.startsWith("[failed]")).toList();
        assertThat(checks).as(out).hasSize(6).allMatch(l -> l.startsWith("[passed]"));

        // what was written is read back: every code cell that printed keeps its output
        Notebook original = LessonFiles.read(LESSON);
        Notebook reopened = LessonFiles.read(saved);
        assertThat(reopened.codeCells()).hasSameSizeAs(original.codeCells());
        Set<Integer> withOutput = reopened.codeCells().stream().filter(c -> !c.outputText().isBlank())
                .map(reopened.codeCells()::indexOf).collect(Collectors.toSet());
        assertThat(withOutput).as("code cells with output").hasSizeGreaterThanOrEqualTo(original.codeCells().size() - 1);
        CodeCell queueCell = reopened.codeCells().get(2);
        assertThat(queueCell.outputText()).contains("factorial(250000000) = 31250000125000001");
    }

    /**
     * The race exercise's checks catch the race: the lesson's own check cell, run on a solution whose counter is
     * not locked (the lesson's racy loop, its workers started together), fails with the count it lost.
     */
    @Tag("slow")
    @Test
    void theRaceExercisesChecksFailASolutionWithoutTheLock() throws Exception {
        String text = Files.readString(LESSON);
        int exercise = text.indexOf("```java exercise id=fix-the-race");
        int checkStart = text.indexOf("```java check", exercise);
        String check = text.substring(checkStart, text.indexOf("```\n", checkStart + 3) + 4);
        assertThat(check).contains("lockedCount(4, 200_000)");
        String racy = """
                ```java
                import lessonbook.workers.*;
                ```

                ```java exercise id=fix-the-race
                long lockedCount(int workers, int rounds) {
                    var counter = new SharedLong();
                    var together = new WorkerBarrier(workers);
                    List<Worker> team = new ArrayList<>();
                    for (int w = 0; w < workers; w++) {
                        team.add(new Worker(() -> {
                            together.await();
                            for (int i = 0; i < rounds; i++) counter.set(counter.get() + 1);
                        }));
                    }
                    team.forEach(Worker::start);
                    team.forEach(Worker::join);
                    return counter.get();
                }
                ```

                """ + check;
        Path file = Files.writeString(dir.resolve("racy.md"), racy);

        LessonbookCli.Run run = LessonbookCli.run(dir, "run", "--cell-timeout", "60", "--allow-errors", file.toString());

        assertThat(run.stdout()).as(run.stderr())
                .containsPattern("\\[failed\\] lockedCount\\(4, 200000\\): expected 800000 but was [0-9]+");
    }
}
