package lessonbook.kernel.jvm;

import java.util.Arrays;

/**
 * Where each line of a text starts, so that a position's line is a binary search: the kernel asks for many
 * positions of one text (every snippet of a cell, every wrapped line of a snippet), and counting line breaks from
 * the start for each was n * n in a long cell.
 */
final class LineStarts {
    private final int[] starts;

    LineStarts(String text) {
        starts = new int[(int) text.chars().filter(c -> c == '\n').count() + 1];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
    }

    /** Where the 1-based {@code line} starts; the text's end for a line past it. */
    int startOf(int line) {
        return starts[Math.max(0, Math.min(line, starts.length) - 1)];
    }

    /** The 1-based line of {@code position}; line 1 for a position before the text. */
    int lineOf(int position) {
        int found = Arrays.binarySearch(starts, Math.max(0, position));
        return found >= 0 ? found + 1 : -found - 1;
    }
}
