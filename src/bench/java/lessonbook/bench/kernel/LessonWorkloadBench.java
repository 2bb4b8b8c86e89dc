package lessonbook.bench.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import lessonbook.bench.Figure;
import lessonbook.bench.Median;
import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelListener;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * The lesson's workload as a teacher runs it: the lesson's own cells that define it (the imports, {@code factorial}
 * and the tutorial's ten inputs, and the three timed methods) evaluated by a real kernel, whose workers load the
 * notebook's classes and variables; then the three methods are called in turn. The worker suite measures the
 * runtime through its Java API; this one adds everything a cell pays on top (JShell's wrapper classes, the
 * notebook's variables copied to each worker, output events).
 */
public final class LessonWorkloadBench {
    private static final int RUNS = 3;
    private static final long CELL_TIMEOUT_S = 120;
    /** What the cells this bench runs must contain, in lesson order: each is found in the lesson, not copied. */
    static final List<String> DEFINITIONS = List.of("import lessonbook.workers.*;", "long factorial(long n)",
            "double runSequentially()", "double runOneWorkerPerInput()", "double runPool()");

    private final List<String> setup;
    private final Map<String, StringBuilder> stdout = new ConcurrentHashMap<>();
    private int cells;

    /** The lesson's cells that define the workload; they run once (timed runs included) before the timed calls. */
    public LessonWorkloadBench(Notebook lesson) {
        this.setup = workloadCells(lesson);
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

    public List<Figure> run() throws Exception {
        List<Double> sequential = new ArrayList<>();
        List<Double> process = new ArrayList<>();
        List<Double> pool = new ArrayList<>();
        try (JvmKernel kernel = JvmKernel.start()) {
            kernel.addListener(new KernelListener() {
                @Override
                public void onOutput(String cellId, Output output) {
                    if (output instanceof Output.Stream s && s.stream() == StreamName.STDOUT) {
                        stdout.computeIfAbsent(cellId, k -> new StringBuilder()).append(s.text());
                    }
                }
            });
            for (String cell : setup) {
                run(kernel, cell);
            }
            for (int r = 0; r < RUNS; r++) {
                // as in the lesson, one ready worker JVM per input before each timed cell
                sequential.add(seconds(kernel, "Worker.prestart(NUM_PROCESSES);\nSystem.out.println(runSequentially());"));
                process.add(seconds(kernel, "Worker.prestart(NUM_PROCESSES);\nSystem.out.println(runOneWorkerPerInput());"));
                pool.add(seconds(kernel, "Worker.prestart(NUM_PROCESSES);\nSystem.out.println(runPool());"));
            }
        }
        System.err.printf("lesson bench (in a kernel): seconds sequential %s process %s pool %s%n", sequential, process, pool);
        double seq = Median.of(sequential);
        return List.of(new Figure("speedup.process.in_kernel", seq / Median.of(process), "x"),
                new Figure("speedup.pool.in_kernel", seq / Median.of(pool), "x"));
    }

    private String run(JvmKernel kernel, String code) throws Exception {
        String cell = "lesson-bench-" + ++cells;
        CellRun result = kernel.execute(cell, code).get(CELL_TIMEOUT_S, TimeUnit.SECONDS);
        if (!result.ok()) {
            throw new IllegalStateException("lesson bench cell failed (" + result.outcome() + "): " + code);
        }
        return cell;
    }

    /** The number the cell printed last: its output also holds the workers' lines, which arrive as their own events. */
    private double seconds(JvmKernel kernel, String code) throws Exception {
        String cell = run(kernel, code);
        String printed = stdout.getOrDefault(cell, new StringBuilder()).toString().strip();
        return Double.parseDouble(printed.substring(printed.lastIndexOf('\n') + 1).strip());
    }
}
