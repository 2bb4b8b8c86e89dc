package lessonbook.ui.editor;

/**
 * Indentation rules of the editor, as pure functions of the text so they can be tested without a UI:
 * Enter keeps the line's indentation and adds a level after an opening bracket; a closing brace typed on
 * a blank line goes back to the indentation of the line that opened its block.
 */
final class Indentation {

    static final String UNIT = "    ";

    /** Text to insert, and where the caret goes relative to the start of the insertion. */
    record Insertion(String text, int caret) {
    }

    private Indentation() {
    }

    static int lineStart(String text, int pos) {
        return text.lastIndexOf('\n', pos - 1) + 1;
    }

    static String leadingWhitespace(String text, int from, int to) {
        int k = from;
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return text.substring(from, k);
    }

    /** What Enter inserts at {@code caret} (any selection already removed). */
    static Insertion newline(String text, int caret) {
        int start = lineStart(text, caret);
        String indent = leadingWhitespace(text, start, caret);
        char before = lastNonBlank(text, start, caret);
        if (before == '{' || before == '(' || before == '[') {
            String inner = "\n" + indent + UNIT;
            if (firstNonBlankAfter(text, caret) == closerOf(before)) {
                return new Insertion(inner + "\n" + indent, inner.length());
            }
            return new Insertion(inner, inner.length());
        }
        String plain = "\n" + indent;
        return new Insertion(plain, plain.length());
    }

    /**
     * The new indentation for a line when '}' is typed at {@code caret}, or null when the line holds more
     * than whitespace before the caret (then the brace is inserted as typed).
     */
    static String indentForClosingBrace(String text, int caret) {
        int start = lineStart(text, caret);
        String before = text.substring(start, caret);
        if (!before.isBlank()) {
            return null;
        }
        int open = openingBraceBefore(text, start);
        if (open >= 0) {
            int openLine = lineStart(text, open);
            return leadingWhitespace(text, openLine, open);
        }
        return before.length() >= UNIT.length() ? before.substring(UNIT.length()) : "";
    }

    /** Scans back for the '{' left open at {@code pos}; brackets in strings are not told apart. */
    private static int openingBraceBefore(String text, int pos) {
        int depth = 0;
        for (int k = pos - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '}') {
                depth++;
            } else if (c == '{') {
                if (depth == 0) {
                    return k;
                }
                depth--;
            }
        }
        return -1;
    }

    private static char lastNonBlank(String text, int from, int to) {
        for (int k = to - 1; k >= from; k--) {
            char c = text.charAt(k);
            if (c != ' ' && c != '\t') {
                return c;
            }
        }
        return 0;
    }

    private static char firstNonBlankAfter(String text, int from) {
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                return 0;
            }
            if (c != ' ' && c != '\t') {
                return c;
            }
        }
        return 0;
    }

    private static char closerOf(char opener) {
        return opener == '{' ? '}' : opener == '(' ? ')' : ']';
    }
}
