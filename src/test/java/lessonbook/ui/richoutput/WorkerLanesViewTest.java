package lessonbook.ui.richoutput;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.format.text.OutputBlocks;
import lessonbook.model.Output;
import lessonbook.model.Output.WorkerEvent;
import lessonbook.model.Output.WorkerEvent.Phase;
import lessonbook.model.StreamName;
import lessonbook.testkit.Await;

@ExtendWith(ApplicationExtension.class)
class WorkerLanesViewTest {
    private static final Pattern PID = Pattern.compile("pid (\\d+)");
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 1100, 700));
        stage.show();
    }

    private WorkerLanesView show(FxRobot robot, WorkerLanesView view) {
        robot.interact(() -> root.getChildren().setAll(view));
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }

    /** Hands the view a batch on the FX thread, as the output pane does. */
    private static void feed(FxRobot robot, WorkerLanesView view, List<? extends Output> batch, long arrived) {
        robot.interact(() -> view.accept(batch, arrived));
    }

    /** Ten workers started 40 ms apart on two cores: each gets a fifth of a core, so cpu is far below wall. */
    private static List<WorkerEvent> tenWorkersOnTwoCores(long t0) {
        List<WorkerEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(new WorkerEvent("Worker-" + (i + 1), 50_100 + i, Phase.STARTED, t0 + 40L * i, null, 0));
        }
        for (int i = 0; i < 10; i++) {
            events.add(new WorkerEvent("Worker-" + (i + 1), 50_100 + i, Phase.EXITED, t0 + 2_800 + 20L * i, 0, 560));
        }
        return events;
    }

    /**
     * Lanes made out of sight join the window when their cell is scrolled into view, which may be in the middle of a
     * layout pass: measured before their style is applied, the time axis must still grow to its labels' height
     * once it is, or the lines below the lanes are drawn over the axis's seconds.
     */
    @Test
    void lanesThatJoinTheWindowDuringALayoutPassGrowTheirAxisToItsLabels(FxRobot robot) {
        long t0 = System.currentTimeMillis() - 5_000;
        WorkerLanesView view = new WorkerLanesView();
        robot.interact(() -> view.accept(tenWorkersOnTwoCores(t0), t0));
        Label below = new Label("the cell's output lines");
        javafx.scene.layout.VBox pane = new javafx.scene.layout.VBox(below) {
            private boolean joined;

            @Override
            protected void layoutChildren() {
                if (!joined) {
                    joined = true;
                    getChildren().add(0, view);
                }
                super.layoutChildren();
            }
        };
        robot.interact(() -> root.getChildren().setAll(pane));
        lessonbook.testkit.Fx.awaitPulses(root.getScene(), 3);

        double[] bottoms = lessonbook.testkit.Fx.onFx(() -> {
            Region axis = robot.lookup(".lane-axis").queryAs(Region.class);
            double labels = robot.lookup(".lane-axis-label").queryAllAs(Label.class).stream().filter(Label::isVisible)
                    .mapToDouble(l -> l.localToScene(l.getLayoutBounds()).getMaxY()).max().orElseThrow();
            return new double[] {labels, axis.localToScene(axis.getLayoutBounds()).getMaxY(),
                    below.localToScene(below.getLayoutBounds()).getMinY()};
        });
        assertThat(bottoms[1]).as("the axis's bottom, against its labels'").isGreaterThanOrEqualTo(bottoms[0]);
        assertThat(bottoms[2]).as("the top of what follows the lanes, against the labels' bottom")
                .isGreaterThanOrEqualTo(bottoms[0]);
    }

    @Test
    void tenWorkersShowTenLanesWithDistinctPidsAndTheirSharing(FxRobot robot) {
        WorkerLanesView view = show(robot, new WorkerLanesView());
        long t0 = System.currentTimeMillis() - 5_000;
        feed(robot, view, tenWorkersOnTwoCores(t0), t0);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> names = robot.lookup(".lane-name").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toList());
        Set<String> pids = names.stream().map(n -> {
            Matcher m = PID.matcher(n);
            assertThat(m.find()).as(n).isTrue();
            return m.group(1);
        }).collect(Collectors.toSet());
        assertThat(view.laneCount()).isEqualTo(10);
        assertThat(names).hasSize(10).contains("Worker-1 · pid 50100", "Worker-10 · pid 50109");
        assertThat(pids).hasSize(10);
        assertThat(robot.lookup(".lane-stats").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("cpu 0.6 s / wall 2.8 s");
        assertThat(robot.lookup(".lanes-summary").queryAs(Label.class).getText())
                .contains("10 workers, up to 10 at once").contains("cores busy on average");
        assertThat(robot.lookup(".lane-bar").queryAllAs(Region.class).stream()
                .filter(r -> r.getStyleClass().size() == 1 && inTrack(r)))
                .hasSize(10)
                .allSatisfy(bar -> {
                    assertThat(bar.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("done"));
                    assertThat(bar.getWidth()).isGreaterThan(bar.getParent().getLayoutBounds().getWidth() * 0.8);
                });
        assertThat(view.isAnimating()).isFalse();
    }

    @Test
    void aRunningWorkersBarGrowsUntilItExitsThenStays(FxRobot robot) throws Exception {
        WorkerLanesView view = show(robot, new WorkerLanesView());
        long start = System.currentTimeMillis();
        feed(robot, view, List.of(new WorkerEvent("Worker-1", 777, Phase.STARTED, start, null, 0)), System.currentTimeMillis());
        WaitForAsyncUtils.waitForFxEvents();
        Region bar = view.barOf(777);
        double first = bar.getWidth();

        assertThat(view.isAnimating()).isTrue();
        assertThat(bar.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("running"));
        Await.until("bar.getWidth() > first + 20", Duration.ofSeconds(5), () -> bar.getWidth() > first + 20);

        feed(robot, view, List.of(new WorkerEvent("Worker-1", 777, Phase.EXITED, System.currentTimeMillis(), 0, 90)), System.currentTimeMillis());
        Await.until("!view.isAnimating()", Duration.ofSeconds(5), () -> !view.isAnimating());
        WaitForAsyncUtils.waitForFxEvents();
        double frozen = bar.getWidth();
        for (int pulse = 0; pulse < 5; pulse++) {
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertThat(bar.getWidth()).isEqualTo(frozen);
        assertThat(bar.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("done"));
    }

    @Test
    void aLongWaitTextThatEndedGivesTheBarsTheirRoomBack(FxRobot robot) throws Exception {
        WorkerLanesView view = show(robot, new WorkerLanesView());
        long start = System.currentTimeMillis();
        feed(robot, view, List.of(new WorkerEvent("Worker-1", 778, Phase.STARTED, start, null, 0)), start);
        robot.interact(() -> view.acceptWaits("Worker-1", 778, "its JVM to start", null));
        Region bar = view.barOf(778);
        Region track = (Region) bar.getParent();
        Await.until("the wait shown", Duration.ofSeconds(5), () -> view.laneText(778).startsWith("waiting for its JVM"));
        WaitForAsyncUtils.waitForFxEvents();
        double whileWaiting = track.getWidth();

        robot.interact(() -> view.acceptWaits("Worker-1", 778, null, null));
        Await.until("the track wider again", Duration.ofSeconds(5), () -> track.getWidth() > whileWaiting + 60);

        feed(robot, view, List.of(new WorkerEvent("Worker-1", 778, Phase.EXITED, System.currentTimeMillis(), 0, 90)),
                System.currentTimeMillis());
        Await.until("!view.isAnimating()", Duration.ofSeconds(5), () -> !view.isAnimating());
        assertThat(track.getWidth()).isGreaterThan(whileWaiting + 60);
    }

    @Test
    void freezingStopsTheClockAndSaysTheExitWasNotSeen(FxRobot robot) throws Exception {
        WorkerLanesView view = show(robot, new WorkerLanesView());
        feed(robot, view, List.of(new WorkerEvent("orphan", 31, Phase.STARTED, System.currentTimeMillis() - 1_000, null, 0)), System.currentTimeMillis());
        Await.until("view::isAnimating", Duration.ofSeconds(5), view::isAnimating);

        view.freeze();
        Await.until("!view.isAnimating()", Duration.ofSeconds(5), () -> !view.isAnimating());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.barOf(31).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("unknown"));
        assertThat(robot.lookup(".lane-stats").queryAs(Label.class).getText()).startsWith("no exit seen · wall");
    }

    @Test
    void aRunningWorkersCpuTimeShowsBeforeItExits(FxRobot robot) throws Exception {
        WorkerLanesView view = show(robot, new WorkerLanesView());
        feed(robot, view, List.of(new WorkerEvent("busy", 41, Phase.STARTED, System.currentTimeMillis() - 3_000, null, 0)), System.currentTimeMillis());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".lane-stats").queryAs(Label.class).getText()).startsWith("running · wall");
        assertThat(view.barOf(41).getParent().lookup(".lane-cpu").isVisible()).as("cpu bar before a sample").isFalse();

        view.acceptCpu("busy", 41, 1_400);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".lane-stats").queryAs(Label.class).getText()).startsWith("running · cpu 1.4 s / wall");
        assertThat(view.barOf(41).getParent().lookup(".lane-cpu").isVisible()).as("cpu bar after a sample").isTrue();

        view.acceptCpu("busy", 41, 900);   // an older sample arriving late never makes it go back
        feed(robot, view, List.of(new WorkerEvent("busy", 41, Phase.EXITED, System.currentTimeMillis(), 0, 2_000)), System.currentTimeMillis());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".lane-stats").queryAs(Label.class).getText()).startsWith("cpu 2.0 s / wall");
    }

    @Test
    void failedAndTerminatedWorkersAreColouredAndExplained(FxRobot robot) {
        long t0 = 1_000_000;
        WorkerLanesView view = show(robot, new WorkerLanesView(List.of(
                new WorkerEvent("ok", 1, Phase.STARTED, t0, null, 0),
                new WorkerEvent("boom", 2, Phase.STARTED, t0, null, 0),
                new WorkerEvent("stopped", 3, Phase.STARTED, t0, null, 0),
                new WorkerEvent("killed", 4, Phase.STARTED, t0, null, 0),
                new WorkerEvent("ok", 1, Phase.EXITED, t0 + 1000, 0, 900),
                new WorkerEvent("boom", 2, Phase.EXITED, t0 + 300, 1, 200),
                new WorkerEvent("stopped", 3, Phase.EXITED, t0 + 500, 143, 100),
                new WorkerEvent("killed", 4, Phase.EXITED, t0 + 400, 137, 300))));

        assertThat(view.barOf(1).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("done"));
        assertThat(view.barOf(2).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("failed"));
        assertThat(view.barOf(3).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("terminated"));
        assertThat(view.barOf(4).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("terminated"));
        // a signal in words: a number reads as a crash of the student's code
        assertThat(robot.lookup(".lane-stats").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("cpu 0.9 s / wall 1.0 s", "exit 1 · cpu 0.2 s / wall 0.3 s",
                        "terminated · cpu 0.1 s / wall 0.5 s", "killed · cpu 0.3 s / wall 0.4 s");
    }

    @Test
    void threeHundredWorkersOneAfterAnotherDrawTheFirstLanesAndCountTheRest(FxRobot robot) {
        long t0 = 1_795_000_000_000L;
        List<WorkerEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(new WorkerEvent("Worker-" + (i + 1), 60_000 + i, Phase.STARTED, t0 + 400L * i, null, 0));
            events.add(new WorkerEvent("Worker-" + (i + 1), 60_000 + i, Phase.EXITED, t0 + 400L * i + 300, 0, 250));
        }

        WorkerLanesView view = show(robot, new WorkerLanesView(events));

        assertThat(view.laneCount()).isEqualTo(300);
        assertThat(view.drawnLaneCount()).isEqualTo(WorkerLanesView.MAX_LANES);
        assertThat(robot.from(view).lookup(".lanes-not-drawn").queryAs(Label.class).getText())
                .isEqualTo("… 236 more workers, not drawn: lanes for the first 64");
        assertThat(robot.from(view).lookup(".lanes-summary").queryAs(Label.class).getText()).startsWith("300 workers");
    }

    @Test
    void aReopenedCellShowsItsSavedTimelineFrozen(FxRobot robot) {
        List<WorkerEvent> events = new ArrayList<>(tenWorkersOnTwoCores(1_795_000_000_000L));
        events.removeIf(e -> e.worker().equals("Worker-10") && e.phase() == Phase.EXITED);
        List<WorkerEvent> saved = OutputBlocks.parseWorkers(OutputBlocks.workersBody(events));

        WorkerLanesView view = show(robot, new WorkerLanesView(saved));

        assertThat(view.laneCount()).isEqualTo(10);
        assertThat(view.isAnimating()).isFalse();
        assertThat(view.barOf(50_109).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("unknown"));
        assertThat(robot.lookup(".lane-stats").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("no exit seen · wall 2.6 s");
    }

    @Test
    void outputLinesLeaveMarkersAndAFloodStaysCapped(FxRobot robot) throws Exception {
        WorkerLanesView view = show(robot, new WorkerLanesView());
        long t0 = System.currentTimeMillis() - 2_000;
        feed(robot, view, List.of(new WorkerEvent("chatty", 9, Phase.STARTED, t0, null, 0)), System.currentTimeMillis());
        feed(robot, view, List.of(new Output.WorkerLine("chatty", 9, StreamName.STDOUT, "hello", t0 + 500)), t0);
        for (int batch = 0; batch < 100; batch++) {
            List<Output> lines = new ArrayList<>();
            for (int i = batch * 1000; i < (batch + 1) * 1000; i++) {
                lines.add(new Output.WorkerLine("chatty", 9, StreamName.STDOUT, "line " + i, t0 + 1000 + i / 100));
            }
            feed(robot, view, lines, t0);
        }
        feed(robot, view, List.of(new WorkerEvent("chatty", 9, Phase.EXITED, t0 + 2_000, 0, 1_900)), System.currentTimeMillis());
        Await.until("!view.isAnimating()", Duration.ofSeconds(5), () -> !view.isAnimating());
        WaitForAsyncUtils.waitForFxEvents();

        List<Region> markers = robot.lookup(".lane-marker").queryAllAs(Region.class).stream()
                .filter(Region::isVisible).filter(WorkerLanesViewTest::inTrack)
                .collect(Collectors.toList());
        assertThat(markers).hasSizeBetween(2, WorkerLane.MAX_MARKERS);
        assertThat(markers.stream().mapToDouble(Region::getLayoutX).min().orElseThrow())
                .isLessThan(markers.stream().mapToDouble(Region::getLayoutX).max().orElseThrow());
    }

    @Test
    void aBatchOfTenThousandLinesIsOneUpdateNotOnePerLine(FxRobot robot) {
        WorkerLanesView view = show(robot, new WorkerLanesView());
        long t0 = System.currentTimeMillis();
        feed(robot, view, List.of(new WorkerEvent("chatty", 9, Phase.STARTED, t0, null, 0)), t0);
        List<Output> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            lines.add(new Output.WorkerLine("chatty", 9, StreamName.STDOUT, "line " + i, t0 + i / 10));
        }
        long[] updates = new long[1];
        robot.interact(() -> {
            long before = view.refreshCount();
            view.accept(lines, t0);
            updates[0] = view.refreshCount() - before;
        });

        assertThat(updates[0]).isEqualTo(1);
    }

    /** Drawn in a lane's track (the legend has swatches of the same classes). */
    private static boolean inTrack(Region r) {
        return r.getParent() instanceof FreeLayer && r.getParent().getParent().getStyleClass().contains("lane-track");
    }
}
