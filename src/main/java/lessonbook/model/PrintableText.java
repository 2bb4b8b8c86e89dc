package lessonbook.model;

/**
 * What a cell prints, made safe to show and to save: control characters other than newline and tab become the
 * Java escape a student would write for them ({@code \\u0000}, {@code \\u001B}), so a NUL or a terminal colour
 * code printed by a cell shows as {@code \\u0000} or {@code \\u001B[31m} in every font, and every file format can
 * write and read it back. (Unicode's control pictures, U+2400 on, are missing from common monospaced fonts.) A
 * carriage return directly before a newline is dropped (a Windows line end is a line end).
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String of(String text) {
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
    }
}
