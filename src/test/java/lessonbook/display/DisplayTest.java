package lessonbook.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import lessonbook.model.Output;
import lessonbook.model.Output.Chart.Point;

class DisplayTest {
    private final List<Output> shown = new ArrayList<>();
    private Consumer<Output> previous;

    @BeforeEach
    void installSink() {
        previous = Display.install(shown::add);
    }

    @AfterEach
    void restoreSink() {
        Display.install(previous);
    }

    @Test
    void aTableGoesToTheSinkWithReadableNumbers() {
        Display.table("Timings", List.of("strategy", "seconds", "workers"),
                List.of(List.of("sequential", 2.97341, 1), List.of("pool", 1.5, 10), List.of("tiny", 0.000123456)));

        assertThat(shown).containsExactly(new Output.Table("Timings", List.of("strategy", "seconds", "workers"),
                List.of(List.of("sequential", "2.973", "1"), List.of("pool", "1.5", "10"),
                        List.of("tiny", "0.000123", ""))));
    }

    @Test
    void aRowWithTooManyValuesSaysWhichRow() {
        assertThatThrownBy(() -> Table.of("t", "a").row("x").row("y", "z"))
                .hasMessageContaining("row 2 has 2 values but the table has 1 columns [a]");
        assertThat(shown).isEmpty();
    }

    @Test
    void aBarChartFromAMapKeepsInsertionOrder() {
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("sequential", 2.97);
        timings.put("10 workers", 1.61);
        timings.put("pool", 1.52);

        Display.barChart("Time per strategy", timings);

        Output.Chart chart = (Output.Chart) shown.get(0);
        assertThat(chart.kind()).isEqualTo(Output.Chart.Kind.BAR);
        assertThat(chart.title()).isEqualTo("Time per strategy");
        assertThat(chart.series()).singleElement().satisfies(s -> assertThat(s.points()).containsExactly(
                new Point("sequential", 2.97), new Point("10 workers", 1.61), new Point("pool", 1.52)));
    }

    @Test
    void theBuilderMakesSeveralSeries() {
        Chart.line("Speedup").xLabel("workers").yLabel("times faster")
                .series("measured").add(1, 1.0).add(2, 1.9f)
                .series("ideal").add(1, 1).add(2, 2L)
                .show();

        Output.Chart chart = (Output.Chart) shown.get(0);
        assertThat(chart.kind()).isEqualTo(Output.Chart.Kind.LINE);
        assertThat(chart.xLabel()).isEqualTo("workers");
        assertThat(chart.yLabel()).isEqualTo("times faster");
        assertThat(chart.series()).extracting(Output.Chart.Series::name).containsExactly("measured", "ideal");
        assertThat(chart.series().get(1).points()).containsExactly(new Point("1", 1), new Point("2", 2));
    }

    @Test
    void withoutASinkTheTextIsPrinted() {
        Display.install(null);
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Chart.bar("Time").add("a", 2).add("b", 1).show();
        } finally {
            System.setOut(out);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "bar chart: Time",
                "  a | ██████████████████████████████ 2",
                "  b | ███████████████                1", ""));
        assertThat(shown).isEmpty();
    }

    @Test
    void installReturnsThePreviousSink() {
        Consumer<Output> other = o -> { };
        assertThat(Display.install(other)).isNotNull();
        assertThat(Display.install(shown::add)).isSameAs(other);
    }
}
