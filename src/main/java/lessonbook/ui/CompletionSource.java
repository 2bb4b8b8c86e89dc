package lessonbook.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import lessonbook.kernel.protocol.KernelEvent;

/** Completions and documentation for an editor, shaped like {@code Kernel.complete}/{@code documentation}. */
public interface CompletionSource {
    CompletableFuture<KernelEvent.Completions> complete(String code, int cursor);

    CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor);
}
