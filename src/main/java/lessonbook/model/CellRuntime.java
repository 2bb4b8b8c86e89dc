package lessonbook.model;

import java.time.Duration;
import java.time.Instant;

/**
 * What a cell is doing right now and how long its last run took. Runtime only: never saved.
 * {@code startedAt} is set while running; {@code wallTime} once the run ended.
 */
public record CellRuntime(CellState state, Instant startedAt, Duration wallTime) {
    public static final CellRuntime IDLE = new CellRuntime(CellState.IDLE, null, null);

    public CellRuntime {
        java.util.Objects.requireNonNull(state, "state");
    }

    public static CellRuntime queued() {
        return new CellRuntime(CellState.QUEUED, null, null);
    }

    public static CellRuntime running(Instant since) {
        return new CellRuntime(CellState.RUNNING, since, null);
    }

    public CellRuntime finished(CellState endState, Duration took) {
        return new CellRuntime(endState, startedAt, took);
    }
}
