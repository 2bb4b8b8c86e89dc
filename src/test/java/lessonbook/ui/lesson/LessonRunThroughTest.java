package lessonbook.ui.lesson;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import lessonbook.testkit.Await;

/**
 * The whole default lesson, run as a teacher runs it before class (Run All, Ctrl+F9), with the real kernel
 * JVM and real worker processes, then checked from what the class sees: the cells, the worker lanes, the
 * tagged lines in the output panes, the closing chart and table.
 */
@ExtendWith(ApplicationExtension.class)
class LessonRunThroughTest {
    private static final Pattern LANE = Pattern.compile("(\\S+) \u00B7 pid (\\d+)");
    private static final Pattern TAGGED = Pattern.compile("\\[(\\S+) (\\d+)\\] (.*)");
    /** Ten workers on two loaded cores, ten JVM starts each for two worker cells: generous, but bounded. */
    private static final long RUN_ALL_SECONDS = 240;

    private LessonOnScreen lesson;

    @Start
    void start(Stage stage) {
        lesson = LessonOnScreen.open(stage, LessonOnScreen.smallLesson());
    }

    @AfterEach
    void closeKernel() {
        lesson.close();
    }

    @Tag("slow")
    @Test
    void runAllRunsEveryCellAndShowsTheWorkersTheChartAndTheTable(FxRobot robot) {
        List<Node> code = lesson.codeCells();
        assertThat(code).hasSizeGreaterThanOrEqualTo(10);
        assertThat(code).noneMatch(LessonOnScreen::hasExecutionCount);

        robot.press(KeyCode.CONTROL, KeyCode.F9).release(KeyCode.F9, KeyCode.CONTROL);
        Await.until("every code cell ran", Duration.ofSeconds(RUN_ALL_SECONDS), 
                () -> lesson.codeCells().stream().allMatch(LessonOnScreen::ranToCompletion));

        everyCellRanWithoutAnError();
        theManualCellShowsTenWorkersInTheirOwnProcesses();
        thePoolCellShowsItsLanesAndTheResultsInInputOrder();
        theChartCellShowsThreeBarsAndTheSpeedupTable();
        theTimedCellSaysWhatItsWorkersCostAndHowBusyTheCoresWere();
    }

    private void everyCellRanWithoutAnError() {
        List<Node> code = lesson.codeCells();
        List<String> counters = code.stream().map(LessonOnScreen::counter).toList();
        for (Node cell : code) {
            assertThat(LessonOnScreen.statusIs(cell, "done"))
                    .as("status of cell %s: %s; output %s", LessonOnScreen.counter(cell),
                            LessonOnScreen.status(cell), LessonOnScreen.outputLines(cell))
                    .isTrue();
            assertThat(LessonOnScreen.status(cell)).startsWith("\u2713");
        }
        // Run All runs top to bottom: In [1] .. In [n], in order.
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= code.size(); i++) {
            expected.add("In [" + i + "]:");
        }
        assertThat(counters).isEqualTo(expected);
    }

    private void theManualCellShowsTenWorkersInTheirOwnProcesses() {
        Node manual = lesson.codeCell("new Worker(() -> factorial(arg))");
        lesson.scrollToAndAwait(manual, "the manual cell's ten lines are drawn, scrolled to",
                () -> LessonOnScreen.workerLines(manual).size() == 10);
        assertThat(LessonOnScreen.laneLabels(manual)).allMatch(l -> l.startsWith("Worker-"));
        Set<Long> lanePids = lanePids(manual);
        assertThat(lanePids).hasSize(10).doesNotContain(lesson.kernel.pid());

        List<String> tagged = LessonOnScreen.workerLines(manual);
        assertThat(tagged).as("tagged worker lines of the manual cell").hasSize(10);
        Set<Long> linePids = new LinkedHashSet<>();
        Set<Long> values = new LinkedHashSet<>();
        for (String line : tagged) {
            Matcher m = TAGGED.matcher(line);
            assertThat(m.matches()).as("a tagged line: %s", line).isTrue();
            linePids.add(Long.parseLong(m.group(2)));
            values.add(Long.parseLong(m.group(3)));
        }
        // Each worker printed its own result, from the process its lane shows.
        assertThat(linePids).isEqualTo(lanePids);
        assertThat(values).containsExactlyInAnyOrderElementsOf(expectedResults());
        assertThat(LessonOnScreen.outputLines(manual)).anyMatch(l -> l.matches("elapsed time = \\d+\\.\\d{3} s"));
    }

    private void thePoolCellShowsItsLanesAndTheResultsInInputOrder() {
        Node pool = lesson.codeCell("results = pool.map(n -> factorial(n), INPUTS)");
        lesson.scrollToAndAwait(pool, "the pool cell's ten lines are drawn, scrolled to",
                () -> LessonOnScreen.workerLines(pool).size() == 10);
        assertThat(LessonOnScreen.laneLabels(pool)).allMatch(l -> l.startsWith("PoolWorker-"));
        Set<Long> lanePids = lanePids(pool);
        assertThat(lanePids).hasSize(10).doesNotContain(lesson.kernel.pid());
        String inOrder = expectedResults().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        assertThat(LessonOnScreen.outputLines(pool)).contains(inOrder);
        assertThat(LessonOnScreen.workerLines(pool)).hasSize(10);
    }

    private void theTimedCellSaysWhatItsWorkersCostAndHowBusyTheCoresWere() {
        Node timed = lesson.codeCell("%%time");
        String whole = ".*time: wall [\\d.]+ m?s · CPU [\\d.]+ m?s: 10 workers [\\d.]+ m?s, kernel [\\d.]+ m?s"
                + " \\(compiling the cell [\\d.]+ m?s\\) · on average [\\d.]+ of \\d+ cores? busy";
        // the line may wrap onto two rows, and the second is drawn once the pane has grown for it: wait for one
        // whole line, read in one look (a second look may land while the rows are being broken anew)
        lesson.scrollToAndAwait(timed, "the %%time cell's one line, whole (" + whole + "), drawn, scrolled to",
                () -> {
                    List<String> lines = LessonOnScreen.outputLines(timed).stream()
                            .filter(l -> l.contains("time: wall")).collect(Collectors.toList());
                    return lines.size() == 1 && lines.get(0).matches(whole);
                });
    }

    private void theChartCellShowsThreeBarsAndTheSpeedupTable() {
        // "What did we gain?": the cell that draws the chart and the speedup table
        Node last = lesson.codeCell("Chart.bar(\"Time for the ten inputs\")");
        lesson.scrollToAndAwait(last, "the chart cell's chart is drawn, scrolled to",
                () -> onFx(() -> last.lookup(".chart-view") != null && LessonOnScreen.shown(last.lookup(".chart-view"))));
        onFx(() -> {
            Node chart = last.lookup(".chart-view");
            assertThat(chart).as("a chart under the chart cell").isNotNull();
            assertThat(chart.lookupAll(".chart-bar").stream().filter(LessonOnScreen::shown)).hasSize(3);
            CategoryAxis categories = (CategoryAxis) chart.lookupAll(".axis").stream()
                    .filter(a -> a instanceof CategoryAxis).findFirst().orElseThrow();
            List<String> labels = categories.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof Text && n.isVisible()).map(n -> ((Text) n).getText()).toList();
            assertThat(labels).containsExactly("sequential", "one worker per input", "pool of 10");
            // Each bar carries its value in seconds, readable at a glance.
            List<String> values = LessonOnScreen.texts(chart, ".chart-bar-value", l -> true);
            assertThat(values).hasSize(3).allMatch(v -> v.matches("\\d+(\\.\\d{1,3})?"));
            // ... with the same number of decimals, so the class compares like with like.
            assertThat(values.stream().map(LessonRunThroughTest::decimals).distinct()).hasSize(1);

            Node table = last.lookup(".table-output");
            assertThat(table).as("a table under the chart cell").isNotNull();
            assertThat(table.localToScene(0, 0).getY()).as("the table sits below the chart")
                    .isGreaterThan(chart.localToScene(0, 0).getY());
            assertThat(LessonOnScreen.text(table, ".table-title")).isEqualTo("Speedup over the sequential run");
            List<String> cells = LessonOnScreen.texts(table, ".label", l -> true);
            assertThat(cells).contains("strategy", "seconds", "speedup", "best possible",
                    "one worker per input", "pool of 10");
            // The numbers of a column line up on their decimal point: as many places after it, digits or blanks
            // as wide as a digit (a figure space, never a zero the number does not have).
            for (int column = 1; column <= 3; column++) {
                List<String> numbers = column(table, column);
                assertThat(numbers).hasSize(2).allMatch(v -> v.matches("\\d+([.\u2008][\\d\u2007]+)?"))
                        .allMatch(v -> v.strip().replace("\u2007", "").replace("\u2008", "").matches("\\d+(\\.\\d+)?"));
                assertThat(numbers.stream().map(LessonRunThroughTest::decimals).distinct())
                        .as("decimals of column %d: %s", column, numbers).hasSize(1);
            }
            return null;
        });
    }

    private static int decimals(String number) {
        int dot = Math.max(number.indexOf('.'), number.indexOf('\u2008'));
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    /** The body cells of one column of a table output, top to bottom. */
    private static List<String> column(Node table, int column) {
        return table.lookupAll(".table-cell").stream()
                .filter(n -> Integer.valueOf(column).equals(javafx.scene.layout.GridPane.getColumnIndex(n)))
                .sorted(java.util.Comparator.comparingInt(javafx.scene.layout.GridPane::getRowIndex))
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).collect(Collectors.toList());
    }

    private static Set<Long> lanePids(Node cell) {
        List<String> labels = LessonOnScreen.laneLabels(cell);
        Set<Long> pids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (String label : labels) {
            Matcher m = LANE.matcher(label);
            assertThat(m.matches()).as("a lane label: %s", label).isTrue();
            names.add(m.group(1));
            pids.add(Long.parseLong(m.group(2)));
        }
        assertThat(pids).as("one lane per worker, each its own process: %s", labels).hasSize(labels.size());
        assertThat(names).hasSize(labels.size());
        return pids;
    }

    /** What factorial(n) returns in the lesson: 1 + n(n+1)/2, for the ten (shrunk) inputs in order. */
    private static List<Long> expectedResults() {
        long base = LessonOnScreen.inputBase();
        return LongStream.range(base, base + 10).map(n -> 1 + n * (n + 1) / 2).boxed().toList();
    }
}
