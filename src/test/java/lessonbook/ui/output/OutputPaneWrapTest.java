package lessonbook.ui.output;

import static lessonbook.ui.output.SampleOutput.out;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.testkit.Await;

/**
 * A long output line, as a student meets it in a pane of the app's width and style: wrapped to the pane, every
 * character on screen, the pane taller for it; and the pane's other promises kept with wrapping on.
 */
@ExtendWith(ApplicationExtension.class)
class OutputPaneWrapTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LONG_FRAME = "at java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run"
            + "(ThreadPoolExecutor.java:635) in lessonbook.workers.WorkerMain.runTask(WorkerMain.java:118) "
            + "while mapping the tenth input of the pool";

    private OutputPane pane;
    private VBox root;
    private Stage stage;
    private final DoubleProperty fontSize = new SimpleDoubleProperty(14);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        pane = new OutputPane(fontSize);
        root = new VBox(pane);
        root.setStyle("-fx-font-size: 14px;");
        // The pane is held to 420 px inside a wider window: widening it needs no window resize.
        pane.setMaxWidth(420);
        Scene scene = new Scene(root, 1000, 700);
        scene.getStylesheets().addAll(css("lessonbook.css"), css("light.css"));
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    private static String css(String name) {
        return OutputPaneWrapTest.class.getResource("/lessonbook/ui/" + name).toExternalForm();
    }

    /** Each drawn row's text is no wider than the cell that draws it. */
    private void assertEveryDrawnRowFitsThePane(FxRobot robot) {
        robot.interact(() -> root.lookupAll(".output-line").stream().map(n -> (ListCell<?>) n)
                .filter(c -> !c.isEmpty() && c.getText() != null).forEach(c -> {
                    Text probe = new Text(c.getText());
                    probe.setFont(c.getFont());
                    assertThat(probe.getLayoutBounds().getWidth())
                            .isLessThanOrEqualTo(c.getWidth() - c.snappedLeftInset() - c.snappedRightInset());
                }));
    }

    /** The texts of the cells on screen, top to bottom, as the list draws them. */
    private List<String> drawnRows(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> root.lookupAll(".output-line").stream()
                .filter(Node::isVisible)
                .map(n -> (ListCell<?>) n)
                .filter(c -> !c.isEmpty() && c.getText() != null)
                .sorted((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()))
                .forEach(c -> texts.add(c.getText())));
        return texts;
    }

    @Test
    void aLongLineIsReadInFullInWrappedRowsAndThePaneGrowsForIt(FxRobot robot) throws Exception {
        robot.interact(() -> pane.append(List.of(out("short\n"))));
        Await.until("drawnRows(robot).equals(List.of(\"short\"))", WAIT,
                () -> drawnRows(robot).equals(List.of("short")));
        double oneRowTall = paneHeight(robot);

        robot.interact(() -> pane.append(List.of(out(LONG_FRAME + "\n"))));
        Await.until("drawnRows(robot).size() >= 3", WAIT, () -> drawnRows(robot).size() >= 3);
        List<String> rows = drawnRows(robot);
        assertThat(rows.get(0)).isEqualTo("short");
        // Every character of the long line is drawn, in order, across its rows; none cut with an ellipsis.
        assertThat(String.join("", rows.subList(1, rows.size()))).isEqualTo(LONG_FRAME);
        assertThat(rows).noneMatch(r -> r.endsWith("..."));
        assertEveryDrawnRowFitsThePane(robot);
        assertThat(paneHeight(robot)).isGreaterThan(oneRowTall * 2);
        // The document's line is still one line: copying or saving gives it whole.
        assertThat(pane.visibleText()).isEqualTo("short\n" + LONG_FRAME);
        assertThat(pane.lines()).hasSize(2);
    }

    /**
     * Under the app's stylesheet, which draws no arrows, an output taller than its pane shows a scroll bar a
     * reader can see and grab: it was 0 pixels wide.
     */
    @Test
    void aTallOutputShowsAScrollBarThatCanBeSeen(FxRobot robot) {
        robot.interact(() -> pane.append(List.of(out(SampleOutput.numbered(0, 400)))));
        Await.until("a vertical scroll bar shown", WAIT, () -> onFx(() -> root.lookupAll(".scroll-bar").stream()
                .map(n -> (javafx.scene.control.ScrollBar) n)
                .anyMatch(b -> b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible())));
        double breadth = onFx(() -> root.lookupAll(".scroll-bar").stream()
                .map(n -> (javafx.scene.control.ScrollBar) n)
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible())
                .mapToDouble(javafx.scene.control.ScrollBar::getWidth).max().orElse(0));
        assertThat(breadth).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aLongFirstLineWrapsEvenWhenTheFontChangesWithIt(FxRobot robot) throws Exception {
        // Presenter mode: the font grows, and the pane's first ever output arrives in the same turn.
        robot.interact(() -> {
            fontSize.set(24);
            root.setStyle("-fx-font-size: 24px;");
            pane.append(List.of(out(LONG_FRAME + "\n")));
        });
        Await.until("drawnRows(robot).size() >= 4", WAIT, () -> drawnRows(robot).size() >= 4);
        assertThat(String.join("", drawnRows(robot))).isEqualTo(LONG_FRAME);
        assertEveryDrawnRowFitsThePane(robot);
    }

    @Test
    void aWiderPaneRewrapsIntoFewerRows(FxRobot robot) throws Exception {
        robot.interact(() -> pane.append(List.of(out(LONG_FRAME + "\n"))));
        Await.until("drawnRows(robot).size() >= 3", WAIT, () -> drawnRows(robot).size() >= 3);
        int narrow = drawnRows(robot).size();
        robot.interact(() -> pane.setMaxWidth(1000));
        Await.until("drawnRows(robot).size() < narrow", WAIT, () -> drawnRows(robot).size() < narrow);
        assertThat(String.join("", drawnRows(robot))).isEqualTo(LONG_FRAME);
    }

    @Test
    void zoomingInRewrapsIntoMoreRows(FxRobot robot) throws Exception {
        robot.interact(() -> pane.append(List.of(out(LONG_FRAME + "\n"))));
        Await.until("drawnRows(robot).size() >= 3", WAIT, () -> drawnRows(robot).size() >= 3);
        int before = drawnRows(robot).size();
        robot.interact(() -> {
            fontSize.set(21);
            root.setStyle("-fx-font-size: 21px;");
        });
        Await.until("drawnRows(robot).size() > before", WAIT, () -> drawnRows(robot).size() > before);
        assertThat(String.join("", drawnRows(robot))).isEqualTo(LONG_FRAME);
    }

    @Test
    void aFloodOfLongLinesKeepsTheCapTheNoteAndOneChangePerBatch(FxRobot robot) throws Exception {
        robot.interact(() -> pane.append(List.of(out(LONG_FRAME + "\n"))));
        Await.until("drawnRows(robot).size() >= 3", WAIT, () -> drawnRows(robot).size() >= 3);
        List<Integer> changes = new ArrayList<>();
        robot.interact(() -> pane.viewRows().addListener((ListChangeListener<Object>) c -> {
            while (c.next()) {
                changes.add(c.getAddedSize());
            }
        }));
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            flood.append(i).append(' ').append(LONG_FRAME).append('\n');
        }
        robot.interact(() -> pane.append(List.of(out(flood.toString()))));
        assertThat(changes).hasSize(1);
        assertThat(pane.lines()).hasSize(OutputPane.MAX_LINES);
        assertThat(pane.hiddenLineCount()).isEqualTo(50_001 - OutputPane.MAX_LINES);
        assertThat(onFx(() -> robot.lookup(".output-hidden-note").queryLabeled().getText())).isEqualTo(String.format("%,d earlier lines hidden", 48_001));
        assertThat(robot.lookup(".output-hidden-note").queryLabeled().isVisible()).isTrue();
        // Scrolled to the end: the last row on screen ends the last line.
        Await.until("the last line drawn at the bottom", WAIT, () -> {
            List<String> rows = drawnRows(robot);
            return !rows.isEmpty() && rows.get(rows.size() - 1).endsWith("tenth input of the pool")
                    && String.join("", rows).contains("49999 at java.base");
        });
        assertThat(pane.rowsTall()).isEqualTo(OutputPane.MAX_VISIBLE_ROWS);
    }

    @Test
    void theWorkerFilterShowsOneWorkersWrappedLinesInItsColour(FxRobot robot) throws Exception {
        robot.interact(() -> pane.append(List.of(
                new Output.WorkerLine("alpha", 101, StreamName.STDOUT, "short from alpha\n"),
                new Output.WorkerLine("beta", 202, StreamName.STDOUT, LONG_FRAME + "\n"),
                new Output.WorkerLine("alpha", 101, StreamName.STDOUT, "bye\n"))));
        Await.until("drawnRows(robot).size() >= 5", WAIT, () -> drawnRows(robot).size() >= 5);
        robot.interact(() -> pane.showOnlyWorker("beta 202"));
        Await.until("drawnRows(robot).stream().noneMatch(r -> r.contains(\"alpha\"))", WAIT,
                () -> drawnRows(robot).stream().noneMatch(r -> r.contains("alpha")));
        List<String> rows = drawnRows(robot);
        assertThat(String.join("", rows)).isEqualTo("[beta 202] " + LONG_FRAME);
        assertThat(rows.size()).isGreaterThan(1);
        // Every row of beta's line, the continued ones too, wears beta's colour.
        robot.interact(() -> assertThat(root.lookupAll(".output-line").stream().map(n -> (ListCell<?>) n)
                .filter(c -> !c.isEmpty() && c.getText() != null)
                .allMatch(c -> c.getStyleClass().contains("out-worker-1"))).isTrue());
        assertThat(pane.visibleText()).isEqualTo("[beta 202] " + LONG_FRAME);
        robot.interact(() -> pane.showOnlyWorker(null));
        Await.until("drawnRows(robot).get(0).equals(\"[alpha 101] short from alpha\")", WAIT,
                () -> drawnRows(robot).get(0).equals("[alpha 101] short from alpha"));
    }

    @Test
    void aCollapsedStackTraceStaysCollapsedWithLongFrames(FxRobot robot) throws Exception {
        robot.interact(() -> pane.append(List.of(new Output.Error("java.lang.IllegalStateException", "boom",
                List.of(LONG_FRAME, "REPL.$JShell$12.do_it$(#1:1)")))));
        Await.until("drawnRows(robot).size() >= 4", WAIT, () -> drawnRows(robot).size() >= 4);
        robot.clickOn(robot.lookup(".out-error-header").<Node>query());
        Await.until("String.join(\"\", drawnRows(robot)).contains(\"(2 frames hidden)\")", WAIT,
                () -> String.join("", drawnRows(robot)).contains("(2 frames hidden)"));
        assertThat(drawnRows(robot)).noneMatch(r -> r.contains("ThreadPoolExecutor"));
    }

    private double paneHeight(FxRobot robot) throws Exception {
        return onFx(() -> pane.getHeight());
    }
}
