package lessonbook.ui.editor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import lessonbook.kernel.protocol.KernelEvent;

/**
 * Where the editor gets the documentation of the symbol at the caret from (Ctrl+Shift+Space or Shift+Tab).
 * {@code kernel::documentation} of {@link lessonbook.kernel.client.Kernel} fits. Like completion, it is
 * never awaited on the FX thread; an empty list, a failure or a timeout shows nothing.
 */
@FunctionalInterface
public interface DocumentationSource {

    CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor);
}
