package lessonbook.model;

/**
 * What a cell prints, made safe to show and to save: control characters other than newline and tab become their
 * visible Unicode pictures ({@code U+2400} to {@code U+241F}, {@code U+2421} for DEL), so a NUL or an escape
 * sequence printed by a cell shows as {@code ␀} or {@code ␛[31m} and every file format can write and read it
 * back. A carriage return directly before a newline is dropped (a Windows line end is a line end).
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
                out.append(c == 0x7F ? '\u2421' : (char) (0x2400 + c));
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
