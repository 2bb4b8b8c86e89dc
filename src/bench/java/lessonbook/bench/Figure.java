package lessonbook.bench;

/** One line of {@code lessonbook bench}: {@code bench <name> <value> <unit>}. */
public record Figure(String name, double value, String unit) {
    public String line() {
        String number = Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format(java.util.Locale.ROOT, "%.1f", value)
                : Math.abs(value) < 0.01
                ? String.format(java.util.Locale.ROOT, "%.5f", value)   // per-item costs: 0.000 would hide them
                : String.format(java.util.Locale.ROOT, "%.3f", value);
        return "bench " + name + " " + number + " " + unit;
    }
}
