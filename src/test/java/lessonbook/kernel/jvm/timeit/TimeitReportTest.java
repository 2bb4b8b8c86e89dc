package lessonbook.kernel.jvm.timeit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line {@code %timeit} shows, its options and the Java it writes: pure, no kernel. */
class TimeitReportTest {
    @Test
    void theLineIsIpythonsWithMeanAndSpreadPerLoop() {
        // 7 runs of 100,000 loops: 1.23 s each but one, per loop 12.3 µs
        long[] runs = {1_230_000_000L, 1_230_000_000L, 1_230_000_000L, 1_230_000_000L, 1_230_000_000L, 1_230_000_000L,
                1_230_000_000L};
        TimeitReport report = new TimeitReport(100_000, runs, 15_000);
        assertThat(report.text()).isEqualTo("12.3 µs ± 0 ns per loop (mean ± std. dev. of 7 runs, 100,000 loops each)");

        TimeitReport spread = new TimeitReport(10, new long[] {10_000, 30_000}, 2_000);
        assertThat(spread.mean()).isEqualTo(2e-6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(spread.stdDev()).as("the population's, as IPython's").isEqualTo(1e-6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(spread.text()).isEqualTo("2 µs ± 1 µs per loop (mean ± std. dev. of 2 runs, 10 loops each)");

        assertThat(new TimeitReport(1, new long[] {1_500_000_000L}, 1_500_000_000L).text())
                .isEqualTo("1.5 s per loop (mean of 1 run, 1 loop each)");
    }

    @Test
    void aSlowFirstCallAndUnevenRunsAreSaidApart() {
        TimeitReport cold = new TimeitReport(1000, new long[] {1_000_000, 1_000_000, 1_000_000}, 2_500_000);
        assertThat(cold.text()).endsWith("\nThe first call took 2.5 ms, 2,500 times the mean: new code runs slowly "
                + "until HotSpot's JIT compiler has compiled it.");

        TimeitReport uneven = new TimeitReport(1, new long[] {1_000_000, 9_000_000}, 1_000_000);
        assertThat(uneven.text()).contains("\nThe slowest run took 9 times longer than the fastest");
        assertThat(new TimeitReport(1, new long[] {100, 900}, 100).text()).as("under a microsecond a loop: noise")
                .doesNotContain("slowest");
    }

    @Test
    void durationsHaveThreeSignificantDigitsInTheirUnit() {
        assertThat(TimeitReport.duration(0.000_000_410)).isEqualTo("410 ns");
        assertThat(TimeitReport.duration(0.000_012_345)).isEqualTo("12.3 µs");
        assertThat(TimeitReport.duration(0.999_96)).isEqualTo("1 s");
        assertThat(TimeitReport.duration(0.0015)).isEqualTo("1.5 ms");
        assertThat(TimeitReport.duration(75)).isEqualTo("1 min 15 s");
        assertThat(TimeitReport.duration(0)).isEqualTo("0 ns");
    }

    @Test
    void optionsAreIpythonsAndAnythingElseIsRefusedByName() {
        TimeitOptions.Result parsed = TimeitOptions.parse("-n 100 -r3 fib(20)");
        assertThat(parsed.options()).isEqualTo(new TimeitOptions(100, 3, "fib(20)", 11));
        assertThat(TimeitOptions.parse("fib(20)").options()).isEqualTo(new TimeitOptions(0, 7, "fib(20)", 0));
        assertThat(TimeitOptions.parse("-x + 1").problem()).isEqualTo("%timeit knows -n (loops per run) and -r (runs) "
                + "only, not -x");
        assertThat(TimeitOptions.parse("-n 0 x").problem()).startsWith("-n takes a whole number from 1 to 1,000,000,000");
        assertThat(TimeitOptions.parse("-r many x").problem()).contains("not \"many\"");
        assertThat(TimeitOptions.parse("-1 + x").options().code()).as("a number is code").isEqualTo("-1 + x");
    }

    @Test
    void theCodeKeepsItsLinesAndItsPositionsLeadBackToTheCell() {
        String cell = "%%timeit int[] a = new int[9];\nsum(a);\nsum(a);";
        TimeitSource source = TimeitSource.of("$T", "int[] a = new int[9];", 9, "sum(a);\nsum(a);", 31, true, false);
        assertThat(source.source().lines().count()).as("the magic's line, then the body's two, then the end")
                .isEqualTo(4);
        assertThat(source.source().lines().toList().get(1)).as("the loop's head, then the body's first line")
                .endsWith("do { sum(a);");
        int inSource = source.source().indexOf("sum(a);\nsum(a);") + 8;   // the second sum
        assertThat(cell.substring((int) source.toCell(inSource))).isEqualTo("sum(a);");
        int inSetup = source.source().indexOf("new int");
        assertThat(cell.substring((int) source.toCell(inSetup))).startsWith("new int[9];");
        assertThat(source.toCell(0)).as("the template's own text: the setup's start").isEqualTo(9);
        assertThat(source.runner(new TimeitOptions(0, 7, "", 0))).isEqualTo(Timeit.class.getName()
                + ".run(new $T(), 0L, 7);");
    }

    @Test
    void theMeasurementRunsTheCodeAsOftenAsItSays() throws Throwable {
        long[] calls = new long[1];
        Timeit.run(loops -> {
            calls[0] += loops;
            return loops * 1_000L;
        }, 0, 3);
        TimeitReport report = Timeit.takeReport().orElseThrow();
        // 1 µs a loop: 1, 2, 5, 10... loops until a run takes 0.2 s, then three runs of that many
        assertThat(report.loops()).isEqualTo(200_000L);
        assertThat(calls[0]).as("the first call, the search, the runs").isEqualTo(1 + (1 + 2 + 5 + 10 + 20 + 50 + 100
                + 200 + 500 + 1_000 + 2_000 + 5_000 + 10_000 + 20_000 + 50_000 + 100_000 + 200_000) + 3 * 200_000L);
        assertThat(report.firstNanos()).isEqualTo(1_000L);
        assertThat(Timeit.takeReport()).as("taken once").isEmpty();
    }
}
