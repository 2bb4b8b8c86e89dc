package lessonbook.kernel.client;

import lessonbook.model.Output;

/**
 * Receives what a kernel produces. Called on the client's own event thread, never the FX thread: a UI
 * must hand over (and coalesce) itself.
 */
public interface KernelListener {
    /** Output for a cell; may arrive after that cell's run finished (background threads, workers). */
    default void onOutput(String cellId, Output output) {
    }

    default void onCellStarted(String cellId, int executionCount) {
    }

    default void onCellFinished(CellRun run) {
    }

    default void onStatus(KernelStatus status, String detail) {
    }
}
