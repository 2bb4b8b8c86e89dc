package lessonbook.ui;

import java.util.List;

import javafx.scene.Node;

import lessonbook.model.Diagnostic;
import lessonbook.ui.editor.JavaCodeEditor;

/** A code cell's editor: the full {@link JavaCodeEditor}, with completion and docs from the kernel. */
final class JavaCellEditor extends SourceEditorBase {
    private final JavaCodeEditor editor = new JavaCodeEditor();

    JavaCellEditor(String text, KernelAssist source, boolean editable) {
        editor.setText(text);
        editor.editableProperty().set(editable);
        editor.getCodeArea().getUndoManager().forgetHistory();
        editor.textProperty().addListener((o, was, now) -> textChanged(now));
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
    void replaceText(String text) {
        editor.setText(text);
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
