package lessonbook.ui.editor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import lessonbook.syntax.JavaLexer;

/**
 * The highlighting of one snapshot of a cell's text: style spans for every character and, for bracket
 * matching, the partner of every bracket outside strings and comments. Computed off the FX thread by
 * {@link #analyze(String)}; immutable afterwards.
 */
public final class JavaSyntax {

    private final int length;
    private final StyleSpans<Collection<String>> spans;
    private final int[] bracketPositions;
    private final int[] partners;

    private JavaSyntax(int length, StyleSpans<Collection<String>> spans, int[] bracketPositions, int[] partners) {
        this.length = length;
        this.spans = spans;
        this.bracketPositions = bracketPositions;
        this.partners = partners;
    }

    /** Pure and thread-safe: may run on any thread. */
    public static JavaSyntax analyze(String text) {
        List<JavaLexer.Token> tokens = JavaLexer.tokenize(text);
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int last = 0;
        int bracketCount = 0;
        for (JavaLexer.Token t : tokens) {
            builder.add(Collections.emptyList(), t.start() - last);
            builder.add(Collections.singletonList(t.kind().styleClass()), t.end() - t.start());
            last = t.end();
            if (isBracket(t.kind())) {
                bracketCount++;
            }
        }
        builder.add(Collections.emptyList(), text.length() - last);

        int[] positions = new int[bracketCount];
        int k = 0;
        for (JavaLexer.Token t : tokens) {
            if (isBracket(t.kind())) {
                positions[k++] = t.start();
            }
        }
        return new JavaSyntax(text.length(), builder.create(), positions, pair(text, positions));
    }

    private static boolean isBracket(JavaLexer.Kind kind) {
        return kind == JavaLexer.Kind.PAREN || kind == JavaLexer.Kind.BRACE || kind == JavaLexer.Kind.BRACKET;
    }

    private static int[] pair(String text, int[] positions) {
        int[] partners = new int[positions.length];
        Arrays.fill(partners, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < positions.length; i++) {
            char c = text.charAt(positions[i]);
            if (c == '(' || c == '[' || c == '{') {
                open.push(i);
            } else if (!open.isEmpty() && text.charAt(positions[open.peek()]) == opening(c)) {
                int j = open.pop();
                partners[i] = positions[j];
                partners[j] = positions[i];
            }
            // A closer that does not fit the innermost opener stays unmatched; the opener stays open.
        }
        return partners;
    }

    static char opening(char closer) {
        return closer == ')' ? '(' : closer == ']' ? '[' : '{';
    }

    /** Length of the text this was computed from. */
    public int length() {
        return length;
    }

    public StyleSpans<Collection<String>> spans() {
        return spans;
    }

    /** Whether a code bracket (not one inside a string or comment) sits at {@code pos}. */
    public boolean isBracketAt(int pos) {
        return Arrays.binarySearch(bracketPositions, pos) >= 0;
    }

    /** The position of the bracket matching the one at {@code pos}, or -1 if unmatched or none there. */
    public int partnerOf(int pos) {
        int i = Arrays.binarySearch(bracketPositions, pos);
        return i < 0 ? -1 : partners[i];
    }
}
