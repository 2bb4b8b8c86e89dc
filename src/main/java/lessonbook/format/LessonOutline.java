package lessonbook.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import lessonbook.model.MarkdownCell;

/**
 * A lesson's headings, for the window's outline: the headings of a Markdown cell as CommonMark reads them (the
 * parser the window renders with, so a {@code #} inside a fenced code block or an HTML comment is no heading, and
 * a setext heading underlined with {@code ===} is one). Only headings at the top of a cell count, not those inside a
 * list or a quote. Bounded: at most {@value #MAX_PER_CELL} headings a cell, each cut at {@value #MAX_TEXT}
 * characters; the parse itself is linear in the cell's text.
 */
public final class LessonOutline {
    public static final int MAX_PER_CELL = 100;
    public static final int MAX_TEXT = 120;
    private static final Parser PARSER = Parser.builder().build();

    private LessonOutline() {
    }

    /** One heading: the cell it is in, its level (1 for {@code #}) and its text without markup. */
    public record Entry(String cellId, int level, String text) {
    }

    public static List<Entry> headingsOf(MarkdownCell cell) {
        List<Entry> entries = new ArrayList<>();
        for (Node block = PARSER.parse(cell.source()).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading && entries.size() < MAX_PER_CELL) {
                String text = plainText(heading);
                if (!text.isBlank()) {
                    entries.add(new Entry(cell.id(), heading.getLevel(), text));
                }
            }
        }
        return entries;
    }

    /** The text a reader sees: literal text and code spans, emphasis and links dropped, without recursion. */
    private static String plainText(Heading heading) {
        StringBuilder text = new StringBuilder();
        Deque<Node> nodes = new ArrayDeque<>();
        nodes.push(heading);
        while (!nodes.isEmpty() && text.length() < MAX_TEXT) {
            Node node = nodes.pop();
            if (node instanceof Text t) {
                text.append(t.getLiteral());
            } else if (node instanceof Code c) {
                text.append(c.getLiteral());
            }
            List<Node> children = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                children.add(child);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                nodes.push(children.get(i));
            }
        }
        String flat = text.toString().replaceAll("\\s+", " ").strip();
        return flat.length() > MAX_TEXT ? flat.substring(0, MAX_TEXT - 1) + "\u2026" : flat;
    }
}
