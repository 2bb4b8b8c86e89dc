package lessonbook.model;

import java.util.Locale;

/**
 * The one text form of {@link Output.Omitted}: {@code |  … 98,765,432 lines (1.4 GB) not kept …}. Written by
 * every view and file format, and parsed back by the readers, so a saved marker reopens as a marker.
 */
public final class OmittedText {
    private static final String PREFIX = "|  \u2026 ";
    private static final String SUFFIX = " not kept \u2026";
    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private OmittedText() {
    }

    static String format(Output.Omitted omitted) {
        String size = size(omitted.bytes());
        String what = omitted.lines() == 0 ? size
                : String.format(Locale.ROOT, "%,d %s (%s)", omitted.lines(), omitted.lines() == 1 ? "line" : "lines",
                        size);
        return PREFIX + what + SUFFIX + "\n";
    }

    /** Bytes as a reader says them: {@code 812 bytes}, {@code 64.0 KB}, {@code 1.4 GB} (powers of 1024). */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /**
     * The marker a line (without its newline) prints, or null when it is not one. Sizes are rounded in the text,
     * so the marker's byte count is the rounded one; it prints back to the same line.
     */
    public static Output.Omitted parse(String line) {
        if (!line.startsWith(PREFIX) || !line.endsWith(SUFFIX) || line.length() > 120) {
            return null;
        }
        String what = line.substring(PREFIX.length(), line.length() - SUFFIX.length());
        try {
            long lines = 0;
            String size = what;
            int paren = what.indexOf(" (");
            if (paren > 0 && what.endsWith(")")) {
                String count = what.substring(0, paren);
                int space = count.indexOf(' ');
                if (space < 0 || !(count.endsWith(" lines") || count.endsWith(" line"))) {
                    return null;
                }
                lines = Long.parseLong(count.substring(0, space).replace(",", ""));
                size = what.substring(paren + 2, what.length() - 1);
            }
            Output.Omitted omitted = new Output.Omitted(lines, parseSize(size));
            return (omitted.text()).equals(line + "\n") ? omitted : null;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** UTF-8 length without encoding the text when it is ASCII (most of what a flood prints). */
    static long utf8Length(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
        return text.length();
    }

    private static long parseSize(String size) {
        int space = size.indexOf(' ');
        String unit = size.substring(space + 1);
        if (unit.equals("byte") || unit.equals("bytes")) {
            return Long.parseLong(size.substring(0, space));
        }
        double value = Double.parseDouble(size.substring(0, space));
        for (int i = 0; i < UNITS.length; i++) {
            value *= 1024;
            if (UNITS[i].equals(unit)) {
                return Math.round(value);
            }
        }
        throw new NumberFormatException("unit " + unit);
    }
}
