package lessonbook.ui.editor;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.fxmisc.richtext.CodeArea;

/**
 * The editor's popups (completion list, documentation, diagnostic tooltip, assist hint), each created on first use: a
 * notebook holds hundreds of editors and most never open one. Popups live in their own scene, so each gets
 * the editor's scene stylesheets and font size when shown.
 */
final class EditorPopups {

    private final CodeArea area;
    private CompletionPopup completion;
    private DocumentationPopup documentation;
    private Tooltip tooltip;
    private AssistHint hint;

    EditorPopups(CodeArea area) {
        this.area = area;
    }

    CompletionPopup completion() {
        if (completion == null) {
            completion = new CompletionPopup(area, this::style);
        }
        return completion;
    }

    DocumentationPopup documentation() {
        if (documentation == null) {
            documentation = new DocumentationPopup(area, this::style);
        }
        return documentation;
    }

    AssistHint hint() {
        if (hint == null) {
            hint = new AssistHint(area, this::style);
        }
        return hint;
    }

    /** What the assist hint says, empty when it is hidden. */
    String hintShown() {
        return hint == null ? "" : hint.shown();
    }

    void hideHint() {
        if (hint != null) {
            hint.hide();
        }
    }

    Tooltip tooltip() {
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.getStyleClass().add("diagnostic-tooltip");
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(600);
        }
        return tooltip;
    }

    boolean isCompletionShowing() {
        return completion != null && completion.isShowing();
    }

    boolean isDocumentationShowing() {
        return documentation != null && documentation.isShowing();
    }

    List<String> completionItems() {
        return completion == null ? List.of() : completion.items();
    }

    void hideCompletion() {
        if (completion != null) {
            completion.hide();
        }
    }

    void hideDocumentation() {
        if (documentation != null) {
            documentation.hide();
        }
    }

    void hideTooltip() {
        if (tooltip != null) {
            tooltip.hide();
        }
    }

    /** Keys while a popup shows; true when used (the caller consumes the event). */
    boolean handleKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && !hintShown().isEmpty()) {
            hint.hide();
            return true;
        }
        if (isCompletionShowing() && completion.handleKey(e)) {
            return true;
        }
        if (e.getCode() == KeyCode.ESCAPE && isDocumentationShowing()) {
            documentation.hide();
            return true;
        }
        return false;
    }

    private void style(Parent root) {
        if (area.getScene() != null) {
            root.getStylesheets().setAll(area.getScene().getStylesheets());
        }
        root.setStyle("-fx-font-size: " + fontSize(area) + "px;");
    }

    /** The size the area's text is drawn at (after CSS inheritance). */
    static double fontSize(CodeArea area) {
        Node text = area.lookup(".text");
        return text instanceof Text ? ((Text) text).getFont().getSize() : Font.getDefault().getSize();
    }
}
