package lessonbook.ui.richoutput;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Output;

/**
 * What a cell's worker events said, worker by worker, and the span of time they cover: the state behind
 * {@link WorkerLanesView}, which only draws it. Pure logic, no JavaFX; confined to one thread (the view's, the FX
 * thread). A worker is one lane per name and pid, in the order they were first heard of.
 */
final class WorkerTimeline {
    /** Workers report a wait once it lasted this long (lessonbook.workers.shared.WaitStates). */
    static final long WAIT_REPORTED_AFTER_MS = 50;
    private static final Pattern HELD_BY_PID = Pattern.compile("\\(held by pid (\\d+)\\)$");

    private final Map<String, WorkerLane> lanes = new LinkedHashMap<>();
    /** What the kernel's own cell waits on or holds (it has no lane), for the summary; or null. */
    private String kernelWaits;
    /** The notebook's own pid, once a wait report told it (-1 before): a lock it holds is "held by the notebook". */
    private long kernelPid = -1;

    /** The span the lanes cover: from the first start to {@code now}; {@code running} while a live lane runs. */
    record Span(long origin, long now, boolean running) {
    }

    /** A worker started or exited. */
    void apply(Output.WorkerEvent event) {
        WorkerLane lane = lane(event.worker(), event.pid());
        if (event.phase() == Output.WorkerEvent.Phase.STARTED) {
            lane.startMillis = event.epochMillis();
        } else {
            lane.exitMillis = event.epochMillis();
            lane.exitCode = event.exitCode();
            lane.cpuMillis = event.cpuMillis();
            lane.noteWaiting(false, event.epochMillis(), 0);
            lane.waitingOn = null;
            lane.holding = null;
        }
    }

    /** A line the worker printed, arrived at {@code epochMillis}. */
    void line(String worker, long pid, long epochMillis) {
        lane(worker, pid).addLine(epochMillis);
    }

    /** A running worker's CPU time so far; false if it changed nothing (the worker had exited). */
    boolean cpu(String worker, long pid, long cpuMillis) {
        WorkerLane lane = lane(worker, pid);
        if (lane.exited()) {
            return false;
        }
        lane.cpuMillis = Math.max(lane.cpuMillis, cpuMillis);
        return true;
    }

    /**
     * What a worker (or the notebook's own process, {@link KernelEvent.WorkerWaits#KERNEL_PROCESS}) waits for now
     * and a lock it holds, either null; false if it changed nothing (the worker had exited).
     */
    boolean waits(String worker, long pid, String waitingOn, String holding, long nowMillis) {
        if (KernelEvent.WorkerWaits.KERNEL_PROCESS.equals(worker)) {
            kernelPid = pid;
            kernelWaits = waitingOn != null ? "the notebook waits for " + withHolderNamed(waitingOn)
                    : holding != null ? "the notebook holds " + holding : null;
            return true;
        }
        WorkerLane lane = lane(worker, pid);
        if (lane.exited()) {
            return false;
        }
        lane.waitingOn = waitingOn == null ? null : withHolderNamed(waitingOn);
        lane.holding = holding;
        lane.noteWaiting(waitingOn != null, nowMillis, WAIT_REPORTED_AFTER_MS);
        return true;
    }

    /**
     * A worker only knows the pid holding the lock it waits for ("(held by pid 4242)"); the timeline knows whose
     * pid that is: a running worker's name, or the notebook itself. An unknown pid stays a pid.
     */
    String withHolderNamed(String waitingOn) {
        Matcher held = HELD_BY_PID.matcher(waitingOn);
        if (!held.find()) {
            return waitingOn;
        }
        long holder = Long.parseLong(held.group(1));
        String name = holder == kernelPid ? "the notebook" : null;
        for (WorkerLane lane : lanes.values()) {
            if (lane.pid == holder && !lane.exited()) {
                name = lane.worker;
            }
        }
        return name == null ? waitingOn : waitingOn.substring(0, held.start()) + "(held by " + name + ")";
    }

    /** Workers with no exit yet are shown as "no exit seen" from now on. */
    void freeze() {
        lanes.values().forEach(l -> l.frozen = true);
    }

    boolean anyRunning() {
        return lanes.values().stream().anyMatch(l -> l.state() == WorkerLane.State.RUNNING);
    }

    /**
     * From the first start to the last thing heard of, or, while {@code live} and a worker runs, to
     * {@code wallMillis} (never before the last thing heard of, whatever the clocks say).
     */
    Span span(long wallMillis, boolean live) {
        long origin = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (WorkerLane l : lanes.values()) {
            if (l.startMillis >= 0) {
                origin = Math.min(origin, l.startMillis);
                latest = Math.max(latest, l.startMillis);
            }
            if (l.exited()) {
                latest = Math.max(latest, l.exitMillis);
            }
            for (long t : l.lineMillis) {
                latest = Math.max(latest, t);
            }
        }
        if (origin == Long.MAX_VALUE) {
            origin = latest == Long.MIN_VALUE ? wallMillis : latest;
        }
        boolean running = live && anyRunning();
        long now = running ? Math.max(wallMillis, latest) : Math.max(latest, origin);
        return new Span(origin, now, running);
    }

    /**
     * The lanes by key (a worker's name and pid), in the order they were first heard of: for the view to draw, which
     * reads them and changes them only through this class.
     */
    Map<String, WorkerLane> lanes() {
        return lanes;
    }

    Collection<WorkerLane> all() {
        return lanes.values();
    }

    /** What the notebook's own cell waits for or holds, for the summary; null if nothing. */
    String kernelWaits() {
        return kernelWaits;
    }

    private WorkerLane lane(String worker, long pid) {
        return lanes.computeIfAbsent(worker + "\u0000" + pid, k -> new WorkerLane(worker, pid));
    }
}
