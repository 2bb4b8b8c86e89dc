package lessonbook.ui;

import java.util.function.Consumer;

/**
 * The part every cell editor shares: telling a user's edit (reported to the cell) from text the app puts in
 * (a reload, a recovered document), which must not come back as an edit.
 */
abstract class SourceEditorBase implements CellEditor {
    private Consumer<String> onTextChanged = t -> { };
    private boolean settingText;

    /** Called by the editor's text listener. */
    final void textChanged(String now) {
        if (!settingText) {
            onTextChanged.accept(now);
        }
    }

    /** Puts {@code text} into the component, without the guard. */
    abstract void replaceText(String text);

    @Override
    public final void setText(String text) {
        if (text.equals(text())) {
            return;
        }
        settingText = true;
        try {
            replaceText(text);
        } finally {
            settingText = false;
        }
    }

    @Override
    public final void setOnTextChanged(Consumer<String> listener) {
        this.onTextChanged = listener;
    }
}
