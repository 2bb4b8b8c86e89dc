package lessonbook.model;

/** Where a code cell is in its life; runtime state, not saved. */
public enum CellState {
    IDLE, QUEUED, RUNNING, DONE, ERROR, INTERRUPTED, STALE
}
