package lessonbook.format.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.model.Output;
import lessonbook.model.Output.Chart;
import lessonbook.model.Output.Chart.Point;
import lessonbook.model.Output.Chart.Series;
import lessonbook.model.Output.WorkerEvent;
import lessonbook.model.Output.WorkerEvent.Phase;
import lessonbook.model.StreamName;

class OutputBlocksTest {

    private static Output roundTrip(Output output) {
        String info = OutputBlocks.infoString(output);
        String body = OutputBlocks.body(output);
        return OutputBlocks.parse(info, body).orElseThrow();
    }

    @Test
    void aTableReadsAsAnAlignedGridAndComesBackEqual() {
        Output.Table table = new Output.Table("Timings", List.of("strategy", "seconds"),
                List.of(List.of("sequential", "2.97"), List.of("pool", "1.52")));

        assertThat(OutputBlocks.infoString(table)).isEqualTo("table");
        assertThat(table.text()).isEqualTo(String.join("\n",
                "Timings",
                "| strategy   | seconds |",
                "| ---------- | ------- |",
                "| sequential | 2.97    |",
                "| pool       | 1.52    |", ""));
        assertThat(roundTrip(table)).isEqualTo(table);
    }

    @Test
    void awkwardTextInTablesSurvives() {
        Output.Table table = new Output.Table("| starts with a bar\\ and ends with a backslash\\",
                List.of("a|b", " padded ", "", "naïve 日本語 ✓"),
                List.of(List.of("x\ny", "\ttab", "`tick", "\\|"),
                        List.of("", " ", "  ", "\u0001ctl"),
                        List.of("|", "||", "\\", "end\\")));

        assertThat(roundTrip(table)).isEqualTo(table);
        assertThat(OutputBlocks.body(table).lines()).allSatisfy(l -> assertThat(l).doesNotStartWith("`"));
    }

    @Test
    void tablesWithoutTitleRowsOrColumnsComeBack() {
        Output.Table noTitle = new Output.Table("", List.of("only"), List.of());
        Output.Table noColumns = new Output.Table("empty", List.of(), List.of(List.of(), List.of()));
        Output.Table backtickTitle = new Output.Table("```", List.of("c"), List.of(List.of("v")));

        assertThat(roundTrip(noTitle)).isEqualTo(noTitle);
        assertThat(roundTrip(noColumns)).isEqualTo(noColumns);
        assertThat(roundTrip(backtickTitle)).isEqualTo(backtickTitle);
    }

    @Test
    void aBarChartReadsAsBarsWithValuesAndComesBackEqual() {
        Chart chart = new Chart(Chart.Kind.BAR, "Time per strategy", "", "seconds",
                List.of(new Series("", List.of(new Point("sequential", 2.97), new Point("10 workers", 1.61),
                        new Point("pool", 1.52)))));

        String text = chart.text();
        assertThat(text).startsWith("bar chart: Time per strategy\ny: seconds\n");
        assertThat(text).contains("  sequential | ██████████████████████████████ 2.97\n");
        assertThat(text).contains("  pool       | ███████████████▍").contains(" 1.52\n");
        assertThat(roundTrip(chart)).isEqualTo(chart);
    }

    @Test
    void chartsWithAwkwardLabelsSeveralSeriesAndEmptySeriesComeBack() {
        Chart chart = new Chart(Chart.Kind.LINE, " Speed | up \n2nd line", "x|axis", "ÿ → ∞",
                List.of(new Series("", List.of()),
                        new Series("measured", List.of(new Point("1", 1.0), new Point("2", 1.85),
                                new Point("x|y", -0.0), new Point(" ", 1e-7), new Point("big", 123456789012.5))),
                        new Series("series: not a header", List.of(new Point("nan", Double.NaN),
                                new Point("inf", Double.NEGATIVE_INFINITY), new Point("tiny", 0.1 + 0.2))),
                        new Series("empty", List.of())));

        assertThat(roundTrip(chart)).isEqualTo(chart);
    }

    @Test
    void chartsWithNoSeriesOrOneEmptyUnnamedSeriesComeBack() {
        Chart none = new Chart(Chart.Kind.BAR, "", "", "", List.of());
        Chart emptyUnnamed = new Chart(Chart.Kind.BAR, "t", "", "", List.of(new Series("", List.of())));
        Chart negative = new Chart(Chart.Kind.BAR, "t", "", "", List.of(new Series("", List.of(
                new Point("down", -3), new Point("up", 0.5)))));

        assertThat(roundTrip(none)).isEqualTo(none);
        assertThat(roundTrip(emptyUnnamed)).isEqualTo(emptyUnnamed);
        assertThat(roundTrip(negative)).isEqualTo(negative);
    }

    @Test
    void aWorkerTimelineReadsAsOneRowPerWorkerAndComesBackEqual() {
        long t0 = 1_795_000_000_123L;
        List<WorkerEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(new WorkerEvent("Worker-" + (i + 1), 41_000 + i, Phase.STARTED, t0 + 7L * i, null, 0));
        }
        for (int i = 0; i < 9; i++) {
            events.add(new WorkerEvent("Worker-" + (i + 1), 41_000 + i, Phase.EXITED, t0 + 2_900 + 11L * i,
                    i == 3 ? 1 : 0, 1_400 + i));
        }
        events.add(new WorkerEvent("pipe|name ✓", 9, Phase.STARTED, t0 + 3_000, null, 0));

        String body = OutputBlocks.workersBody(events);

        assertThat(body).startsWith("first start 2026-");
        assertThat(body).contains("| Worker-1     | 41000 | 0.000   | 2.900  | 0         | 1.400 |");
        assertThat(body).contains("| Worker-4     | 41003 | 0.021   | 2.933  | 1         | 1.403 |");
        assertThat(body).contains("| Worker-10    | 41009 | 0.063   | -      | -         | -     |");
        assertThat(OutputBlocks.isDisplayBlock(OutputBlocks.workersInfoString())).isTrue();
        assertThat(OutputBlocks.parseWorkers(body)).isEqualTo(events);
    }

    @Test
    void aWorkerTimelineIgnoresOtherOutputsAndMayBeEmpty() {
        List<Output> outputs = List.of(new Output.Stream(StreamName.STDOUT, "hi\n"),
                new WorkerEvent("w", 5, Phase.STARTED, 1000, null, 0),
                new Output.WorkerLine("w", 5, StreamName.STDOUT, "x"),
                new WorkerEvent("w", 5, Phase.EXITED, 1500, 143, 20));

        assertThat(OutputBlocks.parseWorkers(OutputBlocks.workersBody(outputs)))
                .containsExactly((WorkerEvent) outputs.get(1), (WorkerEvent) outputs.get(3));
        assertThat(OutputBlocks.parseWorkers(OutputBlocks.workersBody(List.of()))).isEmpty();
    }

    @Test
    void unknownBlocksAreNotOursAndBrokenBodiesSayWhere() {
        assertThat(OutputBlocks.parse("output", "x")).isEmpty();
        assertThat(OutputBlocks.parse("java", "int x;")).isEmpty();
        assertThatThrownBy(() -> OutputBlocks.parse("table", "T\n| a | b |\n| - | - |\n| 1 |\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 4");
        assertThatThrownBy(() -> OutputBlocks.parse("chart", "pie chart: no"))
                .hasMessageContaining("line 1").hasMessageContaining("bar chart");
        assertThatThrownBy(() -> OutputBlocks.parse("chart", "bar chart: t\n  a | lots\n"))
                .hasMessageContaining("line 2").hasMessageContaining("a number");
        assertThatThrownBy(() -> OutputBlocks.parseWorkers("first start yesterday, times in seconds from then"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> OutputBlocks.infoString(new Output.Info("x")))
                .hasMessageContaining("output block");
    }

    @Test
    void tableRowsMustMatchTheColumns() {
        assertThatThrownBy(() -> new Output.Table("t", List.of("a", "b"), List.of(List.of("1"))))
                .hasMessage("row 1 has 1 cells but the table has 2 columns");
    }
}
