package lessonbook.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * A small Markdown-to-nodes rendering used until the full {@code MarkdownView} lands: headings, paragraphs
 * with emphasis and inline code, code blocks, lists and quotes. It loads nothing and runs nothing.
 */
final class MarkdownPreview {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownPreview() {
    }

    static Node render(String markdown) {
        VBox box = new VBox();
        box.getStyleClass().add("markdown-view");
        org.commonmark.node.Node doc = PARSER.parse(markdown);
        for (org.commonmark.node.Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
            box.getChildren().add(block(block));
        }
        if (box.getChildren().isEmpty()) {
            Label empty = new Label("Empty Markdown cell: double-click to write");
            empty.getStyleClass().add("md-placeholder");
            box.getChildren().add(empty);
        }
        return box;
    }

    private static Node block(org.commonmark.node.Node block) {
        if (block instanceof Heading h) {
            return flow(h, "md-h" + Math.min(h.getLevel(), 4));
        } else if (block instanceof Paragraph p) {
            return flow(p, "md-p");
        } else if (block instanceof FencedCodeBlock f) {
            return codeBlock(f.getLiteral());
        } else if (block instanceof IndentedCodeBlock c) {
            return codeBlock(c.getLiteral());
        } else if (block instanceof BulletList || block instanceof OrderedList) {
            VBox list = new VBox();
            list.getStyleClass().add("md-list");
            int n = block instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (org.commonmark.node.Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                Label marker = new Label(block instanceof OrderedList ? (n++) + "." : "\u2022");
                marker.getStyleClass().add("md-marker");
                VBox body = new VBox();
                for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                    body.getChildren().add(block(c));
                }
                HBox row = new HBox(marker, body);
                row.getStyleClass().add("md-list-item");
                list.getChildren().add(row);
            }
            return list;
        } else if (block instanceof BlockQuote q) {
            VBox quote = new VBox();
            quote.getStyleClass().add("md-quote");
            for (org.commonmark.node.Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                quote.getChildren().add(block(c));
            }
            return quote;
        } else if (block instanceof ListItem) {
            return flow(block, "md-p");
        }
        return flow(block, "md-p");
    }

    private static Node codeBlock(String literal) {
        Label code = new Label(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        code.getStyleClass().add("md-code-block");
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private static TextFlow flow(org.commonmark.node.Node parent, String style) {
        List<Node> runs = new ArrayList<>();
        inline(parent, runs, List.of());
        TextFlow flow = new TextFlow(runs.toArray(Node[]::new));
        flow.getStyleClass().add(style);
        return flow;
    }

    private static void inline(org.commonmark.node.Node parent, List<Node> out, List<String> styles) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                out.add(text(t.getLiteral(), styles));
            } else if (n instanceof Code c) {
                out.add(text(c.getLiteral(), with(styles, "md-code")));
            } else if (n instanceof Emphasis) {
                inline(n, out, with(styles, "md-em"));
            } else if (n instanceof StrongEmphasis) {
                inline(n, out, with(styles, "md-strong"));
            } else if (n instanceof SoftLineBreak) {
                out.add(text(" ", styles));
            } else if (n instanceof HardLineBreak) {
                out.add(text("\n", styles));
            } else {
                inline(n, out, styles);
            }
        }
    }

    private static List<String> with(List<String> styles, String more) {
        List<String> next = new ArrayList<>(styles);
        next.add(more);
        return next;
    }

    private static Text text(String literal, List<String> styles) {
        Text text = new Text(literal);
        text.getStyleClass().add("md-text");
        text.getStyleClass().addAll(styles);
        return text;
    }
}
