package lessonbook.ui.editor;

import java.util.List;

/**
 * What a {@link CompletionSource} answers: the suggestions replace the text from {@code anchor} to the caret.
 * The editor's own type, so the widget does not depend on the kernel's wire records.
 */
public record Completions(int anchor, List<Suggestion> suggestions) {
    public Completions {
        suggestions = List.copyOf(suggestions);
    }

    /** The text to put in place of the anchor-to-caret text; those that {@code matchesType} (the type expected at the caret) are listed first. */
    public record Suggestion(String continuation, boolean matchesType) {
    }
}
