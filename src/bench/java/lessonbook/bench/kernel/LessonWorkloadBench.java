package lessonbook.bench.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import lessonbook.bench.BoundedChild;
import lessonbook.bench.CoresCeiling;
import lessonbook.bench.Figure;
import lessonbook.bench.Median;
import lessonbook.format.files.LessonFiles;
import lessonbook.jit.HostCompilers;
import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelLauncher;
import lessonbook.kernel.client.KernelListener;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.process.ProcStat;

/**
 * The lesson's workload as a teacher runs it: the lesson's own cells that define it (the imports, {@code factorial}
 * and the tutorial's ten inputs, and the three timed methods) evaluated by a real kernel, whose workers load the
 * notebook's classes and variables; then the three methods are called in turn. The worker suite measures the
 * runtime through its Java API; this one adds everything a cell pays on top (JShell's wrapper classes, the
 * notebook's variables copied to each worker, output events).
 * <p>
 * The host of that kernel is a JVM of its own, set up as {@code run} sets up its own ({@link HostCompilers}): in the
 * benchmark's JVM the host's first compiles landed in the timed cells, and C1 only would slow the suites that run
 * after this one in that JVM.
 */
public final class LessonWorkloadBench {
    private static final int RUNS = 5;
    private static final long CELL_TIMEOUT_S = 120;
    /** What the cells this bench runs must contain, in lesson order: each is found in the lesson, not copied. */
    static final List<String> DEFINITIONS = List.of("import lessonbook.workers.*;", "long factorial(long n)",
            "double runSequentially()", "double runOneWorkerPerInput()", "double runPool()");
    private static final Duration HOST_LIMIT = Duration.ofMinutes(10);

    private final Path lesson;

    /** {@code lesson}: the lesson file whose cells define the workload. */
    public LessonWorkloadBench(Path lesson) {
        this.lesson = lesson;
    }

    /** The lesson's workload in a host JVM of its own ({@link #main}); its figures, read from its stdout. */
    public List<Figure> run() throws Exception {
        List<Figure> figures = new CopyOnWriteArrayList<>();   // filled on the child's stdout reader
        // the machine's ceiling just before and just after: beside the host's rounds would be inside its timing
        double before = CoresCeiling.measure();
        host(List.of(), "", figures);
        figures.add(new Figure("speedup.ceiling.in_kernel", (before + CoresCeiling.measure()) / 2, "x"));
        // the same cells with their loops as javac wrote them: what the kernel's LoopRotation is worth here
        String kernelOptions = (System.getProperty(KernelLauncher.EXTRA_OPTIONS_PROPERTY, "")
                + " -Dlessonbook.kernel.rotateLoops=false").strip();
        host(List.of("-D" + KernelLauncher.EXTRA_OPTIONS_PROPERTY + "=" + kernelOptions), ".vs.javac_loops", figures);
        return figures;
    }

    /** One host JVM's rounds; its figures, their names ending in {@code suffix}, added to {@code figures}. */
    private void host(List<String> jvmOptions, String suffix, List<Figure> figures) throws Exception {
        int had = figures.size();
        BoundedChild.Ended ended = BoundedChild.run(
                new ProcessBuilder(BoundedChild.javaCommand(jvmOptions, LessonWorkloadBench.class,
                        List.of(lesson.toString(), suffix))),
                new BoundedChild.Lines(line -> Figure.parse(line).ifPresent(figures::add)), new BoundedChild.Inherit(),
                HOST_LIMIT);
        if (figures.size() == had || ended.timedOut()) {
            throw new IllegalStateException("the lesson bench's host gave " + (figures.size() - had) + " figures ("
                    + ended.describe() + "; its reasons are above)");
        }
    }

    /** The host: {@code LessonWorkloadBench LESSON [SUFFIX]}; prints its figures as {@code bench} lines. */
    public static void main(String[] args) {
        HostCompilers.stepBackInBackground();   // as run does
        int code = 0;
        String suffix = args.length > 1 ? args[1] : "";
        if (!suffix.isEmpty()) {
            System.err.println("lesson bench: the next round's figures end in " + suffix);
        }
        try {
            for (Figure figure : new Host(workloadCells(LessonFiles.read(Path.of(args[0])))).measure()) {
                System.out.println(new Figure(figure.name() + suffix, figure.value(), figure.unit(), figure.problem())
                        .line());
            }
        } catch (Exception e) {
            System.err.println("lesson bench: " + e);
            code = 1;
        }
        System.exit(code);   // the kernel client's threads must not keep this JVM
    }

    static List<String> workloadCells(Notebook lesson) {
        List<String> found = new ArrayList<>();
        for (String definition : DEFINITIONS) {
            String cell = lesson.cells().stream().filter(c -> c instanceof CodeCell)
                    .map(c -> c.source()).filter(source -> source.contains(definition))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "the lesson has no code cell with `" + definition + "`: the lesson bench times it"));
            if (!found.contains(cell)) {
                found.add(cell);
            }
        }
        return found;
    }

    /**
     * The speedup the workers' own CPU time allows: the sequential run's seconds against the ten workers' CPU seconds
     * shared out over the cores, as if the kernel, the host and the system took nothing. A worker's CPU time is its
     * loop's (and the machine's: a core that another tenant slows makes the loop take more CPU time), so this is
     * the highest speedup the run could have shown; what lies between it and the measured one is everything else.
     */
    public static double workersOnly(double sequentialSeconds, double workersCpuSeconds, int cores) {
        return sequentialSeconds / (workersCpuSeconds / cores);
    }

    /** The kernel's client in the host JVM: runs the cells, reads the seconds they print. */
    private static final class Host {
        private final List<String> setup;
        private final Map<String, StringBuilder> stdout = new ConcurrentHashMap<>();
        /** The CPU time of the workers of each cell that have ended, added up, from their exit events. */
        private final Map<String, Long> workersCpuMillis = new ConcurrentHashMap<>();
        private int cells;

        Host(List<String> setup) {
            this.setup = setup;
        }

        List<Figure> measure() throws Exception {
            List<Double> sequential = new ArrayList<>();
            List<Double> process = new ArrayList<>();
            List<Double> pool = new ArrayList<>();
            List<Double> processCpu = new ArrayList<>();
            List<Double> poolCpu = new ArrayList<>();
            List<Long> kernelCpu = new ArrayList<>();
            try (JvmKernel kernel = JvmKernel.start()) {
                kernel.addListener(new KernelListener() {
                    @Override
                    public void onOutput(String cellId, Output output) {
                        if (output instanceof Output.Stream s && s.stream() == StreamName.STDOUT) {
                            stdout.computeIfAbsent(cellId, k -> new StringBuilder()).append(s.text());
                        } else if (output instanceof Output.WorkerEvent e
                                && e.phase() == Output.WorkerEvent.Phase.EXITED) {
                            workersCpuMillis.merge(cellId, e.cpuMillis(), Long::sum);
                        }
                    }
                });
                for (String cell : setup) {
                    run(kernel, cell);
                }
                for (int r = 0; r < RUNS; r++) {
                    // as in the lesson, one ready worker JVM per input before each timed cell
                    sequential.add(seconds(kernel, timed("runSequentially()")));
                    long kernelBefore = kernelCpuMillis(kernel);
                    process.add(seconds(kernel, timed("runOneWorkerPerInput()")));
                    processCpu.add(workersCpuMillis.getOrDefault("lesson-bench-" + cells, 0L) / 1000.0);
                    pool.add(seconds(kernel, timed("runPool()")));
                    poolCpu.add(workersCpuMillis.getOrDefault("lesson-bench-" + cells, 0L) / 1000.0);
                    kernelCpu.add(kernelCpuMillis(kernel) - kernelBefore);
                }
            }
            System.err.printf("lesson bench (in a kernel): seconds sequential %s process %s pool %s; the ten workers' "
                    + "cpu s, process %s pool %s; the kernel's cpu ms in both cells (their compiles and spares' "
                    + "start included) %s%n", sequential, process, pool, processCpu, poolCpu, kernelCpu);
            double seq = Median.of(sequential);
            int cores = Runtime.getRuntime().availableProcessors();
            return List.of(new Figure("speedup.process.in_kernel", seq / Median.of(process), "x"),
                    new Figure("speedup.pool.in_kernel", seq / Median.of(pool), "x"),
                    new Figure("speedup.process.in_kernel.workers_only",
                            workersOnly(seq, Median.of(processCpu), cores), "x"),
                    new Figure("speedup.pool.in_kernel.workers_only",
                            workersOnly(seq, Median.of(poolCpu), cores), "x"));
        }

        private static long kernelCpuMillis(JvmKernel kernel) {
            return ProcStat.of(kernel.pid()).map(ProcStat::cpuMillis).orElse(0L);
        }

        private static String timed(String call) {
            return "Worker.prestart(NUM_PROCESSES);\nSystem.out.println(" + call + ");";
        }

        private String run(JvmKernel kernel, String code) throws Exception {
            String cell = "lesson-bench-" + ++cells;
            CellRun result = kernel.execute(cell, code).get(CELL_TIMEOUT_S, TimeUnit.SECONDS);
            if (!result.ok()) {
                throw new IllegalStateException("lesson bench cell failed (" + result.outcome() + "): " + code);
            }
            return cell;
        }

        /** The number the cell printed last: its output also holds the workers' lines (their own events). */
        private double seconds(JvmKernel kernel, String code) throws Exception {
            String cell = run(kernel, code);
            String printed = stdout.getOrDefault(cell, new StringBuilder()).toString().strip();
            return Double.parseDouble(printed.substring(printed.lastIndexOf('\n') + 1).strip());
        }
    }
}
