package lessonbook.model;

import java.io.Serializable;

/**
 * A compile error or warning, positioned in the text of the cell (not of the snippet JShell saw).
 * {@code start}/{@code end} are character offsets; {@code line} and {@code column} are 1-based.
 * {@code excerpt} is what jshell prints under the message: the source line and a caret line under the span
 * ({@code ^-^}), two lines joined by a newline; empty when not known.
 */
public record Diagnostic(boolean error, int start, int end, int line, int column, String message, String excerpt)
        implements Serializable {
    public Diagnostic {
        excerpt = excerpt == null ? "" : excerpt;
    }

    public Diagnostic(boolean error, int start, int end, int line, int column, String message) {
        this(error, start, end, line, column, message, "");
    }

    /**
     * jshell's excerpt for the span {@code start..end} of {@code source}: the line it starts on and a caret line
     * ({@code ^} alone for one character, {@code ^---^} for a span, {@code ^---...} for one running past the line).
     */
    public static String excerpt(String source, int start, int end) {
        start = Math.max(0, Math.min(start, source.length()));
        end = Math.max(start, Math.min(end, source.length()));
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        String line = source.substring(lineStart, lineEnd);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
            lineEnd--;
        }
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < start; i++) {
            caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        boolean multiline = end > lineEnd;
        int last = (multiline ? lineEnd : end) - 1;
        if (last > start) {
            caret.append("-".repeat(last - start - 1)).append(multiline ? "-..." : "^");
        }
        return line + "\n" + caret;
    }
}
