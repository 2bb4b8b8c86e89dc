package lessonbook.ui.editor;

import java.util.concurrent.CompletableFuture;

import lessonbook.kernel.protocol.KernelEvent;

/**
 * Where the editor gets completions from on Ctrl+Space. {@code kernel::complete} of
 * {@link lessonbook.kernel.client.Kernel} fits. The editor never waits on the future on the FX thread: it
 * gives up after its completion timeout and shows nothing, and also shows nothing when the future fails.
 * The suggestions replace the text from {@link KernelEvent.Completions#anchor()} to the caret.
 */
@FunctionalInterface
public interface CompletionSource {

    CompletableFuture<KernelEvent.Completions> complete(String code, int cursor);
}
