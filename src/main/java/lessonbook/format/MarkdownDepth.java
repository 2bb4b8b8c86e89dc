package lessonbook.format;

import java.util.ArrayDeque;
import java.util.Deque;

import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.ListItem;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Bounds the nesting of a parsed Markdown tree before a renderer walks it: both renderers (the window's and the
 * HTML export's) recurse once per level, so 2,000 levels of {@code > } overflowed the stack. A node at
 * {@link #MAX_DEPTH} keeps its place but its content becomes its plain text. Real lessons nest a few levels.
 */
public final class MarkdownDepth {
    public static final int MAX_DEPTH = 32;

    private MarkdownDepth() {
    }

    /** Flattens, in place and without recursion, every node deeper than {@link #MAX_DEPTH}; returns {@code root}. */
    public static Node bound(Node root) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (depth >= MAX_DEPTH && node.getFirstChild() != null) {
                flatten(node instanceof Block ? container(node) : node);
                continue;
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return root;
    }

    /**
     * The nearest block that may hold a paragraph (a list holds only items, a table only rows), so the
     * flattened text still shows in both renderers.
     */
    private static Node container(Node block) {
        Node node = block;
        while (!(node instanceof Document || node instanceof BlockQuote || node instanceof ListItem)
                && node.getParent() != null) {
            node = node.getParent();
        }
        return node;
    }

    private static void flatten(Node node) {
        String text = plainText(node);
        while (node.getFirstChild() != null) {
            node.getFirstChild().unlink();
        }
        if (node instanceof Block) {
            Paragraph paragraph = new Paragraph();
            paragraph.appendChild(new Text(text));
            node.appendChild(paragraph);
        } else {
            node.appendChild(new Text(text));
        }
    }

    /** The text of every leaf under {@code node}, in order, without recursion. */
    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        Deque<Node> pending = new ArrayDeque<>();
        for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
            pending.push(child);
        }
        while (!pending.isEmpty()) {
            Node next = pending.pop();
            if (next instanceof Text t) {
                text.append(t.getLiteral());
            } else if (next instanceof Code c) {
                text.append(c.getLiteral());
            } else if (next instanceof HtmlInline h) {
                text.append(h.getLiteral());
            } else if (next instanceof SoftLineBreak || next instanceof HardLineBreak) {
                text.append('\n');
            } else if (next instanceof FencedCodeBlock f) {
                text.append(f.getLiteral());
            } else if (next instanceof IndentedCodeBlock i) {
                text.append(i.getLiteral());
            } else if (next instanceof HtmlBlock h) {
                text.append(h.getLiteral());
            }
            if (next instanceof Block && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            for (Node child = next.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(child);
            }
        }
        return text.toString().strip();
    }
}
