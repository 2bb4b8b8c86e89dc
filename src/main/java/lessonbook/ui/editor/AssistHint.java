package lessonbook.ui.editor;

import java.util.function.Consumer;

import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Popup;

import org.fxmisc.richtext.CodeArea;

/**
 * One line under the caret saying why Ctrl+Space or the documentation key shows nothing yet, or nothing at all:
 * the kernel has not answered (it may still be starting), it could not, or it had nothing to offer. A key that
 * did nothing visible leaves a student pressing it again. Gone at the next edit, caret move, Escape, click or
 * focus loss. FX thread only.
 */
final class AssistHint {

    private final CodeArea area;
    private final Consumer<Parent> styler;
    private final Popup popup = new Popup();
    private final Label label = new Label();

    AssistHint(CodeArea area, Consumer<Parent> styler) {
        this.area = area;
        this.styler = styler;
        label.getStyleClass().add("assist-hint");
        popup.getContent().add(label);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false);
    }

    void show(String text) {
        Bounds caret = area.getCaretBounds().orElse(null);
        if (caret == null || !area.isFocused()) {
            return;
        }
        label.setText(text);
        styler.accept(label);
        if (popup.isShowing()) {
            popup.setAnchorX(caret.getMinX());
            popup.setAnchorY(caret.getMaxY() + 2);
        } else {
            popup.show(area, caret.getMinX(), caret.getMaxY() + 2);
        }
    }

    void hide() {
        popup.hide();
    }

    /** What the hint says while it shows; empty when hidden (for tests). */
    String shown() {
        return popup.isShowing() ? label.getText() : "";
    }
}
