package lessonbook.ui;

import java.util.List;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

import org.fxmisc.richtext.CodeArea;

import lessonbook.model.Diagnostic;
import lessonbook.ui.editor.EditorSizing;

/**
 * The source of a Markdown cell while it is being edited: plain wrapped text, as tall as its content up to the
 * code editor's bound, past which it scrolls in a box (the same {@link EditorSizing}).
 */
final class MarkdownSourceEditor extends SourceEditorBase {
    private final CodeArea area = new CodeArea();
    private final VBox box = new VBox();

    MarkdownSourceEditor(String text) {
        area.getStyleClass().add("markdown-editor");
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((o, was, now) -> textChanged(now));
        new EditorSizing(box, area, new SimpleBooleanProperty(true)).apply();
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public String text() {
        return area.getText();
    }

    @Override
    void replaceText(String text) {
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
    }

    @Override
    public void showDiagnostics(List<Diagnostic> diagnostics) {
        // Prose has no compile errors.
    }

    @Override
    public void focusEditor() {
        area.requestFocus();
    }

    @Override
    public int caretPosition() {
        return area.getCaretPosition();
    }

    @Override
    public boolean isEditing() {
        return area.isFocused();
    }
}
