package lessonbook.bench.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import lessonbook.bench.kernel.LessonWorkloadBench;
import lessonbook.jit.HostCompilers;
import lessonbook.model.Cell;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.DocumentChange;
import lessonbook.model.NotebookDocument;
import lessonbook.model.Output;
import lessonbook.ui.WindowCompilers;
import lessonbook.ui.DesktopLauncher;
import lessonbook.ui.FileDialogs;
import lessonbook.ui.LessonStore;
import lessonbook.ui.NotebookWindow;

/**
 * Run by {@link AppBench} in a JVM of its own, as the app: opens the lesson in the real window, presses Run All
 * once the window has drawn its first frame, and when every cell has ended prints to stdout
 * {@code in_app speedup.process X}, {@code in_app speedup.pool X} (read from the lesson's own "Speedup over the
 * sequential run" table) and {@code in_app cpu_during_workers P}: this JVM's CPU time (FX thread, renderer, GC,
 * JIT; not the kernel's nor the workers', which are other processes) while the cells that started workers ran,
 * as a percentage of their wall time, and that split into the window's threads ({@code .window}) and the JIT
 * ({@code .jit}); and {@code in_app speedup.process.workers_only X} (and {@code pool}): the speedup the timed cell's
 * workers' own CPU time allowed ({@link LessonWorkloadBench#workersOnly}). Per-thread detail goes to stderr. Exits
 * 0, or 2 when a cell failed.
 */
public final class AppRunProbe {
    static final String TABLE_TITLE = "Speedup over the sequential run";

    private final NotebookWindow window;
    private final NotebookDocument document;
    /** Per cell that ran: {wall ns at start, app cpu ns at start, wall ns at end, app cpu ns at end}. */
    private final Map<String, long[]> spans = new HashMap<>();
    private final Map<String, Map<String, Long>> threadsAtStart = new HashMap<>();
    private final Map<String, Long> threadCpu = new HashMap<>();
    private final Map<String, Map<Long, MachineCpu.Seen>> machineAtStart = new HashMap<>();
    private boolean started;
    private boolean reported;

    private AppRunProbe(NotebookWindow window) {
        this.window = window;
        this.document = window.document();
    }

    public static void main(String[] args) {
        Path lesson = Path.of(args[0]);
        Platform.startup(() -> {
            // What DesktopApp does with its compilers, so the probe's JVM is the app's in this too.
            HostCompilers.c1OnlyInBackground();
            NotebookWindow window = new NotebookWindow(new Stage(), DesktopLauncher.kernelFactory(),
                    LessonStore.files(), FileDialogs.system());
            WindowCompilers.stepBackOnceCellsRun(window.document());
            if (!window.open(lesson)) {
                fail("cannot open " + lesson);
            }
            window.show();
            AppRunProbe probe = new AppRunProbe(window);
            window.document().addListener(probe::onChange);
            // Run All as a user would: once the window is on screen.
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    probe.started = true;
                    window.runAll();
                }
            }.start();
        });
    }

    private void onChange(DocumentChange change) {
        if (!(change instanceof DocumentChange.RuntimeChanged r) || !started || reported) {
            return;
        }
        String id = r.cellId();
        CellState state = r.runtime().state();
        if (state == CellState.RUNNING) {
            // the threads' snapshot first: reading it (every thread's /proc files) is the probe's cost, not the app's
            threadsAtStart.put(id, ThreadCpu.read());
            machineAtStart.put(id, MachineCpu.read());
            spans.put(id, new long[] {System.nanoTime(), appCpu(), 0, 0, System.currentTimeMillis(), 0});
            System.err.println("app probe: cell " + document.indexOf(id) + " running");
        } else if (state == CellState.DONE || state == CellState.ERROR || state == CellState.INTERRUPTED) {
            long[] span = spans.get(id);
            if (span != null) {
                span[2] = System.nanoTime();
                span[3] = appCpu();
                span[5] = System.currentTimeMillis();
                if (startedWorkers(id)) {
                    ThreadCpu.addSince(threadsAtStart.get(id), ThreadCpu.read(), threadCpu);
                    // who had the cores meanwhile: a slow cell's cause, when it is not the workers themselves
                    System.err.println("app probe: cpu by process during cell " + document.indexOf(id) + ": "
                            + MachineCpu.usedSince(machineAtStart.get(id), MachineCpu.read(), 20));
                    System.err.println("app probe: workers of cell " + document.indexOf(id) + ": " + workerSpans(id));
                }
            }
            if (state != CellState.DONE) {
                fail("cell " + id + " ended " + state + ": " + ((CodeCell) document.cell(id)).outputText());
            }
            if (allEnded()) {
                reported = true;
                report();
            }
        }
    }

    private boolean allEnded() {
        for (Cell cell : document.cells()) {
            if (cell instanceof CodeCell) {
                CellState s = document.runtime(cell.id()).state();
                if (s == CellState.QUEUED || s == CellState.RUNNING) {
                    return false;
                }
            }
        }
        return !spans.isEmpty();
    }

    private boolean startedWorkers(String id) {
        return document.cell(id) instanceof CodeCell code
                && code.outputs().stream().anyMatch(o -> o instanceof Output.WorkerEvent);
    }

    /** Each worker's start and exit (ms from the cell's first start) and cpu ms, as its events say. */
    private String workerSpans(String id) {
        List<Output.WorkerEvent> events = ((CodeCell) document.cell(id)).outputs().stream()
                .filter(o -> o instanceof Output.WorkerEvent).map(o -> (Output.WorkerEvent) o).toList();
        long first = events.stream().mapToLong(Output.WorkerEvent::epochMillis).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Output.WorkerEvent e : events) {
            out.append(e.worker()).append(' ').append(e.phase()).append(" +").append(e.epochMillis() - first);
            if (e.cpuMillis() > 0) {
                out.append(" cpu ").append(e.cpuMillis());
            }
            out.append(", ");
        }
        return out.toString();
    }

    private void report() {
        long wall = 0;
        long cpu = 0;
        for (Cell cell : document.cells()) {
            long[] s = spans.get(cell.id());
            if (s != null && startedWorkers(cell.id())) {
                wall += s[2] - s[0];
                cpu += s[3] - s[1];
                // epoch millis too, to cut a flight recording to the worker cells' spans
                System.err.printf(Locale.ROOT, "app probe: worker cell %d: wall %.0f ms, app cpu %.0f ms (epoch ms %d-%d)%n",
                        document.indexOf(cell.id()), (s[2] - s[0]) / 1e6, (s[3] - s[1]) / 1e6, s[4], s[5]);
            }
        }
        List<Map.Entry<String, Long>> top = new ArrayList<>(threadCpu.entrySet());
        top.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder threads = new StringBuilder("app probe: app threads' cpu during worker cells (ms):");
        top.stream().limit(12).forEach(t -> threads.append(String.format(Locale.ROOT, " %s %.0f,", t.getKey(),
                t.getValue() / 1e6)));
        System.err.println(threads);
        System.out.printf(Locale.ROOT, "in_app cpu_during_workers %.2f%n", wall == 0 ? -1 : 100.0 * cpu / wall);
        // The same split in two: the window's own threads (FX thread, renderer, the event dispatcher that hands
        // work to the FX thread) and the JIT compiling the app's code, which start-up work leaves queued.
        long window = threadCpu("JavaFX Application Thread") + threadCpu("QuantumRenderer-#")
                + threadCpu("InvokeLaterDispatcher");
        long jit = threadCpu("C1 CompilerThre") + threadCpu("C2 CompilerThre");
        System.out.printf(Locale.ROOT, "in_app cpu_during_workers.window %.2f%n", wall == 0 ? -1 : 100.0 * window / wall);
        System.out.printf(Locale.ROOT, "in_app cpu_during_workers.jit %.2f%n", wall == 0 ? -1 : 100.0 * jit / wall);
        Output.Table table = speedupTable();
        if (table == null) {
            fail("no \"" + TABLE_TITLE + "\" table in the lesson's outputs");
        }
        // the seconds behind the ratios, so that a slow run shows which side was slow
        System.err.println("app probe: " + TABLE_TITLE + ": " + table.rows());
        int cores = Runtime.getRuntime().availableProcessors();
        for (List<String> row : table.rows()) {
            String name = row.get(0).startsWith("one worker") ? "speedup.process"
                    : row.get(0).startsWith("pool") ? "speedup.pool" : null;
            if (name != null) {
                System.out.println("in_app " + name + " " + row.get(2));
                // the sequential run's seconds are this row's seconds times its speedup
                double sequential = Double.parseDouble(row.get(1)) * Double.parseDouble(row.get(2));
                long workersCpu = workersCpuMillis(name.equals("speedup.process") ? "double runOneWorkerPerInput()"
                        : "double runPool()");
                if (workersCpu > 0) {
                    System.out.printf(Locale.ROOT, "in_app %s.workers_only %.3f%n", name,
                            LessonWorkloadBench.workersOnly(sequential, workersCpu / 1000.0, cores));
                }
            }
        }
        System.out.flush();
        lessonbook.bench.FlightRecordings.dump();
        // The kernel ends itself and its workers when its host is gone.
        Runtime.getRuntime().halt(0);
    }

    /** The CPU time of the workers of the cell that defines (and calls) {@code method}, from their exit events. */
    private long workersCpuMillis(String method) {
        for (Cell cell : document.cells()) {
            if (cell instanceof CodeCell code && code.source().contains(method)) {
                return code.outputs().stream().filter(o -> o instanceof Output.WorkerEvent e
                        && e.phase() == Output.WorkerEvent.Phase.EXITED)
                        .mapToLong(o -> ((Output.WorkerEvent) o).cpuMillis()).sum();
            }
        }
        return 0;
    }

    /** A thread's cpu by its full Java name (native threads: their /proc name), digits at the end as #. */
    private long threadCpu(String name) {
        return threadCpu.getOrDefault(name, 0L);
    }

    private Output.Table speedupTable() {
        for (Cell cell : document.cells()) {
            if (cell instanceof CodeCell code) {
                for (Output o : code.outputs()) {
                    if (o instanceof Output.Table t && TABLE_TITLE.equals(t.title())) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    private static long appCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void fail(String why) {
        System.err.println("app probe: " + why);
        System.err.flush();
        Runtime.getRuntime().halt(2);
    }
}
