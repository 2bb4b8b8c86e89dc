package lessonbook.kernel.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import lessonbook.bench.Figure;
import lessonbook.bench.Median;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * The lesson's workload as a teacher runs it: the same cells as lessons/multiprocessing.md (the tutorial's ten
 * inputs, each adding up about a billion numbers) evaluated by a real kernel, whose workers load the notebook's
 * classes and variables. The worker suite measures the runtime through its Java API; this one adds everything a
 * cell pays on top (JShell's wrapper classes, the notebook's variables copied to each worker, output events).
 */
public final class LessonWorkloadBench {
    private static final int RUNS = 3;
    private static final long CELL_TIMEOUT_S = 120;

    static final List<String> SETUP = List.of(
            "import lessonbook.workers.*;",
            """
            long factorial(long n) {
                if (n == 0) {
                    return 1;
                }
                long res = 1;
                for (long i = 1; i <= n; i++) {
                    res += i;
                }
                System.out.println(res);
                return res;
            }

            int NUM_PROCESSES = 10;
            List<Long> INPUTS = LongStream.range(0, NUM_PROCESSES).mapToObj(i -> 1_000_000_000L + i).toList();
            """,
            """
            double runSequentially() {
                long t0 = System.nanoTime();
                for (long arg : INPUTS) {
                    factorial(arg);
                }
                return (System.nanoTime() - t0) / 1e9;
            }
            """,
            """
            double runOneWorkerPerInput() {
                long t0 = System.nanoTime();
                List<Worker> workerList = new ArrayList<>();
                for (long arg : INPUTS) {
                    Worker worker = new Worker(() -> factorial(arg));
                    worker.start();
                    workerList.add(worker);
                }
                for (Worker worker : workerList) {
                    worker.join();
                }
                return (System.nanoTime() - t0) / 1e9;
            }
            """,
            """
            List<Long> results;

            double runPool() {
                long t0 = System.nanoTime();
                try (WorkerPool pool = new WorkerPool(NUM_PROCESSES)) {
                    results = pool.map(n -> factorial(n), INPUTS);
                }
                return (System.nanoTime() - t0) / 1e9;
            }
            """);

    private final Map<String, StringBuilder> stdout = new ConcurrentHashMap<>();
    private int cells;

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
            for (String cell : SETUP) {
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
