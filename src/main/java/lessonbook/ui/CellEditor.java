package lessonbook.ui;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Node;

import lessonbook.model.Diagnostic;

/**
 * What a cell view needs from a source editor. Kept small so the editor component can be swapped
 * (the plain one here, the full Java editor from {@code lessonbook.ui.editor}) without touching cells.
 */
public interface CellEditor {
    Node node();

    String text();

    /** Replaces the text without reporting it as a user edit. */
    void setText(String text);

    /** Called with the new text after each user edit. */
    void setOnTextChanged(Consumer<String> listener);

    /** Underlines the given spans (offsets into the text); an empty list clears them. */
    void showDiagnostics(List<Diagnostic> diagnostics);

    void focusEditor();

    int caretPosition();

    /** True while the keyboard focus is inside this editor (Jupyter's edit mode). */
    boolean isEditing();
}
