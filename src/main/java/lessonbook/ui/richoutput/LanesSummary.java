package lessonbook.ui.richoutput;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The line over the worker lanes: how many workers, how many at once, and live how many run and what the
 * notebook's own cell waits on, or once all exited the wall time and CPU they took ("cores busy on average").
 */
final class LanesSummary {
    private LanesSummary() {
    }

    /** {@code kernelWaits}: what the kernel's own cell waits on or holds, live only; or null. */
    static String text(Collection<WorkerLane> workers, long origin, long now, boolean running, String kernelWaits) {
        int count = workers.size();
        if (count == 0) {
            return "no workers yet";
        }
        StringBuilder text = new StringBuilder(count + (count == 1 ? " worker" : " workers"));
        List<long[]> spans = new ArrayList<>();
        long cpu = 0;
        int runningCount = 0;
        boolean cpuKnown = true;
        for (WorkerLane l : workers) {
            long start = l.startMillis >= 0 ? l.startMillis : origin;
            spans.add(new long[] {start, l.exited() ? l.exitMillis : now});
            cpu += l.cpuMillis;
            cpuKnown &= l.exited();
            if (l.state() == WorkerLane.State.RUNNING) {
                runningCount++;
            }
        }
        text.append(", up to ").append(peakOverlap(spans)).append(" at once");
        if (running) {
            text.append(" · ").append(runningCount).append(" running");
            if (kernelWaits != null) {
                text.append(" · ").append(kernelWaits);
            }
        } else if (cpuKnown && now > origin) {
            long wall = now - origin;
            text.append(" · ").append(WorkerLane.seconds(wall)).append(" from first start to last exit · cpu ")
                    .append(WorkerLane.seconds(cpu)).append(String.format(java.util.Locale.ROOT,
                            " in all: %.1f cores busy on average", cpu / (double) wall));
        }
        return text.toString();
    }

    /** The most workers alive at one moment (an exit at the very moment of a start does not overlap it). */
    static int peakOverlap(List<long[]> spans) {
        List<long[]> edges = new ArrayList<>();
        for (long[] s : spans) {
            edges.add(new long[] {s[0], 1});
            edges.add(new long[] {s[1], -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int alive = 0;
        int peak = 0;
        for (long[] e : edges) {
            alive += (int) e[1];
            peak = Math.max(peak, alive);
        }
        return peak;
    }
}
