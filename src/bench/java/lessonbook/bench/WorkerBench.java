package lessonbook.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lessonbook.kernel.client.ClassDataCache;
import lessonbook.kernel.client.KernelLauncher;
import lessonbook.process.ProcStat;
import lessonbook.workers.SerializableRunnable;
import lessonbook.workers.Worker;
import lessonbook.workers.WorkerPool;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * Figures of the worker runtime, side by side with the Python tutorial's own code: the lesson workload
 * (sequential, one worker per input, pool), a worker's start to first output line, and pool dispatch cost.
 * This runs the teaching API directly in the benchmark's JVM (a "standalone" host), not through a kernel.
 */
public final class WorkerBench {
    private static final int INPUTS = 10;
    private static final int RUNS = 5;
    private static volatile long sink;
    private final BenchHost host = new BenchHost();

    /**
     * The tutorial's function (despite its name it adds, returning 1 + n(n+1)/2) in the shape a cell's class runs it:
     * the kernel gives the lesson's {@code for} loop its test at the bottom too (kernel/jvm/LoopRotation), and javac
     * compiles this guarded do-while to the same bytecode. The plain JVMs of the ceiling run it too, so that every
     * figure here reads the loop the lesson's workers run.
     */
    public static long factorial(long n) {
        long res = 1;
        long i = 1;
        if (i <= n) {
            do {
                res += i;
                i++;
            } while (i <= n);
        }
        return res;
    }

    public List<Figure> run() {
        List<Figure> figures = new ArrayList<>();
        madeClassDataArchives();
        WorkerRuntime.install(host);
        try {
            workload(figures);
            firstCall(figures);
            firstOutput(figures);
            dispatch(figures);
        } catch (Exception e) {
            System.err.println("worker bench failed: " + e);
        } finally {
            WorkerRuntime.terminateAll();
            WorkerRuntime.install(null);
        }
        return figures;
    }

    private void workload(List<Figure> figures) throws Exception {
        List<Long> inputs = inputsForThreeSeconds();
        List<Double> sequential = new ArrayList<>();
        List<Double> process = new ArrayList<>();
        List<Double> pool = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        Optional<Path> tutorial = pythonTutorial();
        List<Double> pyProcess = new ArrayList<>();
        List<Double> pyPool = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            // the spares that replace the last run's workers start now, not during the sequential loop
            Worker.prestart(inputs.size());
            long t0 = System.nanoTime();
            for (long arg : inputs) {
                sink += factorial(arg);
            }
            sequential.add(seconds(t0));

            // as the lesson does with Worker.prestart(NUM_PROCESSES): one ready JVM per worker about to start
            Worker.prestart(inputs.size());
            t0 = System.nanoTime();
            List<Worker> workers = new ArrayList<>();
            for (long arg : inputs) {
                SerializableRunnable task = () -> System.out.println(factorial(arg));
                workers.add(new Worker(task));
            }
            workers.forEach(Worker::start);
            workers.forEach(Worker::join);
            process.add(seconds(t0));

            // the lesson's pool, as the tutorial's Pool(NUM_PROCESSES) that Python's peer runs: one worker per input
            Worker.prestart(inputs.size());
            t0 = System.nanoTime();
            try (WorkerPool p = new WorkerPool(inputs.size())) {
                p.map(WorkerBench::factorialPrinted, inputs);
            }
            pool.add(seconds(t0));

            // the ceiling: ten plain JVMs running the same loop at once, with nothing of Lessonbook around them
            Worker.prestart(inputs.size());   // the spares that replace the pool's start now, not beside them
            plain.add(PlainJvms.runOnce(inputs));

            // what the machine allowed this round: one plain JVM per core at once against one alone
            ceiling.add(CoresCeiling.measure());

            // Python's tutorial after each of our rounds, not once after all of them: its figure is a median of
            // as many runs, under the same spells of load elsewhere (one lone run read pool 0.70x once)
            if (tutorial.isPresent()) {
                pythonRun(tutorial.get()).ifPresent(py -> {
                    pyProcess.add(py[0]);
                    pyPool.add(py[1]);
                });
            }
        }
        // medians of each strategy's times, runs interleaved, so that a burst of load elsewhere skews one run only
        double seq = Median.of(sequential);
        System.err.printf("worker bench: seconds sequential %s process %s pool %s plain JVMs %s; ceiling %s%n",
                sequential, process, pool, plain, ceiling);
        figures.add(new Figure("speedup.process", seq / Median.of(process), "x"));
        figures.add(new Figure("speedup.process.vs.plain_jvms", seq / Median.of(plain), "x"));
        figures.add(new Figure("speedup.pool", seq / Median.of(pool), "x"));
        figures.add(new Figure("speedup.ceiling", Median.of(ceiling), "x"));
        if (!pyProcess.isEmpty()) {
            System.err.printf("worker bench: python start=fork speedups process %s pool %s%n", pyProcess, pyPool);
            figures.add(new Figure("speedup.process.vs.python", Median.of(pyProcess), "x"));
            figures.add(new Figure("speedup.pool.vs.python", Median.of(pyPool), "x"));
        }
    }

    /**
     * Why a worker's share of the lesson costs more than the same input in the sequential loop: a fresh worker
     * JVM runs the tutorial's function once, so its loop runs as the JIT compiles it (interpreter, then code
     * compiled on the stack, "OSR"), while the sequential loop's later calls run the fully compiled method. The
     * same input, timed inside a fresh pool worker: its first call, and a call once the method is compiled.
     */
    private void firstCall(List<Figure> figures) throws Exception {
        long n = inputsForThreeSeconds().get(0);
        List<Double> first = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            WorkerRuntime.prewarm();
            try (WorkerPool p = new WorkerPool(1)) {
                double[] ms = p.map(WorkerBench::firstAndWarmCall, List.of(n)).get(0);
                first.add(ms[0]);
                warm.add(ms[1]);
            }
        }
        System.err.printf("worker bench: one input in a fresh worker, ms: first call %s, compiled %s%n", first, warm);
        figures.add(new Figure("worker.factorial.first_call", Median.of(first), "ms"));
        figures.add(new Figure("worker.factorial.first_call.vs.compiled", Median.of(warm), "ms"));

        // The lesson's own situation: ten fresh workers at once on the machine's cores, one call each. A worker
        // alone sometimes runs the OSR loop at full speed; ten sharing the cores do not. CPU time, not wall time,
        // so that the sharing itself does not count, only what each call costs.
        List<Double> tenAtOnce = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            WorkerRuntime.prewarm(INPUTS);
            try (WorkerPool p = new WorkerPool(INPUTS)) {
                tenAtOnce.addAll(p.map(WorkerBench::callCpuMillis, Collections.nCopies(INPUTS, n)));
            }
        }
        System.err.printf("worker bench: one input in each of %d fresh workers at once, cpu ms: %s%n", INPUTS,
                tenAtOnce);
        figures.add(new Figure("worker.factorial.first_call.cpu_ten_at_once", Median.of(tenAtOnce), "ms"));
    }

    static double callCpuMillis(long n) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        sink += factorial(n);
        return (threads.getCurrentThreadCpuTime() - t0) / 1e6;
    }

    static double[] firstAndWarmCall(long n) {
        long t0 = System.nanoTime();
        sink += factorial(n);
        double first = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < 3; i++) {
            sink += factorial(n);   // the method's own compile, as the sequential loop's later calls get it
        }
        t0 = System.nanoTime();
        sink += factorial(n);
        return new double[] {first, (System.nanoTime() - t0) / 1e6};
    }

    static long factorialPrinted(long n) {
        long r = factorial(n);
        System.out.println(r);
        return r;
    }

    /** Scales the tutorial's inputs (10,000,000 + i) so that the sequential loop takes about 3 s here. */
    private static List<Long> inputsForThreeSeconds() {
        long probe = 50_000_000L;
        for (int i = 0; i < 5; i++) {
            sink += factorial(probe);   // let the JIT compile it before timing
        }
        long t0 = System.nanoTime();
        sink += factorial(probe);
        double perInput = seconds(t0);
        long base = (long) (probe * (0.3 / Math.max(perInput, 1e-4)));
        List<Long> inputs = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            inputs.add(base + i);
        }
        return inputs;
    }

    /** The tutorial's script, or empty (with the reason on stderr) when Python's peer cannot run here. */
    private static Optional<Path> pythonTutorial() {
        if (!PythonPeer.available()) {
            System.err.println("bench: workers: no .vs.python peers: python3 is not on the PATH (install python3 to "
                    + "measure them; the Java figures above do not need it)");
            return Optional.empty();
        }
        Optional<Path> script = PythonPeer.tutorialScript();
        if (script.isEmpty()) {
            System.err.println("worker bench: python_tutorial.py not found (set -D" + PythonPeer.SCRIPT_PROPERTY
                    + "=PATH), no speedup .vs.python peers");
        }
        return script;
    }

    /** One run of the tutorial with fork: its process and pool speedups, or empty (and why, on stderr). */
    private static Optional<double[]> pythonRun(Path script) {
        try {
            String[] outErr = PythonPeer.run(List.of("python3", script.toString(), "fork", "1"), 120);
            Matcher m = Pattern.compile("speedup_process=([0-9.]+) speedup_pool=([0-9.]+)").matcher(outErr[1]);
            if (m.find()) {
                System.err.println("worker bench: " + outErr[1].strip());
                return Optional.of(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            }
            System.err.println("worker bench: could not read the tutorial's figures: " + outErr[1].strip());
        } catch (Exception e) {
            System.err.println("worker bench: python tutorial failed: " + e);
        }
        return Optional.empty();
    }

    /**
     * The class-data archives of this build, as a user's first start makes them (the kernel's training run makes
     * the workers' too), before this JVM first reads whether the workers have one.
     */
    private static void madeClassDataArchives() {
        ClassDataCache cache = KernelLauncher.standard().classDataCache();
        if (cache == null) {
            return;
        }
        try {
            if (!cache.trainInBackground().get(180, TimeUnit.SECONDS)) {
                System.err.println("worker bench: no class-data archive (a class path with folders, or training failed)");
            }
        } catch (Exception e) {
            System.err.println("worker bench: class-data training failed: " + e);
        }
    }

    private void firstOutput(List<Figure> figures) throws Exception {
        figures.add(new Figure("worker.first_output", firstOutputMedian(20, true), "ms"));
        withProperty("lessonbook.workers.spares", "0", () -> {
            WorkerRuntime.terminateAll();
            figures.add(new Figure("worker.first_output.cold", firstOutputMedian(10, false), "ms"));
            withoutWorkerArchive(() -> figures.add(new Figure("worker.first_output.cold.vs.no_cds",
                    firstOutputMedian(10, false), "ms")));
        });
        // what a spare costs to get ready (JVM start, class loading, the runtime's warm-up): Worker.prestart's
        // wait, and the CPU that refills take from the cells after a worker cell
        figures.add(new Figure("worker.spare_ready_cpu", spareReadyCpuMedian(), "ms"));
        withoutWorkerArchive(() -> figures.add(new Figure("worker.spare_ready_cpu.vs.no_cds", spareReadyCpuMedian(),
                "ms")));
        if (PythonPeer.available()) {
            String[] outErr = PythonPeer.runProgram(PythonPeer.SPAWN_FIRST_OUTPUT, List.of("20"), 120);
            double[] ms = Arrays.stream(outErr[0].strip().split("\\s+")).filter(s -> !s.isEmpty())
                    .mapToDouble(Double::parseDouble).toArray();
            if (ms.length > 0) {
                figures.add(new Figure("worker.first_output.vs.python_spawn", Median.of(ms), "ms"));
            } else {
                System.err.println("worker bench: python spawn measurement failed: " + outErr[1].strip());
            }
        }
    }

    private interface Measure {
        void run() throws Exception;
    }

    /** Runs {@code measure} with a system property set, then gives the property its value from before. */
    private static void withProperty(String name, String value, Measure measure) throws Exception {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            measure.run();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }

    private static void withoutWorkerArchive(Measure measure) throws Exception {
        try {
            withProperty("lessonbook.workers.cds", "false", measure);
        } finally {
            WorkerRuntime.terminateAll();   // spares started without the archive are no one's now
        }
    }

    /** Median CPU of a spare from its start to ready, over three rounds of two booted at once (as refills boot). */
    private static double spareReadyCpuMedian() throws Exception {
        List<Double> ms = new ArrayList<>();
        try {
            withProperty("lessonbook.workers.spares", "2", () -> {
                for (int round = 0; round < 3; round++) {
                    WorkerRuntime.terminateAll();
                    WorkerRuntime.prewarm();
                    ProcessHandle.current().children().forEach(child ->
                            ProcStat.of(child.pid()).ifPresent(stat -> ms.add((double) stat.cpuMillis())));
                }
            });
        } finally {
            WorkerRuntime.terminateAll();
        }
        return Median.of(ms);
    }

    private double firstOutputMedian(int times, boolean warm) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            if (warm) {
                WorkerRuntime.prewarm();
            } else {
                WorkerRuntime.terminateAll();   // a refill that began before spares were switched off
            }
            long t0 = System.nanoTime();
            Worker w = new Worker(() -> System.out.println("first"));
            w.start();
            long at = host.firstLineOf(w.pid()).get(30, TimeUnit.SECONDS);
            ms.add((at - t0) / 1e6);
            w.join();
        }
        return Median.of(ms);
    }

    private void dispatch(List<Figure> figures) throws Exception {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            inputs.add(i);
        }
        WorkerRuntime.prewarm();
        List<Double> perItem = new ArrayList<>();
        double slowest = 0;
        try (WorkerPool pool = new WorkerPool()) {
            pool.map(x -> x + 1, inputs);   // the workers connect
            for (int i = 1; i < 60; i++) {
                long t0 = System.nanoTime();
                pool.map(x -> x + 1, inputs);
                double ms = (System.nanoTime() - t0) / 1e6;
                slowest = Math.max(slowest, ms);
                if (i >= 5 && i < 14) {   // nine timed after four warm-up maps, as before (Python's peer: nine after one)
                    perItem.add(ms / inputs.size());
                }
            }
        }
        figures.add(new Figure("pool.dispatch_per_item", Median.of(perItem), "ms"));
        // the longest of 59 maps: a stall there (a compile the workers wait for) is what a student sees as a hitch
        figures.add(new Figure("pool.slowest_of_59_maps", slowest, "ms"));
        if (PythonPeer.available()) {
            String[] outErr = PythonPeer.runProgram(PythonPeer.POOL_DISPATCH, List.of("9"), 120);
            try {
                figures.add(new Figure("pool.dispatch_per_item.vs.python", Double.parseDouble(outErr[1].strip()), "ms"));
            } catch (NumberFormatException e) {
                System.err.println("worker bench: python Pool.map measurement failed: " + outErr[1].strip());
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
