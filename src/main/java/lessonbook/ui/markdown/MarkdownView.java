package lessonbook.ui.markdown;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

import lessonbook.format.MarkdownDepth;

/**
 * Markdown (CommonMark + GFM tables) rendered as JavaFX nodes, for the notebook's prose cells.
 *
 * <p>Headings, paragraphs, emphasis and strong, inline code, fenced code blocks (Java ones highlighted like
 * the editor), bullet and ordered lists (nested), block quotes, tables, horizontal rules, links and images.
 * Nothing is loaded from the network and no script runs: a link click calls the {@link #setLinkHandler link
 * handler} (the shell passes {@code HostServices::showDocument}; relative links arrive resolved to
 * {@code file:} URIs against the {@link #baseDirectoryProperty() base directory}); images are read only from
 * local files relative to that directory (or {@code file:} URIs), anything else shows its alt text in
 * brackets; raw HTML is shown as its source text ({@code <br>} as a line break).
 *
 * <p>Text wraps and reflows with the width the parent gives (in a ScrollPane, use fitToWidth). Fonts follow
 * the inherited CSS {@code -fx-font-size} (zoom on the scene root) or {@link #fontSizeProperty()} when
 * positive; colours come from {@link lessonbook.ui.editor.EditorTheme}'s stylesheets. Style class:
 * {@code markdown-view}; see {@code markdown.css} for the classes of the parts.
 *
 * <p>Rendering runs on the FX thread when the markdown, base directory or link handler changes (parsing a
 * cell takes well under a millisecond). Use on the FX thread only.
 */
public class MarkdownView extends VBox {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final StringProperty markdown = new SimpleStringProperty(this, "markdown", "");
    private final ObjectProperty<Path> baseDirectory = new SimpleObjectProperty<>(this, "baseDirectory");
    private final ObjectProperty<Consumer<String>> linkHandler = new SimpleObjectProperty<>(this, "linkHandler");
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 0);

    public MarkdownView() {
        this("");
    }

    public MarkdownView(String markdown) {
        getStyleClass().add("markdown-view");
        setMinWidth(0);
        this.markdown.addListener((o, a, b) -> render());
        baseDirectory.addListener((o, a, b) -> render());
        linkHandler.addListener((o, a, b) -> render());
        fontSize.addListener((o, a, b) -> setStyle(b.doubleValue() > 0 ? "-fx-font-size: " + b + "px;" : ""));
        this.markdown.set(markdown == null ? "" : markdown);
        render();
    }

    public StringProperty markdownProperty() {
        return markdown;
    }

    public String getMarkdown() {
        return markdown.get();
    }

    public void setMarkdown(String source) {
        markdown.set(source == null ? "" : source);
    }

    /** The lesson's folder: relative image paths and links are resolved against it. */
    public ObjectProperty<Path> baseDirectoryProperty() {
        return baseDirectory;
    }

    public void setBaseDirectory(Path directory) {
        baseDirectory.set(directory);
    }

    /** Called with the link's target when a link is clicked; without one, links do nothing. */
    public void setLinkHandler(Consumer<String> handler) {
        linkHandler.set(handler);
    }

    /** Font size in px; 0 (default) inherits {@code -fx-font-size} from the parents. */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    private void render() {
        ProseBound.Drawn drawn = ProseBound.parse(PARSER, markdown.get());
        org.commonmark.node.Node document = MarkdownDepth.bound(drawn.document());
        MarkdownRenderer renderer = new MarkdownRenderer(baseDirectory.get(), this::followLink, this);
        List<Node> blocks = renderer.blocks(document, 0);
        if (drawn.note() != null) {
            Label note = new Label(drawn.note());
            note.setWrapText(true);
            note.getStyleClass().add("md-not-drawn");
            blocks.add(note);
        }
        getChildren().setAll(blocks);
    }

    private void followLink(String target) {
        Consumer<String> handler = linkHandler.get();
        if (handler != null && target != null) {
            handler.accept(target);
        }
    }
}
