package lessonbook.ui.output;

import static lessonbook.ui.output.SampleOutput.out;
import static lessonbook.ui.output.SampleOutput.numbered;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.model.Output;
import lessonbook.model.StreamName;

@ExtendWith(ApplicationExtension.class)
class OutputPaneTest {
    private OutputPane pane;

    @Start
    void start(Stage stage) {
        pane = new OutputPane(new SimpleDoubleProperty(14));
    }

    @Test
    void partialLinesJoinAcrossWrites(FxRobot robot) {
        robot.interact(() -> {
            pane.append(List.of(out("ab")));
            pane.append(List.of(out("c\nd"), out("e\n")));
            pane.append(List.of(new Output.Stream(StreamName.STDERR, "oops\n")));
        });
        assertThat(pane.visibleText()).isEqualTo("abc\nde\noops");
        assertThat(pane.lines().get(2).styleClass()).isEqualTo("out-stderr");
    }

    @Test
    void aHugeChunkKeepsOnlyTheTailAndCountsTheRest(FxRobot robot) {
        robot.interact(() -> pane.append(List.of(out(numbered(0, 5000)))));
        assertThat(pane.lines()).hasSize(OutputPane.MAX_LINES);
        assertThat(pane.hiddenLineCount()).isEqualTo(3000);
        assertThat(pane.lines().get(0).text()).isEqualTo("3000");
        robot.interact(() -> pane.append(List.of(out(numbered(5000, 5500)), out(numbered(5500, 9000)))));
        assertThat(pane.hiddenLineCount()).isEqualTo(7000);
        assertThat(pane.lines().get(0).text()).isEqualTo("7000");
        assertThat(pane.lines().get(1999).text()).isEqualTo("8999");
    }

    @Test
    void aBatchOfManyChunksDrawsOnlyItsTail(FxRobot robot) {
        robot.interact(() -> pane.append(List.of(out("first\n"))));
        robot.interact(() -> pane.append(List.of(out(numbered(0, 1500)), out(numbered(1500, 3000)),
                out(numbered(3000, 4500)))));
        assertThat(pane.lines()).hasSize(OutputPane.MAX_LINES);
        assertThat(pane.hiddenLineCount()).isEqualTo(4501 - OutputPane.MAX_LINES);
        assertThat(pane.lines().get(0).text()).isEqualTo("2500");
        assertThat(pane.lines().get(1999).text()).isEqualTo("4499");
    }

    @Test
    void aBatchOfAHundredThousandLinesWritesAtMostTheCapToTheView(FxRobot robot) {
        robot.interact(() -> pane.append(List.of(out(numbered(0, 10)))));
        List<Integer> added = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        robot.interact(() -> pane.linesForView().addListener((ListChangeListener<OutputLine>) c -> {
            while (c.next()) {
                added.add(c.getAddedSize());
                removed.add(c.getRemovedSize());
            }
        }));
        robot.interact(() -> pane.append(List.of(out(numbered(10, 100_010)))));
        assertThat(added).hasSize(1);
        assertThat(added.get(0)).isLessThanOrEqualTo(OutputPane.MAX_LINES);
        assertThat(removed.get(0)).isLessThanOrEqualTo(OutputPane.MAX_LINES);
        assertThat(pane.hiddenLineCount()).isEqualTo(100_010 - OutputPane.MAX_LINES);
        assertThat(pane.lines().get(0).text()).isEqualTo(String.valueOf(100_010 - OutputPane.MAX_LINES));
        assertThat(pane.lines().get(OutputPane.MAX_LINES - 1).text()).isEqualTo("100009");
    }

    @Test
    void aBatchOfAHundredThousandSeparateWritesIsAsBounded(FxRobot robot) {
        List<Output> writes = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            writes.add(out(i + "\n"));
        }
        List<Integer> added = new ArrayList<>();
        robot.interact(() -> pane.linesForView().addListener((ListChangeListener<OutputLine>) c -> {
            while (c.next()) {
                added.add(c.getAddedSize());
            }
        }));
        robot.interact(() -> pane.append(writes));
        assertThat(added).hasSize(1);
        assertThat(added.get(0)).isEqualTo(OutputPane.MAX_LINES);
        assertThat(pane.hiddenLineCount()).isEqualTo(100_000 - OutputPane.MAX_LINES);
        assertThat(pane.lines().get(OutputPane.MAX_LINES - 1).text()).isEqualTo("99999");
    }

    @Test
    void anOpenLineContinuesAcrossAHugeBatch(FxRobot robot) {
        robot.interact(() -> pane.append(List.of(out("start "))));
        robot.interact(() -> pane.append(List.of(out("end\n" + numbered(0, 10)))));
        assertThat(pane.lines().get(0).text()).isEqualTo("start end");
        assertThat(pane.lines()).hasSize(11);
        robot.interact(() -> pane.append(List.of(out("open"), out(" more\n" + numbered(0, 3000)))));
        assertThat(pane.hiddenLineCount() + pane.lines().size()).isEqualTo(11 + 3001);
        assertThat(pane.lines().get(OutputPane.MAX_LINES - 1).text()).isEqualTo("2999");
    }

    @Test
    void manySmallChunksAddUp(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 30; i++) {
                pane.append(List.of(out(numbered(i * 1000, (i + 1) * 1000))));
            }
        });
        assertThat(pane.hiddenLineCount() + pane.lines().size()).isEqualTo(30_000);
    }
}
