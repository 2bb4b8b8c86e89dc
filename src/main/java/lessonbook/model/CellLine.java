package lessonbook.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in a notebook as a stack trace names it: the run of a cell the screen labels {@code In [3]}, and a line of
 * that cell ({@code 0} when only the cell is known). The kernel writes it into a frame, {@code at half (In [3], line
 * 4)}; the window reads it back from the frame to take the student to that line. One definition of the form for both.
 */
public record CellLine(int executionCount, int line) {
    /** The form inside a frame's parentheses; the last such part of a line is its place. */
    private static final Pattern IN_FRAME = Pattern.compile("\\(In \\[(\\d{1,9})\\](?:, line (\\d{1,9}))?\\)");

    public CellLine {
        if (executionCount < 1 || line < 0) {
            throw new IllegalArgumentException("no such place: In [" + executionCount + "], line " + line);
        }
    }

    /** "In [3], line 4", or "In [3]" when the line is not known. */
    public String text() {
        return "In [" + executionCount + "]" + (line > 0 ? ", line " + line : "");
    }

    /** The place a frame line names ("at half (In [3], line 4)", a worker's "\tat half (In [3], line 4)"), if any. */
    public static Optional<CellLine> named(String frameLine) {
        if (frameLine == null || !frameLine.contains("(In [")) {
            return Optional.empty();
        }
        Matcher m = IN_FRAME.matcher(frameLine);
        CellLine found = null;
        while (m.find()) {
            int count = Integer.parseInt(m.group(1));
            if (count >= 1) {
                found = new CellLine(count, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
            }
        }
        return Optional.ofNullable(found);
    }
}
