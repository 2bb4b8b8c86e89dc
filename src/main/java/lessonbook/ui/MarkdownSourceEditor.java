package lessonbook.ui;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Node;

import org.fxmisc.richtext.CodeArea;

import lessonbook.model.Diagnostic;

/** The source of a Markdown cell while it is being edited: plain wrapped text, as tall as its content. */
final class MarkdownSourceEditor implements CellEditor {
    private final CodeArea area = new CodeArea();
    private Consumer<String> onTextChanged = t -> { };
    private boolean settingText;

    MarkdownSourceEditor(String text) {
        area.getStyleClass().add("markdown-editor");
        area.setWrapText(true);
        area.setAutoHeight(true);
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((o, was, now) -> {
            if (!settingText) {
                onTextChanged.accept(now);
            }
        });
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
    public void setText(String text) {
        if (text.equals(area.getText())) {
            return;
        }
        settingText = true;
        try {
            area.replaceText(text);
            area.getUndoManager().forgetHistory();
        } finally {
            settingText = false;
        }
    }

    @Override
    public void setOnTextChanged(Consumer<String> listener) {
        this.onTextChanged = listener;
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
