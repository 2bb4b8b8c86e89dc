package lessonbook.ui;

import java.util.function.Consumer;

import lessonbook.jit.HostCompilers;
import lessonbook.model.CellState;
import lessonbook.model.DocumentChange;
import lessonbook.model.NotebookDocument;

/**
 * When the window's JIT compilers step back ({@link HostCompilers}): C1 only from the start, and the lower priority
 * only once a cell runs, not at start-up. The window's first frame waits for its own compiles, and niced compilers
 * waited behind the kernel JVM's start (the first-frame probe's FX thread took 3.2-3.6 s of CPU instead of 2.0 s,
 * running interpreted for longer).
 */
public final class WindowCompilers {
    private WindowCompilers() {
    }

    /** Lowers the compilers' priority when a cell of {@code document} first runs. Called on the FX thread. */
    public static void stepBackOnceCellsRun(NotebookDocument document) {
        document.addListener(new Consumer<DocumentChange>() {
            @Override
            public void accept(DocumentChange change) {
                if (change instanceof DocumentChange.RuntimeChanged r && r.runtime().state() == CellState.RUNNING) {
                    // once is enough: off the list, so the document's later changes (every output) skip it
                    document.removeListener(this);
                    HostCompilers.lowerPriorityInBackground();
                }
            }
        });
    }
}
