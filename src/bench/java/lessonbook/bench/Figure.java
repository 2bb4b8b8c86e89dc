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

    /**
     * A figure read back from its {@link #line()}, as a suite run in a JVM of its own prints it; empty for any other
     * line (the workers' own output shares that stdout).
     */
    public static java.util.Optional<Figure> parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 4 || !parts[0].equals("bench")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Figure(parts[1], Double.parseDouble(parts[2]), parts[3]));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
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
