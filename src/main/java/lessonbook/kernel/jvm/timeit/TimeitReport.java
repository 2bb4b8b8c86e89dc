package lessonbook.kernel.jvm.timeit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * What one {@code %timeit} measured, and the line it shows. The first line is IPython's, word for word in its form
 * ("12.3 µs ± 410 ns per loop (mean ± std. dev. of 7 runs, 100,000 loops each)"), so a Python course's reading of
 * it carries over. Java adds what a Python student does not meet: code runs slowly until HotSpot's JIT compiler has
 * compiled it, so a first call far slower than the mean is said apart.
 *
 * @param loops       how many times each run ran the code
 * @param runNanos    each run's total time, in the order they ran
 * @param firstNanos  the code's very first run, before any other (one loop)
 */
public record TimeitReport(long loops, long[] runNanos, long firstNanos) {
    /** A first call this many times slower than the mean is said apart. */
    static final double SLOW_FIRST = 3.0;
    /** IPython's: a slowest run this many times the fastest is worth a warning. */
    static final double UNEVEN_RUNS = 4.0;

    public TimeitReport {
        if (loops < 1 || runNanos.length == 0) {
            throw new IllegalArgumentException("at least one run of at least one loop");
        }
        runNanos = runNanos.clone();
    }

    @Override
    public long[] runNanos() {
        return runNanos.clone();
    }

    /** The mean time of one loop, over the runs, in seconds. */
    public double mean() {
        return Arrays.stream(runNanos).mapToDouble(n -> n / 1e9 / loops).average().orElseThrow();
    }

    /** The standard deviation of one loop's time over the runs (of the population, as IPython's), in seconds. */
    public double stdDev() {
        double mean = mean();
        double sum = Arrays.stream(runNanos).mapToDouble(n -> Math.pow(n / 1e9 / loops - mean, 2)).sum();
        return Math.sqrt(sum / runNanos.length);
    }

    /** The line under the cell; a second and third sentence when the first call or the runs say something. */
    public String text() {
        int runs = runNanos.length;
        StringBuilder text = new StringBuilder();
        text.append(duration(mean()));
        if (runs > 1) {
            text.append(" ± ").append(duration(stdDev()));
        }
        text.append(" per loop (mean");
        if (runs > 1) {
            text.append(" ± std. dev.");
        }
        text.append(" of ").append(runs).append(runs == 1 ? " run, " : " runs, ")
                .append(String.format(java.util.Locale.ROOT, "%,d", loops)).append(loops == 1 ? " loop each)" : " loops each)");
        double first = firstNanos / 1e9;
        if (first > SLOW_FIRST * mean()) {
            text.append("\nThe first call took ").append(duration(first)).append(", ").append(times(first / mean()))
                    .append(" the mean: new code runs slowly until HotSpot's JIT compiler has compiled it.");
        }
        long fastest = Arrays.stream(runNanos).min().orElseThrow();
        long slowest = Arrays.stream(runNanos).max().orElseThrow();
        if (runs > 1 && fastest > 0 && slowest > UNEVEN_RUNS * fastest && slowest / 1e9 / loops > 1e-6) {
            text.append("\nThe slowest run took ").append(times((double) slowest / fastest))
                    .append(" longer than the fastest: a garbage collection, the JIT compiler at work or a cached "
                            + "result can do that.");
        }
        return text.toString();
    }

    private static String times(double ratio) {
        return (ratio >= 100 ? String.format(java.util.Locale.ROOT, "%,d", Math.round(ratio))
                : significant(ratio, 2)) + " times";
    }

    /** A time as IPython writes it: three significant digits in s, ms, µs or ns. */
    public static String duration(double seconds) {
        if (seconds >= 60) {
            long whole = Math.round(seconds);
            return whole / 60 + " min " + whole % 60 + " s";
        }
        String[] units = {"s", "ms", "µs", "ns"};
        int order = seconds == 0 ? units.length - 1 : 0;
        double value = seconds;
        while (order < units.length - 1 && value < 0.9995) {
            value *= 1000;
            order++;
        }
        return significant(value, 3) + " " + units[order];
    }

    private static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
