package lessonbook.kernel.client;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Output;

/**
 * Receives what a kernel produces. A cell's end is not told here: the future {@link Kernel#execute} returns is
 * its one end signal, completed on the same thread after the cell's own output was told. Called on the client's own event thread, never the FX thread: a UI
 * must hand over (and coalesce) itself.
 */
public interface KernelListener {
    /** Output for a cell; may arrive after that cell's run finished (background threads, workers). */
    default void onOutput(String cellId, Output output) {
    }

    default void onCellStarted(String cellId, int executionCount) {
    }

    /**
     * A running worker's live CPU time or wait state: transient, to show and forget (never part of a cell's
     * outputs). Bounded by the kernel (one of each kind per worker per flush); may arrive after that worker's exit.
     */
    default void onWorkerActivity(KernelEvent.WorkerActivity activity) {
    }

    /**
     * A thread of the running cell reads System.in and waits for a line: answer with {@link Kernel#answerInput}
     * (any thread). Comes after the output printed before the read (its prompt). Lapses when the cell ends, which
     * may already have happened when this arrives: answer only a cell that still runs.
     */
    default void onInputRequested(String cellId, long inputId) {
    }

    default void onStatus(KernelStatus status, String detail) {
    }
}
