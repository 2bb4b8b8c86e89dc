package lessonbook.kernel.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;

/**
 * The cells waiting for the kernel and the one it runs, and how each of them ends: its notice, told to the
 * listeners, then its {@link CellRun}, the cell's one end signal, through its future on the same thread. Not thread-safe: guarded by the
 * owning {@link JvmKernel}'s lock, which also decides when the next cell may start.
 */
final class CellQueue {
    /** How long after a cell's end its worker processes are still worth watching. */
    private static final long RECENT_NANOS = 3_000_000_000L;

    private final ListenerDispatch dispatch;
    private final Deque<PendingCell> waiting = new ArrayDeque<>();
    private PendingCell running;
    private String lastCellId;
    private long lastFinishNanos;

    CellQueue(ListenerDispatch dispatch) {
        this.dispatch = dispatch;
    }

    void add(PendingCell cell) {
        waiting.add(cell);
    }

    PendingCell running() {
        return running;
    }

    /** True while a cell runs or shortly after one ended, when its workers may still be about. */
    boolean ranRecently() {
        return running != null || System.nanoTime() - lastFinishNanos < RECENT_NANOS;
    }

    /** Text the kernel process wrote outside the protocol goes to the running cell, else to the last one. */
    void rawOutput(Output.Stream text) {
        String cellId = running != null ? running.cellId : lastCellId;
        if (cellId != null) {
            output(cellId, text);
        }
    }

    /** Makes the next waiting cell the running one, or returns null when a cell runs or none waits. */
    PendingCell startNext() {
        if (running != null || waiting.isEmpty()) {
            return null;
        }
        running = waiting.poll();
        running.startNanos = System.nanoTime();
        lastCellId = running.cellId;
        return running;
    }

    /** The kernel began the running cell's request: tells the listeners its execution count. */
    void started(long requestId, String cellId, int executionCount) {
        if (running != null && running.requestId == requestId) {
            running.executionCount = executionCount;
            dispatch.each(l -> l.onCellStarted(cellId, executionCount));
        }
    }

    /** The kernel finished the running cell's request; false when it was not that request (a stale answer). */
    boolean finished(long requestId, int executionCount, Outcome outcome) {
        if (running == null || running.requestId != requestId) {
            return false;
        }
        running.executionCount = executionCount;
        endRunning(null, outcome);
        lastFinishNanos = System.nanoTime();
        return true;
    }

    /** Ends the running cell (if any) with {@code outcome}, after {@code notice} when it is not null. */
    void endRunning(String notice, Outcome outcome) {
        PendingCell cell = running;
        if (cell == null) {
            return;
        }
        if (notice != null) {
            output(cell.cellId, new Output.Notice(notice));
        }
        running = null;
        complete(cell, cell.executionCount, outcome);
    }

    /** An interrupt or a restart: the waiting cells end unrun, without a notice. */
    void dropWaiting() {
        for (PendingCell cell : waiting) {
            complete(cell, 0, Outcome.INTERRUPTED);
        }
        waiting.clear();
    }

    /** The kernel is gone: each waiting cell ends in an error that says why it did not run. */
    void failWaiting(String notice) {
        for (PendingCell cell : waiting) {
            output(cell.cellId, new Output.Notice(notice));
            complete(cell, 0, Outcome.ERROR);
        }
        waiting.clear();
    }

    void output(String cellId, Output output) {
        dispatch.each(l -> l.onOutput(cellId, output));
    }

    private void complete(PendingCell cell, int executionCount, Outcome outcome) {
        Duration wall = cell.startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - cell.startNanos);
        CellRun run = new CellRun(cell.cellId, executionCount, outcome, wall);
        dispatch.run(() -> cell.future.complete(run));
    }
}
