package lessonbook.ui.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.node.Image;
import org.fxmisc.richtext.model.StyleSpan;

import lessonbook.format.ImageSize;
import lessonbook.ui.editor.JavaSyntax;

/**
 * Turns a commonmark document into JavaFX nodes: blocks become TextFlows, boxes and grids; inline runs become
 * Text nodes carrying CSS classes ({@code md-text md-strong md-emphasis md-code md-link md-h1..6}).
 * Raw HTML is shown as its source text and never interpreted; images come only from local files.
 */
final class MarkdownRenderer {

    private static final String[] BULLETS = {"\u2022", "\u25E6", "\u25AA"};

    private final Path baseDirectory;
    private final Consumer<String> linkHandler;
    private final Region widthSource;

    MarkdownRenderer(Path baseDirectory, Consumer<String> linkHandler, Region widthSource) {
        this.baseDirectory = baseDirectory;
        this.linkHandler = linkHandler;
        this.widthSource = widthSource;
    }

    List<Node> blocks(org.commonmark.node.Node parent, int listDepth) {
        List<Node> nodes = new ArrayList<>();
        for (org.commonmark.node.Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Node rendered = block(child, listDepth);
            if (rendered != null) {
                nodes.add(rendered);
            }
        }
        return nodes;
    }

    private Node block(org.commonmark.node.Node node, int listDepth) {
        if (node instanceof Heading) {
            int level = ((Heading) node).getLevel();
            TextFlow flow = inlineFlow(node, List.of("md-h" + level));
            flow.getStyleClass().addAll("md-heading-block", "level-" + level);
            return flow;
        } else if (node instanceof Paragraph) {
            TextFlow flow = inlineFlow(node, List.of());
            flow.getStyleClass().add("md-paragraph");
            return flow;
        } else if (node instanceof FencedCodeBlock) {
            FencedCodeBlock code = (FencedCodeBlock) node;
            return codeBlock(code.getLiteral(), code.getInfo());
        } else if (node instanceof IndentedCodeBlock) {
            return codeBlock(((IndentedCodeBlock) node).getLiteral(), "");
        } else if (node instanceof ListBlock) {
            return list((ListBlock) node, listDepth);
        } else if (node instanceof BlockQuote) {
            VBox quote = new VBox();
            quote.getStyleClass().add("md-block-quote");
            quote.getChildren().addAll(blocks(node, listDepth));
            return quote;
        } else if (node instanceof ThematicBreak) {
            Region rule = new Region();
            rule.getStyleClass().add("md-rule");
            return rule;
        } else if (node instanceof HtmlBlock) {
            TextFlow flow = new TextFlow(text(stripTrailingNewline(((HtmlBlock) node).getLiteral()), List.of("md-html")));
            flow.getStyleClass().add("md-paragraph");
            return flow;
        } else if (node instanceof TableBlock) {
            return table(node);
        }
        return null; // link reference definitions and anything unknown render as nothing
    }

    private Node list(ListBlock list, int depth) {
        VBox box = new VBox();
        box.getStyleClass().addAll("md-list", list instanceof OrderedList ? "ordered" : "bullet");
        int number = list instanceof OrderedList ? startNumber((OrderedList) list) : 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof OrderedList
                    ? (number++) + "." : BULLETS[Math.min(depth, BULLETS.length - 1)];
            Label markerLabel = new Label(marker);
            markerLabel.getStyleClass().add("md-list-marker");
            markerLabel.setMinWidth(Region.USE_PREF_SIZE);
            VBox body = new VBox();
            body.getStyleClass().add("md-list-item-body");
            body.getChildren().addAll(blocks(item, depth + 1));
            HBox.setHgrow(body, Priority.ALWAYS);
            HBox row = new HBox(markerLabel, body);
            row.getStyleClass().add("md-list-item");
            row.setAlignment(Pos.TOP_LEFT);
            box.getChildren().add(row);
        }
        return box;
    }

    private static int startNumber(OrderedList list) {
        Integer start = list.getMarkerStartNumber();
        return start != null ? start : 1;
    }

    private Node table(org.commonmark.node.Node table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        int row = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean header = section instanceof TableHead;
            for (org.commonmark.node.Node tr = section.getFirstChild(); tr != null; tr = tr.getNext()) {
                if (!(tr instanceof TableRow)) {
                    continue;
                }
                int column = 0;
                for (org.commonmark.node.Node td = tr.getFirstChild(); td != null; td = td.getNext()) {
                    TextFlow cell = inlineFlow(td, List.of());
                    cell.getStyleClass().add("md-table-cell");
                    if (header) {
                        cell.getStyleClass().add("header");
                    }
                    if (td instanceof TableCell && ((TableCell) td).getAlignment() != null) {
                        TableCell.Alignment a = ((TableCell) td).getAlignment();
                        cell.setTextAlignment(a == TableCell.Alignment.CENTER ? TextAlignment.CENTER
                                : a == TableCell.Alignment.RIGHT ? TextAlignment.RIGHT : TextAlignment.LEFT);
                    }
                    grid.add(cell, column++, row);
                }
                row++;
            }
        }
        return grid;
    }

    private Node codeBlock(String literal, String info) {
        String code = stripTrailingNewline(literal);
        String language = info == null ? "" : info.trim().split("\\s+")[0];
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-code-flow");
        if (language.equalsIgnoreCase("java") || language.equalsIgnoreCase("jshell")) {
            int at = 0;
            for (StyleSpan<Collection<String>> span : JavaSyntax.analyze(code).spans()) {
                if (span.getLength() > 0) {
                    List<String> classes = new ArrayList<>(span.getStyle());
                    classes.add(0, "md-code-text");
                    flow.getChildren().add(styled(code.substring(at, at + span.getLength()), classes));
                }
                at += span.getLength();
            }
        } else {
            flow.getChildren().add(styled(code, List.of("md-code-text")));
        }
        // Students copy snippets from the prose: a Copy button shows while the pointer is over the block.
        Button copy = new Button("Copy");
        copy.getStyleClass().add("md-copy-button");
        copy.setFocusTraversable(false);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(code);
            Clipboard.getSystemClipboard().setContent(content);
        });
        StackPane box = new StackPane(flow, copy);
        StackPane.setAlignment(flow, Pos.TOP_LEFT);
        StackPane.setAlignment(copy, Pos.TOP_RIGHT);
        box.getStyleClass().add("md-code-block");
        return box;
    }

    private static String stripTrailingNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    // ---- inlines ----------------------------------------------------------------------------------------

    private TextFlow inlineFlow(org.commonmark.node.Node parent, List<String> classes) {
        TextFlow flow = new TextFlow();
        inlines(parent, flow, classes, null);
        return flow;
    }

    private void inlines(org.commonmark.node.Node parent, TextFlow flow, List<String> classes, String link) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text) {
                flow.getChildren().add(linked(text(((org.commonmark.node.Text) n).getLiteral(), classes), link));
            } else if (n instanceof Code) {
                flow.getChildren().add(linked(text(((Code) n).getLiteral(), plus(classes, "md-code")), link));
            } else if (n instanceof Emphasis) {
                inlines(n, flow, plus(classes, "md-emphasis"), link);
            } else if (n instanceof StrongEmphasis) {
                inlines(n, flow, plus(classes, "md-strong"), link);
            } else if (n instanceof Link) {
                String target = LocalResources.resolveLink(baseDirectory, ((Link) n).getDestination());
                inlines(n, flow, plus(classes, "md-link"), target);
            } else if (n instanceof Image) {
                flow.getChildren().add(image((Image) n, classes));
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", classes));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", classes));
            } else if (n instanceof HtmlInline) {
                String html = ((HtmlInline) n).getLiteral();
                boolean lineBreak = html.replace(" ", "").toLowerCase(java.util.Locale.ROOT).matches("<br/?>");
                flow.getChildren().add(lineBreak ? text("\n", classes) : text(html, plus(classes, "md-html")));
            } else {
                inlines(n, flow, classes, link);
            }
        }
    }

    private Node image(Image image, List<String> classes) {
        String alt = plainText(image);
        Optional<Path> file = LocalResources.localImage(baseDirectory, image.getDestination());
        if (file.isEmpty()) {
            return text(alt.isBlank() ? "[image]" : "[" + alt + "]", plus(classes, "md-image-alt"));
        }
        Optional<ImageSize> size = headerSize(file.get());
        if (size.isPresent() && !size.get().fits()) {
            return text(String.format(Locale.ROOT, "[%s: an image of %,d x %,d pixels, too large to show here]",
                    alt.isBlank() ? "image" : alt, size.get().width(), size.get().height()),
                    plus(classes, "md-image-alt"));
        }
        javafx.scene.image.Image picture = new javafx.scene.image.Image(file.get().toUri().toString(), true);
        ImageView view = new ImageView(picture);
        view.getStyleClass().add("md-image");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        // Never wider than the view: scale down large pictures, keep small ones at their size.
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, Math.min(picture.getWidth(), widthSource.getWidth() - 24)),
                picture.widthProperty(), widthSource.widthProperty()));
        if (!alt.isBlank()) {
            Tooltip.install(view, new Tooltip(alt));
        }
        return view;
    }

    /**
     * The size a picture's header states, read from its first 64 KB (a JPEG's size may follow its metadata), before
     * it is decoded: a 400 KB PNG beside a lesson decoded to 1.6 GB of pixels, and the software renderer failed to
     * draw it. Empty when the file cannot be read or its format is not known here (JavaFX then tries it).
     */
    private static Optional<ImageSize> headerSize(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ImageSize.of(in.readNBytes(64 * 1024));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String plainText(org.commonmark.node.Node node) {
        StringBuilder sb = new StringBuilder();
        for (org.commonmark.node.Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text) {
                sb.append(((org.commonmark.node.Text) n).getLiteral());
            } else if (n instanceof Code) {
                sb.append(((Code) n).getLiteral());
            } else {
                sb.append(plainText(n));
            }
        }
        return sb.toString();
    }

    private Text linked(Text text, String link) {
        if (link != null && LocalResources.opens(link)) {
            text.setOnMouseClicked(e -> {
                if (linkHandler != null) {
                    linkHandler.accept(link);
                }
                e.consume();
            });
            Tooltip.install(text, new Tooltip(link));
        } else if (link != null) {
            text.getStyleClass().add("md-link-not-opened");
            Tooltip.install(text, new Tooltip(link + "\n(not opened: only http, https and mailto links open)"));
        }
        return text;
    }

    private static Text text(String content, List<String> classes) {
        List<String> all = new ArrayList<>();
        all.add("md-text");
        all.addAll(classes);
        return styled(content, all);
    }

    private static Text styled(String content, List<String> classes) {
        Text text = new Text(content);
        text.getStyleClass().addAll(classes);
        return text;
    }

    private static List<String> plus(List<String> classes, String extra) {
        List<String> all = new ArrayList<>(classes);
        all.add(extra);
        return all;
    }
}
