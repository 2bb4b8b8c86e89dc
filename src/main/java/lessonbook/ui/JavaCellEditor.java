package lessonbook.ui;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Node;

import lessonbook.model.Diagnostic;
import lessonbook.ui.editor.JavaCodeEditor;

/** A code cell's editor: the full {@link JavaCodeEditor}, with completion and docs from the kernel. */
final class JavaCellEditor implements CellEditor {
    private final JavaCodeEditor editor = new JavaCodeEditor();
    private Consumer<String> onTextChanged = t -> { };
    private boolean settingText;

    JavaCellEditor(String text, CompletionSource source) {
        editor.setText(text);
        editor.getCodeArea().getUndoManager().forgetHistory();
        editor.textProperty().addListener((o, was, now) -> {
            if (!settingText) {
                onTextChanged.accept(now);
            }
        });
        editor.setCompletionSource(source::complete);
        editor.setDocumentationSource(source::documentation);
    }

    JavaCodeEditor component() {
        return editor;
    }

    @Override
    public Node node() {
        return editor;
    }

    @Override
    public String text() {
        return editor.getText();
    }

    @Override
    public void setText(String text) {
        if (text.equals(editor.getText())) {
            return;
        }
        settingText = true;
        try {
            editor.setText(text);
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
        if (diagnostics.isEmpty()) {
            editor.clearDiagnostics();
        } else {
            editor.showDiagnostics(diagnostics);
        }
    }

    @Override
    public void focusEditor() {
        editor.requestEditorFocus();
    }

    @Override
    public int caretPosition() {
        return editor.getCaretPosition();
    }

    @Override
    public boolean isEditing() {
        return editor.getCodeArea().isFocused();
    }
}
