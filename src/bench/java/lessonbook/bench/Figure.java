package lessonbook.bench;

/**
 * One line of {@code lessonbook bench}: {@code bench <name> <value> <unit>}; or a figure that could not be measured
 * ({@code problem} says why: the app ran out of memory, the window froze), which the command reports on stderr.
 */
public record Figure(String name, double value, String unit, String problem) {
    public Figure(String name, double value, String unit) {
        this(name, value, unit, null);
    }

    public static Figure notMeasured(String name, String unit, String why) {
        return new Figure(name, Double.NaN, unit, why);
    }

    public boolean measured() {
        return problem == null;
    }

    public String line() {
        String number = Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format(java.util.Locale.ROOT, "%.1f", value)
                : Math.abs(value) < 0.01
                ? String.format(java.util.Locale.ROOT, "%.5f", value)   // per-item costs: 0.000 would hide them
                : String.format(java.util.Locale.ROOT, "%.3f", value);
        return "bench " + name + " " + number + " " + unit;
    }
}
