package lessonbook.session;

import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.KernelStatus;
import lessonbook.model.Output;

/** One thing a kernel told the app, queued in arrival order until the next hand-over to the FX thread. */
sealed interface KernelUpdate {
    record CellOutput(String cellId, Output output) implements KernelUpdate {
    }

    record CellStarted(String cellId, int executionCount) implements KernelUpdate {
    }

    record CellFinished(CellRun run) implements KernelUpdate {
    }

    /** The execute future failed (kernel died, could not start) without a finish event. */
    record CellFailed(String cellId, String reason) implements KernelUpdate {
    }

    /** A running cell waits for a line of System.in. */
    record InputRequested(String cellId, long inputId) implements KernelUpdate {
    }

    record Status(KernelStatus status, String detail) implements KernelUpdate {
    }
}
