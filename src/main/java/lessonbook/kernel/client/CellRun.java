package lessonbook.kernel.client;

import java.time.Duration;

import lessonbook.kernel.protocol.KernelEvent.Outcome;

/** The end of one cell's execution as the host saw it. */
public record CellRun(String cellId, int executionCount, Outcome outcome, Duration wallTime) {
    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
