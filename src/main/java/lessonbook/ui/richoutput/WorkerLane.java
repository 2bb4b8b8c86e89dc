package lessonbook.ui.richoutput;

import java.util.ArrayList;
import java.util.List;

/** What one worker's lane shows: its life as far as events told it, and when its output lines arrived. */
final class WorkerLane {
    /** Keeps a flooding worker from creating a marker per line; markers closer than this merge. */
    static final int MAX_MARKERS = 400;

    enum State {
        RUNNING, DONE, FAILED, TERMINATED,
        /** Saved (or frozen) without an exit: we do not know how it ended. */
        UNKNOWN;

        String pseudoClass() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final String worker;
    final long pid;
    long startMillis = -1;
    long exitMillis = -1;
    Integer exitCode;
    long cpuMillis;
    /**
     * Live only (never saved): what one of its threads waits for over ~50 ms ("lock 'counter lock' (held by
     * Worker-3)"), a lock it holds ("lock #1"); or null.
     */
    String waitingOn;
    String holding;
    /** Live only: when it waited, {start, end} (end -1 while it waits); at most {@link #MAX_WAITS}, then merged. */
    final List<long[]> waits = new ArrayList<>();
    static final int MAX_WAITS = 200;
    boolean frozen;
    final List<Long> lineMillis = new ArrayList<>();
    int lines;

    WorkerLane(String worker, long pid) {
        this.worker = worker;
        this.pid = pid;
    }

    boolean exited() {
        return exitMillis >= 0;
    }

    State state() {
        if (!exited()) {
            return frozen ? State.UNKNOWN : State.RUNNING;
        }
        if (exitCode == null) {
            return State.TERMINATED;
        }
        if (exitCode == 0) {
            return State.DONE;
        }
        // 128 + n is how a Unix shell and Process.exitValue() report a process ended by signal n
        // (143 after terminate(), 137 after kill -9); there is no portable way to tell on Windows.
        return exitCode > 128 && exitCode <= 128 + 64 ? State.TERMINATED : State.FAILED;
    }

    void addLine(long epochMillis) {
        lines++;
        if (lineMillis.size() < MAX_MARKERS) {
            lineMillis.add(epochMillis);
        }
    }

    /**
     * A wait began or ended, told at {@code now}: a wait is reported once it lasted {@code thresholdMillis}, so
     * its segment starts that much earlier.
     */
    void noteWaiting(boolean waitingNow, long now, long thresholdMillis) {
        long[] open = waits.isEmpty() ? null : waits.get(waits.size() - 1);
        boolean isOpen = open != null && open[1] < 0;
        if (waitingNow && !isOpen) {
            long start = Math.max(startMillis, now - thresholdMillis);
            if (waits.size() >= MAX_WAITS) {
                open = waits.remove(waits.size() - 1);   // merge into the last: the picture stays bounded
                start = open[0];
            }
            waits.add(new long[] {start, -1});
        } else if (!waitingNow && isOpen) {
            open[1] = Math.max(open[0], now);
        }
    }

    boolean waiting() {
        return waitingOn != null && state() == State.RUNNING;
    }

    boolean holds() {
        return holding != null && waitingOn == null && state() == State.RUNNING;
    }

    /** Wall time so far (up to {@code now} while running). */
    long wallMillis(long now) {
        long start = startMillis >= 0 ? startMillis : exitMillis;
        long end = exited() ? exitMillis : Math.max(now, start);
        return Math.max(0, end - start);
    }

    String describe(long now) {
        String wall = "wall " + seconds(wallMillis(now));
        switch (state()) {
            case RUNNING:
                return (waitingOn != null ? "waiting for " + waitingOn + " · "
                        : holding != null ? "holds " + holding + " · " : "running · ")
                        + (cpuMillis > 0 ? "cpu " + seconds(cpuMillis) + " / " : "") + wall;
            case UNKNOWN:
                return "no exit seen · " + wall;
            case TERMINATED:
                // in words, not "exit 137": a student reads a number as a crash of their code, and a pool killing
                // a worker that was still starting when it closed is no crash
                return endedBySignal() + " · cpu " + seconds(cpuMillis) + " / " + wall;
            case FAILED:
                return "exit " + exitCode + " · cpu " + seconds(cpuMillis) + " / " + wall;
            default:
                return "cpu " + seconds(cpuMillis) + " / " + wall;
        }
    }

    /** How a signal ended it: 137 is kill -9 (and a pool's close), 143 {@code terminate()}. */
    private String endedBySignal() {
        if (exitCode == null) {
            return "terminated";
        }
        return switch (exitCode) {
            case 128 + 9 -> "killed";
            case 128 + 15 -> "terminated";
            default -> "ended by signal " + (exitCode - 128);
        };
    }

    static String seconds(long millis) {
        if (millis > 0 && millis < 100) {
            // a short task's 40 ms would read "0.0 s" next to "0.2 cores busy"
            return String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        if (millis < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%d s", Math.round(millis / 1000.0));
    }
}
