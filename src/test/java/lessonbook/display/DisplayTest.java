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
    void aMillionRowsKeepTheFirstAndTheTitleSaysHowManyThereWere() {
        Table table = Table.of("squares", "n", "n*n");
        for (long n = 0; n < 1_000_000; n++) {
            table.row(n, n * n);
        }

        Output.Table built = table.build();

        assertThat(built.rows()).hasSize(Table.MAX_ROWS);
        assertThat(built.rows().get(4_999)).containsExactly("4999", "24990001");
        assertThat(built.title()).isEqualTo("squares (the first 5,000 of 1,000,000 rows)");
        assertThat(built.text().length()).isLessThan(200_000);
    }

    @Test
    void longValuesAreCutAndWideRowsStopAtTheCharacterBound() {
        Table table = Table.of("wide", "text");
        for (int r = 0; r < 300; r++) {
            table.row("x".repeat(5_000));
        }

        Output.Table built = table.build();

        assertThat(built.rows().get(0).get(0)).startsWith("x".repeat(Table.MAX_CELL_CHARS))
                .endsWith(" ... (4,000 more characters not kept)");
        int kept = built.rows().size();
        assertThat(kept).isLessThan(300).isGreaterThan(50);
        assertThat(built.title()).isEqualTo("wide (the first " + kept + " of 300 rows)");
    }

    @Test
    void aLineOfTwoHundredThousandPointsKeepsEvenlySpacedOnesAndItsEnds() {
        Map<Integer, Double> points = new LinkedHashMap<>();
        for (int i = 0; i < 200_000; i++) {
            points.put(i, (double) i);
        }

        Display.lineChart("steps", "step", "value", points);

        Output.Chart chart = (Output.Chart) shown.get(0);
        List<Point> kept = chart.series().get(0).points();
        assertThat(kept.size()).isBetween(Chart.MAX_POINTS, 2 * Chart.MAX_POINTS + 1);
        assertThat(kept.get(0)).isEqualTo(new Point("0", 0));
        assertThat(kept.get(kept.size() - 1)).isEqualTo(new Point("199999", 199_999));
        int stride = Integer.parseInt(kept.get(1).x());
        for (int i = 0; i < kept.size() - 1; i++) {
            assertThat(Integer.parseInt(kept.get(i).x())).isEqualTo(i * stride);
        }
        assertThat(chart.title()).isEqualTo(String.format("steps (%,d of 200,000 points, evenly spaced)", kept.size()));
    }

    @Test
    void aBarChartKeepsItsFirstBars() {
        Chart chart = Chart.bar("many");
        for (int i = 0; i < 2_000; i++) {
            chart.add("bar " + i, i);
        }

        Output.Chart built = chart.build();

        assertThat(built.series().get(0).points()).hasSize(Chart.MAX_BARS).last().isEqualTo(new Point("bar 199", 199));
        assertThat(built.title()).isEqualTo("many (the first 200 of 2,000 bars)");
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
