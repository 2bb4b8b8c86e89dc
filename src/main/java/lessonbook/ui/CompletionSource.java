package lessonbook.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.session.NotebookSession;

import lessonbook.ui.editor.DocumentationSource;

/** Completions and documentation for code cells, both from the kernel (its method shapes fit). */
interface CompletionSource extends lessonbook.ui.editor.CompletionSource, DocumentationSource {

    static CompletionSource of(NotebookSession session) {
        return new CompletionSource() {
            @Override
            public CompletableFuture<KernelEvent.Completions> complete(String code, int cursor) {
                return session.complete(code, cursor);
            }

            @Override
            public CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor) {
                return session.documentation(code, cursor);
            }
        };
    }
}
