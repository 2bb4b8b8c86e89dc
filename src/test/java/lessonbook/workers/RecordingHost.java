package lessonbook.workers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import lessonbook.workers.runtime.StandaloneHost;
import lessonbook.workers.runtime.TopLevelVariable;
import lessonbook.workers.runtime.WorkerEvents;
import lessonbook.workers.runtime.WorkerHost;

/** A worker host for tests: records every event and warning, with a settable user class path and variables. */
final class RecordingHost implements WorkerHost {
    record Line(String worker, long pid, boolean stderr, String text) {
    }

    record Exit(String worker, long pid, int exitCode, long cpuMillis) {
    }

    final List<Line> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Long> startedPids = new CopyOnWriteArrayList<>();
    final List<Exit> exits = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    /** Live CPU reports ({@link WorkerEvents#cpu}), as exits: worker, pid, cpuMillis (exit code unused, 0). */
    final List<Exit> cpuReports = new CopyOnWriteArrayList<>();
    /** Every wait report: worker, then what it waits on ("-" for nothing). */
    final List<String> waitReports = new CopyOnWriteArrayList<>();
    volatile List<Path> userClasspath = List.of();
    volatile long generation;
    volatile List<TopLevelVariable> variables = List.of();

    private final WorkerEvents events = new WorkerEvents() {
        @Override
        public void started(String worker, long pid, long epochMillis) {
            startedPids.add(pid);
        }

        @Override
        public void line(String worker, long pid, boolean stderr, String text) {
            lines.add(new Line(worker, pid, stderr, text));
        }

        @Override
        public void exited(String worker, long pid, int exitCode, long epochMillis, long cpuMillis) {
            exits.add(new Exit(worker, pid, exitCode, cpuMillis));
        }

        @Override
        public void cpu(String worker, long pid, long cpuMillis) {
            cpuReports.add(new Exit(worker, pid, 0, cpuMillis));
        }

        @Override
        public void waits(String worker, long pid, String waitingOn, String holding) {
            waitReports.add(worker + " " + (waitingOn == null ? "-" : waitingOn));
        }
    };

    @Override
    public List<Path> runtimeClasspath() {
        return new StandaloneHost().runtimeClasspath();
    }

    @Override
    public List<Path> userClasspath() {
        return userClasspath;
    }

    @Override
    public long classGeneration() {
        return generation;
    }

    @Override
    public List<TopLevelVariable> topLevelVariables() {
        return variables;
    }

    @Override
    public WorkerEvents eventsForCaller() {
        return events;
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public String processName() {
        return "MainProcess";
    }

    List<String> textsOf(long pid) {
        List<String> texts = new ArrayList<>();
        for (Line l : lines()) {
            if (l.pid() == pid) {
                texts.add(l.text());
            }
        }
        return texts;
    }

    List<Line> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    Exit exitOf(long pid) {
        return exits.stream().filter(e -> e.pid() == pid).findFirst().orElse(null);
    }

}
