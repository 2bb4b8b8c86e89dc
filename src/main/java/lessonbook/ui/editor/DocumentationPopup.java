package lessonbook.ui.editor;

import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

import org.fxmisc.richtext.CodeArea;

/** Signature and javadoc of the symbol at the caret, in a popup under it; closed by Escape or any edit. */
final class DocumentationPopup {

    private final CodeArea area;
    private final Consumer<Parent> styler;
    private final Popup popup = new Popup();
    private final VBox entries = new VBox();

    DocumentationPopup(CodeArea area, Consumer<Parent> styler) {
        this.area = area;
        this.styler = styler;
        entries.getStyleClass().add("documentation-entries");
        ScrollPane scroll = new ScrollPane(entries);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("documentation-popup");
        scroll.setMaxHeight(320);
        scroll.setPrefViewportWidth(560);
        popup.getContent().add(scroll);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false);
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** The text shown, signature and javadoc of each entry (for tests). */
    String text() {
        StringBuilder sb = new StringBuilder();
        entries.getChildren().forEach(n -> n.lookupAll(".label").forEach(l -> sb.append(((Label) l).getText()).append('\n')));
        return sb.toString().strip();
    }

    void show(List<SymbolDoc> docs) {
        if (docs.isEmpty()) {
            hide();
            return;
        }
        entries.getChildren().clear();
        for (SymbolDoc doc : docs.subList(0, Math.min(docs.size(), 8))) {
            Label signature = new Label(doc.signature());
            signature.getStyleClass().add("documentation-signature");
            signature.setWrapText(true);
            VBox entry = new VBox(signature);
            entry.getStyleClass().add("documentation-entry");
            String body = JavadocText.toPlainText(doc.javadoc());
            if (!body.isEmpty()) {
                Label javadoc = new Label(body);
                javadoc.getStyleClass().add("documentation-text");
                javadoc.setWrapText(true);
                javadoc.setMaxWidth(540);
                entry.getChildren().add(javadoc);
            }
            entries.getChildren().add(entry);
        }
        styler.accept((Parent) popup.getContent().get(0));
        Bounds caret = area.getCaretBounds().orElse(area.localToScreen(area.getBoundsInLocal()));
        if (caret != null) {
            popup.show(area, caret.getMinX(), caret.getMaxY() + 2);
        }
    }

    void hide() {
        popup.hide();
    }
}
