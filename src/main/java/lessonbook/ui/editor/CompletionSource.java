package lessonbook.ui.editor;

import java.util.concurrent.CompletableFuture;

/**
 * Where the editor gets completions from on Ctrl+Space (in the notebook: the kernel's, through
 * {@code lessonbook.ui.KernelAssist}). The editor never waits on the future on the FX thread: it
 * gives up after its completion timeout, and then, or when the future fails, shows no list but a line saying why
 * (the failure's message, its first line, is shown to the user).
 * The suggestions replace the text from {@link Completions#anchor()} to the caret.
 */
@FunctionalInterface
public interface CompletionSource {

    CompletableFuture<Completions> complete(String code, int cursor);
}
