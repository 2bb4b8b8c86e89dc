package lessonbook.ui;

import lessonbook.ui.editor.DocumentationSource;

/** Completions and documentation for code cells, both from the kernel (its method shapes fit). */
interface CompletionSource extends lessonbook.ui.editor.CompletionSource, DocumentationSource {
}
