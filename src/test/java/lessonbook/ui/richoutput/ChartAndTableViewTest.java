package lessonbook.ui.richoutput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.display.Chart;
import lessonbook.display.Table;
import lessonbook.format.text.OutputBlocks;
import lessonbook.model.Output;

@ExtendWith(ApplicationExtension.class)
class ChartAndTableViewTest {
    private final Output.Chart timings = Chart.bar("Time per strategy").yLabel("seconds")
            .add("sequential", 2.97).add("10 workers", 1.61).add("pool", 1.52).build();
    private final Output.Table table = Table.of("Timings", "strategy", "seconds")
            .row("sequential", 2.97).row("pool | of 2", 1.52).build();
    private final Output.Chart speedup = Chart.line("Speedup").xLabel("workers").yLabel("times")
            .series("measured").add(1, 1).add(2, 1.9).series("ideal").add(1, 1).add(2, 2).build();

    @Start
    void start(Stage stage) {
        // The chart comes back from its lesson-file text, as it would after reopening a lesson.
        Output reopened = OutputBlocks.parse(OutputBlocks.infoString(timings), OutputBlocks.body(timings)).orElseThrow();
        VBox box = new VBox(DisplayViews.nodeFor(reopened).orElseThrow(), DisplayViews.nodeFor(table).orElseThrow(),
                new ChartView(speedup));
        box.setId("outputs");
        stage.setScene(new Scene(box, 900, 1000));
        stage.show();
    }

    @Test
    void aBarChartOfThreeValuesShowsThreeBarsWithTheirValues(FxRobot robot) {
        Node barChart = robot.lookup(".bar-chart").query();
        Set<Node> bars = robot.from(barChart).lookup(".chart-bar").queryAll().stream()
                .filter(n -> !n.getStyleClass().contains("chart-legend-item-symbol")).collect(Collectors.toSet());

        assertThat(bars).hasSize(3);
        assertThat(robot.from(barChart).lookup(".chart-bar-value").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactlyInAnyOrder("2.97", "1.61", "1.52");
        assertThat(((BarChart<?, ?>) barChart).isLegendVisible()).isFalse();
        assertThat(((BarChart<?, ?>) barChart).getTitle()).isEqualTo("Time per strategy");
        assertThat(bars).allSatisfy(b -> assertThat(b.getBoundsInLocal().getHeight()).isPositive());
    }

    @Test
    void theTableShowsItsCellsText(FxRobot robot) {
        List<String> cells = robot.lookup(".table-cell").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toList());
        List<String> headers = robot.lookup(".table-header").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toList());

        assertThat(headers).containsExactly("strategy", "seconds");
        assertThat(cells).containsExactlyInAnyOrder("sequential", "2.97", "pool | of 2", "1.52");
        assertThat(robot.lookup(".table-title").queryAs(Label.class).getText()).isEqualTo("Timings");
        assertThat(robot.lookup(".table-cell.table-number").queryAll()).hasSize(2);
    }

    @Test
    void aColumnOfNumbersLinesUpItsPointsWithoutZerosItsNumbersDoNotHave(FxRobot robot) {
        String figure = String.valueOf(TableOutputView.NO_DIGIT);
        assertThat(TableOutputView.aligned("0.106", 4)).isEqualTo("0.106" + figure);
        assertThat(TableOutputView.aligned("3", 2)).isEqualTo("3" + TableOutputView.NO_POINT + figure + figure);
        assertThat(TableOutputView.aligned("12.1234", 4)).isEqualTo("12.1234");
        assertThat(TableOutputView.aligned("n/a", -1)).isEqualTo("n/a");

        // in the table's own font, the blanks are as wide as what they stand for, so the points line up
        Label cell = robot.lookup(".table-cell.table-number").queryAs(Label.class);
        double point = width(cell, "0.") - width(cell, "0");
        assertThat(width(cell, TableOutputView.aligned("0.106", 4))).isCloseTo(width(cell, "0.1234"),
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(width(cell, TableOutputView.aligned("3", 2))).isCloseTo(width(cell, "3") + point
                + 2 * (width(cell, "10") - width(cell, "1")), org.assertj.core.data.Offset.offset(0.5));
    }

    private static double width(Label like, String text) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
        measure.setFont(like.getFont());
        return measure.getLayoutBounds().getWidth();
    }

    @Test
    void aLineChartShowsALegendAndAPointPerValue(FxRobot robot) {
        Node lineChart = robot.lookup(n -> n instanceof LineChart).query();

        assertThat(robot.from(lineChart).lookup(".chart-line-symbol").queryAll().stream()
                .filter(n -> !n.getStyleClass().contains("chart-legend-item-symbol"))).hasSize(4);
        assertThat(robot.from(lineChart).lookup(".chart-legend-item").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("measured", "ideal");
    }
}
