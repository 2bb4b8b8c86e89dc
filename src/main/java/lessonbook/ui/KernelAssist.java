package lessonbook.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import lessonbook.session.NotebookSession;
import lessonbook.ui.editor.CompletionSource;
import lessonbook.ui.editor.Completions;
import lessonbook.ui.editor.DocumentationSource;
import lessonbook.ui.editor.SymbolDoc;

/**
 * Completions and documentation for code cells, both from the kernel. The one place that turns the kernel's
 * wire records into the editor's own types, so the editor widget knows nothing of the kernel protocol.
 */
interface KernelAssist extends CompletionSource, DocumentationSource {

    static KernelAssist of(NotebookSession session) {
        return new KernelAssist() {
            @Override
            public CompletableFuture<Completions> complete(String code, int cursor) {
                return session.complete(code, cursor).thenApply(reply -> new Completions(reply.anchor(),
                        reply.suggestions().stream()
                                .map(s -> new Completions.Suggestion(s.continuation(), s.matchesType())).toList()));
            }

            @Override
            public CompletableFuture<List<SymbolDoc>> documentation(String code, int cursor) {
                return session.documentation(code, cursor).thenApply(docs -> docs.stream()
                        .map(d -> new SymbolDoc(d.signature(), d.javadoc())).toList());
            }
        };
    }
}
