package lessonbook.ui;

import java.util.List;

import javafx.scene.Node;

import org.fxmisc.richtext.CodeArea;

import lessonbook.model.Diagnostic;

/** The source of a Markdown cell while it is being edited: plain wrapped text, as tall as its content. */
final class MarkdownSourceEditor extends SourceEditorBase {
    private final CodeArea area = new CodeArea();

    MarkdownSourceEditor(String text) {
        area.getStyleClass().add("markdown-editor");
        area.setWrapText(true);
        area.setAutoHeight(true);
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((o, was, now) -> textChanged(now));
    }

    @Override
    public Node node() {
        return area;
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
