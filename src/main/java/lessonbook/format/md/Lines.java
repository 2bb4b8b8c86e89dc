package lessonbook.format.md;

/** A text split into lines once, in one pass; a line's content excludes its terminator ("\n" or "\r\n"). */
final class Lines {
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final int count;

    Lines(String text) {
        this.text = text;
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        boolean partialLast = !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
        count = lines + (partialLast ? 1 : 0);
        starts = new int[count + 1];
        ends = new int[count];
        int line = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line] = start;
                ends[line] = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                line++;
                start = i + 1;
            }
        }
        if (partialLast) {
            starts[line] = start;
            ends[line] = text.length();
        }
        starts[count] = text.length();
    }

    int count() {
        return count;
    }

    String content(int line) {
        return text.substring(starts[line], ends[line]);
    }

    boolean isBlank(int line) {
        for (int i = starts[line]; i < ends[line]; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The exact text of lines {@code first..last} (inclusive) with their terminators. */
    String raw(int first, int last) {
        return text.substring(starts[first], starts[last + 1]);
    }

    /** The terminator of the first line that has one; "\n" for a file without line breaks. */
    String lineEnding() {
        for (int i = 0; i < count; i++) {
            int end = ends[i];
            if (end < text.length()) {
                return text.charAt(end) == '\r' ? "\r\n" : "\n";
            }
        }
        return "\n";
    }
}
