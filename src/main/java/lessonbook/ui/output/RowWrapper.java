package lessonbook.ui.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Breaks output lines into the rows of a given number of columns, so that a long line (a stack frame, a long
 * println) is read in full in a pane of any width. Every row has the same height, so the list that draws
 * them keeps its fixed cell size: a flood costs the same whatever the lines' lengths.
 *
 * <p>A line breaks after the last space or punctuation in the last third of a row (a path or a qualified
 * name breaks at a dot or a slash), else exactly at the row's end. Rows after the first are indented by
 * {@link #INDENT} columns, so a wrapped line reads as one. Knows nothing of JavaFX.
 */
final class RowWrapper {
    /** How many columns a continued row is indented by (the pane draws that indent). */
    static final int INDENT = 2;
    /** Never fewer columns than this, however narrow the pane: a row of 3 letters helps nobody. */
    static final int MIN_COLUMNS = 12;
    private static final String BREAK_AFTER = " \t.,;:/\\()[]{}<>=+-*&|!?";

    /** One drawn row: a piece of {@code line}; {@code continued} for every row of a line but its first. */
    record Row(OutputLine line, String text, boolean continued) {
    }

    private RowWrapper() {
    }

    /**
     * The rows of the lines that {@code shown} accepts, each line's text (as {@code textOf} gives it) broken to
     * {@code columns}; {@code columns <= 0} means the width is not known yet: one row per line.
     */
    static List<Row> rows(List<OutputLine> lines, Predicate<OutputLine> shown, Function<OutputLine, String> textOf,
            int columns) {
        List<Row> rows = new ArrayList<>(lines.size() + 16);
        for (OutputLine line : lines) {
            if (shown.test(line)) {
                addRows(line, textOf.apply(line), columns, rows);
            }
        }
        return rows;
    }

    static void addRows(OutputLine line, String text, int columns, List<Row> into) {
        if (columns <= 0 || text.length() <= columns) {
            into.add(new Row(line, text, false));
            return;
        }
        int width = Math.max(MIN_COLUMNS, columns);
        int start = 0;
        boolean continued = false;
        while (start < text.length()) {
            int room = continued ? Math.max(MIN_COLUMNS, width - INDENT) : width;
            int end = text.length() - start <= room ? text.length() : breakAt(text, start, start + room);
            into.add(new Row(line, text.substring(start, end), continued));
            start = end;
            continued = true;
        }
    }

    /** Where a row that may reach {@code limit} (exclusive) ends: after a break character near its end if any. */
    private static int breakAt(String text, int start, int limit) {
        int earliest = start + (limit - start) * 2 / 3;
        for (int i = limit - 1; i >= earliest; i--) {
            if (BREAK_AFTER.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        // Never split a character made of two chars (an emoji, a rare CJK ideograph).
        return Character.isHighSurrogate(text.charAt(limit - 1)) && limit - 1 > start ? limit - 1 : limit;
    }
}
