package lessonbook.bench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lessonbook.bench.BoundedChild;
import lessonbook.bench.Figure;
import lessonbook.bench.CoresCeiling;
import lessonbook.bench.Median;
import lessonbook.bench.PythonPeer;
import lessonbook.bench.ScratchFolder;

/**
 * The {@code app} suite: the speedup a class sees in the window. Each run opens the lesson in the real app (a
 * fresh JVM at a small heap, {@link AppRunProbe}) on an X display, presses Run All once, and reads the lesson's
 * own speedup table and the app's CPU while its worker cells ran; Python's tutorial runs right after it, so both
 * share the machine's state. Figures are medians over {@code -Dlessonbook.bench.appRuns} runs (default 3).
 *
 * <p>The display is the bench's {@code DISPLAY}; without one, an Xvfb this suite starts (software rendering,
 * as on a machine without a GPU) and stops; without Xvfb it fails, saying how to get one.
 * {@code -Dlessonbook.bench.appJvmArgs="-Da=b -Dc=d"} passes extra options to the app JVM (e.g. the pulse logger).
 */
public final class AppBench {
    static final String RUNS_PROPERTY = "lessonbook.bench.appRuns";
    private static final int RUN_TIMEOUT_SECONDS = 300;
    private static final Pattern PYTHON = Pattern.compile("speedup_process=([0-9.]+) speedup_pool=([0-9.]+)");

    private final Path lesson;
    private final int runs;

    public AppBench(Path lesson) {
        this(lesson, Integer.getInteger(RUNS_PROPERTY, 3));
    }

    AppBench(Path lesson, int runs) {
        this.lesson = lesson;
        this.runs = Math.max(1, runs);
    }

    public List<Figure> run() throws Exception {
        try (VirtualDisplay display = VirtualDisplay.forBench()) {
            List<Double> process = new ArrayList<>();
            List<Double> pool = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> cpuWindow = new ArrayList<>();
            List<Double> cpuJit = new ArrayList<>();
            List<Double> pyProcess = new ArrayList<>();
            List<Double> pyPool = new ArrayList<>();
            List<Double> ceiling = new ArrayList<>();
            List<Double> processWorkersOnly = new ArrayList<>();
            List<Double> poolWorkersOnly = new ArrayList<>();
            Optional<Path> tutorial = PythonPeer.available() ? PythonPeer.tutorialScript() : Optional.empty();
            if (tutorial.isEmpty()) {
                System.err.println("app bench: python3 or python_tutorial.py not found (set -D"
                        + PythonPeer.SCRIPT_PROPERTY + "=PATH), no .vs.python peers");
            }
            for (int i = 1; i <= runs; i++) {
                Map<String, Double> figures = appRun(display.name());
                System.err.println("app bench: run " + i + " of " + runs + ": " + figures);
                process.add(figures.get("speedup.process"));
                pool.add(figures.get("speedup.pool"));
                cpu.add(figures.get("cpu_during_workers"));
                cpuWindow.add(figures.getOrDefault("cpu_during_workers.window", -1.0));
                cpuJit.add(figures.getOrDefault("cpu_during_workers.jit", -1.0));
                Optional.ofNullable(figures.get("speedup.process.workers_only")).ifPresent(processWorkersOnly::add);
                Optional.ofNullable(figures.get("speedup.pool.workers_only")).ifPresent(poolWorkersOnly::add);
                if (tutorial.isPresent()) {
                    double[] py = python(tutorial.get());
                    pyProcess.add(py[0]);
                    pyPool.add(py[1]);
                }
                ceiling.add(CoresCeiling.measure());   // between the app runs: the machine as they had it
            }
            List<Figure> out = new ArrayList<>(List.of(
                    new Figure("speedup.process.in_app", Median.of(process), "x"),
                    new Figure("speedup.pool.in_app", Median.of(pool), "x")));
            if (!pyProcess.isEmpty()) {
                out.add(new Figure("speedup.process.in_app.vs.python", Median.of(pyProcess), "x"));
                out.add(new Figure("speedup.pool.in_app.vs.python", Median.of(pyPool), "x"));
            }
            out.add(new Figure("speedup.ceiling.in_app", Median.of(ceiling), "x"));
            if (!processWorkersOnly.isEmpty() && !poolWorkersOnly.isEmpty()) {
                out.add(new Figure("speedup.process.in_app.workers_only", Median.of(processWorkersOnly), "x"));
                out.add(new Figure("speedup.pool.in_app.workers_only", Median.of(poolWorkersOnly), "x"));
            }
            out.add(new Figure("app.cpu_during_workers", Median.of(cpu), "%"));
            // Of which: the window's own threads, and the JIT compiling the app (not the window's doing).
            out.add(new Figure("app.cpu_during_workers.window", Median.of(cpuWindow), "%"));
            out.add(new Figure("app.cpu_during_workers.jit", Median.of(cpuJit), "%"));
            return out;
        }
    }

    /**
     * One fresh app: opens the lesson, Run All, returns the probe's {@code in_app} figures. As a new user: the
     * lesson is a copy in a folder of its own, which is also the app's home (no recovery file from an earlier run
     * offered in a dialog, no recent files); the kernel's class-data archive stays where it always is.
     */
    private Map<String, Double> appRun(String display) throws IOException, InterruptedException {
        try (ScratchFolder home = ScratchFolder.create("lessonbook-app-bench")) {
            return appRun(display, home.path(), home.copyIn(lesson));
        }
    }

    private Map<String, Double> appRun(String display, Path home, Path lessonCopy)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Duser.home=" + home));
        String extra = System.getProperty("lessonbook.bench.appJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(BoundedChild.javaCommand(options, AppRunProbe.class,
                List.of(lessonCopy.toString())));
        builder.environment().put("DISPLAY", display);
        ScratchFolder.keepUserCache(builder);
        Map<String, Double> figures = new ConcurrentHashMap<>();   // filled on the child's stdout reader
        BoundedChild.Ended ended = BoundedChild.run(builder, new BoundedChild.Lines(line -> {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3 && parts[0].equals("in_app")) {
                figures.put(parts[1], Double.parseDouble(parts[2]));
            }
        }), new BoundedChild.Inherit(), Duration.ofSeconds(RUN_TIMEOUT_SECONDS));
        for (String name : List.of("speedup.process", "speedup.pool", "cpu_during_workers")) {
            if (!figures.containsKey(name)) {
                throw new IllegalStateException("the app run gave no " + name + " (" + ended.describe()
                        + "; its stderr is above)");
            }
        }
        return figures;
    }

    private static double[] python(Path tutorial) throws IOException, InterruptedException {
        String[] outErr = PythonPeer.run(List.of("python3", tutorial.toString(), "fork", "1"), 120);
        Matcher m = PYTHON.matcher(outErr[1]);
        if (!m.find()) {
            throw new IllegalStateException("python tutorial printed no speedups: " + outErr[1].strip());
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }
}
