package lessonbook.ui.richoutput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.display.Chart;
import lessonbook.model.Output;

/**
 * Charts with many points, as a simulation's cell makes them or a lesson file holds them: drawn within bounds. A
 * line of 3,126 points on JavaFX's category axis held the JavaFX thread for minutes (the axis checks each added
 * category against every pair of the others), so the window froze.
 */
@ExtendWith(ApplicationExtension.class)
class BigChartsViewTest {
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
    }

    @Test
    void aLineOfManyNumericPointsIsDrawnOnANumberAxisWithoutADotPerPoint(FxRobot robot) {
        Chart builder = Chart.line("sine").xLabel("x");
        for (int i = 0; i < 200_000; i++) {
            builder.add(i, Math.sin(i / 1000.0));
        }
        Output.Chart model = builder.build();
        AtomicReference<ChartView> view = new AtomicReference<>();

        robot.interact(() -> {
            view.set(new ChartView(model));
            root.getChildren().setAll(view.get());
        });

        XYChart<?, Number> chart = view.get().chart();
        assertThat(chart).isInstanceOf(LineChart.class);
        assertThat(chart.getXAxis()).isInstanceOf(NumberAxis.class);
        assertThat(((LineChart<?, ?>) chart).getCreateSymbols()).isFalse();
        assertThat(chart.getData().get(0).getData().size()).isLessThanOrEqualTo(ChartView.MOST_POINTS + 1);
        assertThat(robot.from(view.get()).lookup(".chart-line-symbol").queryAll().stream()
                .filter(n -> !n.getStyleClass().contains("chart-legend-item-symbol"))).isEmpty();
    }

    @Test
    void aBarChartOfFiveThousandBarsFromAFileDrawsTheFirstAndSaysSo(FxRobot robot) {
        List<Output.Chart.Point> points = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            points.add(new Output.Chart.Point("bar " + i, i));
        }
        Output.Chart model = new Output.Chart(Output.Chart.Kind.BAR, "many", "", "",
                List.of(new Output.Chart.Series("", points)));
        AtomicReference<ChartView> view = new AtomicReference<>();

        robot.interact(() -> {
            view.set(new ChartView(model));
            root.getChildren().setAll(view.get());
        });

        assertThat(((CategoryAxis) view.get().chart().getXAxis()).getCategories()).hasSize(ChartView.MOST_CATEGORIES);
        assertThat(robot.from(view.get()).lookup(".chart-not-drawn").queryAs(Label.class).getText())
                .isEqualTo("… the first 200 of 5,000 bars drawn");
    }
}
