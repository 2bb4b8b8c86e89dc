package lessonbook.ui.editor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the editor gets the documentation of the symbol at the caret from (Ctrl+Shift+Space or Shift+Tab).
 * In the notebook it is the kernel's, through {@code lessonbook.ui.KernelAssist}. Like completion, it is
 * never awaited on the FX thread; an empty list, a failure or a timeout shows a line saying so.
 */
@FunctionalInterface
public interface DocumentationSource {

    CompletableFuture<List<SymbolDoc>> documentation(String code, int cursor);
}
