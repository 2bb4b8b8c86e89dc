package lessonbook.bench.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import lessonbook.bench.BoundedChild;
import lessonbook.bench.Figure;
import lessonbook.bench.Median;
import lessonbook.bench.ScratchFolder;
import lessonbook.bench.SuiteCannotRun;
import lessonbook.kernel.client.ClassDataCache;
import lessonbook.kernel.client.Kernel;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.ui.DesktopLauncher;
import lessonbook.ui.FileDialogs;
import lessonbook.ui.LessonStore;
import lessonbook.ui.NotebookWindow;

/**
 * The desktop figures of {@code lessonbook bench}: cold start to first frame (a fresh JVM), Shift+Enter to
 * the first output line on screen, and the FX pulse stalls and heap growth while a cell prints a million
 * lines. Needs a display: Monocle (headless, when on the classpath) or a real/virtual X display.
 */
public final class UiBench {
    static final String FLOOD = "for (int i = 0; i < 1_000_000; i++) System.out.println(i);";
    /** The same loop printing to nowhere: the pulse gaps the machine and the busy kernel cause on their own. */
    static final String CONTROL = "var keep = System.out;\n"
            + "System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));\n"
            + "try { for (int i = 0; i < 1_000_000; i++) System.out.println(i); } finally { System.setOut(keep); }";
    private static final int FIRST_FRAME_RUNS = 5;
    private static final int FIRST_OUTPUT_RUNS = 5;
    /** The flood is repeated and its figures are medians: one flood on a shared machine says little. */
    private static final int FLOOD_RUNS = Integer.getInteger("lessonbook.bench.floodRuns", 3);

    private final Supplier<Kernel> kernels;
    private final Path lesson;
    /** How long a cold start may take to show its first frame before the probe is ended. */
    private static final long PROBE_LIMIT_SECONDS = 120;

    public UiBench() {
        this(DesktopLauncher.kernelFactory(), Path.of("lessons", "multiprocessing.md"));
    }

    public UiBench(Supplier<Kernel> kernels, Path lesson) {
        this.kernels = kernels;
        this.lesson = lesson;
    }

    public List<Figure> run() throws Exception {
        // Found out first, and said in one line: without a display every figure would fail anyway.
        useDisplay();
        List<Figure> figures = new ArrayList<>();
        if (!Boolean.getBoolean("lessonbook.bench.skipFirstFrame")) {
            figures.add(new Figure("app.first_frame", Median.of(firstFrames(null)), "ms"));
            // The same start from the app image (its trimmed runtime and class-data archive), beside it.
            Optional<AppImage> image = AppImage.find();
            if (image.isPresent()) {
                figures.add(new Figure("app.first_frame.image", Median.of(firstFrames(image.get())), "ms"));
            } else {
                System.err.println("bench: app.first_frame.image skipped: " + AppImage.howToBuild());
            }
        }
        if (!Boolean.getBoolean("lessonbook.bench.skipLargeNotebook")) {
            figures.add(new Figure("app.responsive.20000_cells", largeNotebookResponsive(), "ms"));
        }
        figures.addAll(inProcess());
        return figures;
    }

    /**
     * A notebook far longer than a lesson (someone's archive of 10,000 exercises), opened cold: milliseconds until
     * the window answers again (see {@link FirstFrameProbe}). Laying out the cells once took time growing with the
     * square of their number, and 20,000 cells never showed. Median of three starts, each in a fresh JVM at
     * {@code -Xmx1g}.
     */
    private double largeNotebookResponsive() throws Exception {
        try (ScratchFolder folder = ScratchFolder.create("lessonbook-large-notebook")) {
            Path notebook = folder.path().resolve("large.ipynb");
            Files.writeString(notebook, LargeNotebook.json(10_000));
            List<Double> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(firstFrame(null, folder, notebook, List.of("-Xmx1g", "-Dlessonbook.bench.untilResponsive=true")));
            }
            System.err.println("bench: 20,000 cells, ms until the window answers: " + runs);
            return Median.of(runs);
        }
    }

    // ----- cold start, in fresh JVMs -----

    /** From {@code java -jar} (this JVM's java and class path), or from the app image when one is given. */
    private double[] firstFrames(AppImage image) throws Exception {
        firstStartOfThisBuild(image);
        double[] runs = new double[FIRST_FRAME_RUNS];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = firstFrame(image);
        }
        return runs;
    }

    /**
     * One start before the measured ones, not counted: the first start of a new build (or of the image's runtime)
     * makes the kernel's class-data archive in background JVMs, once per install, and those ran beside the
     * measured starts (the image's first figure was 3.7 s where later starts took 2.4 s). Waits for them, at most
     * two minutes.
     */
    private void firstStartOfThisBuild(AppImage image) throws Exception {
        firstFrame(image);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<ProcessHandle> training = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(ClassDataCache.class.getName())
                        || c.contains("lessonbook.kernel.jvm.KernelTraining")).orElse(false))
                .toList();
        for (ProcessHandle p : training) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                System.err.println("bench: the kernel's class-data training still runs after 2 minutes; measuring anyway");
                return;
            }
        }
    }

    /**
     * One cold start to its first frame. The probe opens a copy of the lesson in a folder of its own, which is also
     * its home, as the app bench's runs do: a recovery file beside the real lesson (an app killed with unsaved
     * changes) would otherwise hold the probe in its "Restore them?" dialog, and the bench with it. The kernel's
     * class-data archive and JavaFX's unpacked native libraries stay in the usual caches. A probe that shows no
     * window within two minutes is ended.
     */
    private double firstFrame(AppImage image) throws Exception {
        try (ScratchFolder home = ScratchFolder.create("lessonbook-first-frame")) {
            return firstFrame(image, home);
        }
    }

    private double firstFrame(AppImage image, ScratchFolder home) throws Exception {
        return firstFrame(image, home, Files.exists(lesson) ? home.copyIn(lesson) : null, List.of());
    }

    private double firstFrame(AppImage image, ScratchFolder home, Path opened, List<String> jvmOptions)
            throws Exception {
        String[] args = opened != null ? new String[] {opened.toString()} : new String[0];
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(BenchDisplay.childProperties());
        options.add("-Duser.home=" + home.path());
        // JavaFX's native libraries stay unpacked where they are, as on a teacher's second start
        options.add("-Djavafx.cachedir=" + Path.of(System.getProperty("user.home"), ".openjfx", "cache"));
        List<String> command = image != null ? image.command(FirstFrameProbe.class.getName(), options, args)
                : BoundedChild.javaCommand(options, FirstFrameProbe.class, List.of(args));
        long spawned = System.currentTimeMillis();
        ProcessBuilder builder = new ProcessBuilder(command);
        ScratchFolder.keepUserCache(builder);
        AtomicLong firstFrame = new AtomicLong(-1);
        AtomicReference<String> children = new AtomicReference<>();
        BoundedChild.Ended ended = BoundedChild.run(builder, new BoundedChild.Lines(line -> {
            if (line.startsWith("first-frame ")) {
                firstFrame.set(Long.parseLong(line.substring("first-frame ".length()).trim()) - spawned);
            } else if (line.startsWith("probe-children")) {
                children.set(line.substring("probe-children".length()).trim());
            }
        }), new BoundedChild.Discard(), Duration.ofSeconds(PROBE_LIMIT_SECONDS));
        if (firstFrame.get() < 0) {
            throw new IllegalStateException("the first-frame probe showed no window (" + ended.describe() + ")");
        }
        if (children.get() != null) {
            awaitEnd(children.get());
        }
        return firstFrame.get();
    }

    /**
     * Waits (at most 15 s) for the processes a probe left: its kernel, which ends itself once the probe is gone but
     * was still starting, and so shared the cores with the next start's first frame.
     */
    private static void awaitEnd(String pids) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (String pid : pids.split("\\s+")) {
            if (pid.isEmpty()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
                try {
                    p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // still running (a class-data training started by the first start): measure beside it
                }
            });
        }
    }

    // ----- in this JVM -----

    private List<Figure> inProcess() throws Exception {
        NotebookWindow window = onFx(() -> {
            NotebookWindow w = new NotebookWindow(new Stage(), kernels, LessonStore.files(), FileDialogs.system());
            w.document().replace(new Notebook(List.of(new CodeCell("one", "System.out.println(1);"),
                    new CodeCell("flood", FLOOD), new CodeCell("control", CONTROL))), null);
            w.show();
            return w;
        });
        try {
            double[] firstOutput = new double[FIRST_OUTPUT_RUNS];
            for (int i = 0; i < firstOutput.length; i++) {
                firstOutput[i] = firstOutput(window);
            }
            double[] stalls = new double[FLOOD_RUNS];
            double[] growths = new double[FLOOD_RUNS];
            // Growth is against the heap before the first flood: each run replaces the last run's output.
            double heapBefore = usedHeapAfterGc();
            for (int i = 0; i < FLOOD_RUNS; i++) {
                CoreUse before = CoreUse.now();
                PulseWatch pulses = watchRun(window, "flood");
                System.err.println("ui.flood run " + (i + 1) + " cores: " + CoreUse.now().since(before, 12));
                stalls[i] = pulses.maxGapMillis();
                growths[i] = (usedHeapAfterGc() - heapBefore) / (1024 * 1024);
                // Why the stall was what it was goes to stderr: stdout keeps only `bench` lines.
                System.err.println("ui.flood run " + (i + 1) + ": " + pulses.worstGap());
            }
            System.err.println("ui.flood control (same loop, output discarded in the kernel): "
                    + watchRun(window, "control").worstGap());
            return List.of(new Figure("ui.first_output", Median.of(firstOutput), "ms"),
                    new Figure("ui.flood.max_stall", Median.of(stalls), "ms"),
                    new Figure("ui.flood.heap_growth", Median.of(growths), "MB"));
        } finally {
            onFx(() -> {
                window.closeWithoutSaving();
                return null;
            });
        }
    }

    /** Runs a cell to its end while watching the FX pulses. */
    private static PulseWatch watchRun(NotebookWindow window, String cellId) throws Exception {
        PulseWatch pulses = new PulseWatch();
        onFx(() -> {
            pulses.start();
            window.run(cellId);
            return null;
        });
        awaitState(window, cellId, 300);
        onFx(() -> {
            pulses.stop();
            return null;
        });
        return pulses;
    }

    /** Shift+Enter on the println cell until its "1" is in the output list and a pulse has drawn it. */
    private static double firstOutput(NotebookWindow window) throws Exception {
        CompletableFuture<Double> shown = new CompletableFuture<>();
        onFx(() -> {
            long pressed = System.nanoTime();
            window.run("one");
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (window.shownOutput("one").equals("1")) {
                        stop();
                        // This pulse lays out and draws the line that the last batch added.
                        shown.complete((System.nanoTime() - pressed) / 1e6);
                    }
                }
            }.start();
            return null;
        });
        double ms = shown.get(120, TimeUnit.SECONDS);
        awaitState(window, "one", 60);
        return ms;
    }

    /** Waits for the cell's run to end; a cell that failed is an error of the benchmark. */
    static void awaitState(NotebookWindow window, String cellId, int seconds) throws Exception {
        if (awaitEnd(window, cellId, seconds) == CellState.ERROR) {
            throw new IllegalStateException("cell " + cellId + " failed: "
                    + onFx(() -> ((CodeCell) window.document().cell(cellId)).outputText()));
        }
    }

    /** Waits for the cell's run to end, told by the document (no polling); its end state. */
    static CellState awaitEnd(NotebookWindow window, String cellId, int seconds) throws Exception {
        CompletableFuture<CellState> ended = new CompletableFuture<>();
        java.util.function.Consumer<lessonbook.model.DocumentChange> listener = change -> {
            CellState state = window.document().runtime(cellId).state();
            if (state == CellState.DONE || state == CellState.ERROR || state == CellState.INTERRUPTED) {
                ended.complete(state);
            }
        };
        onFx(() -> {
            window.document().addListener(listener);
            listener.accept(null);
            return null;
        });
        try {
            return ended.get(seconds, TimeUnit.SECONDS);
        } finally {
            onFx(() -> {
                window.document().removeListener(listener);
                return null;
            });
        }
    }

    static double usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Monocle when there is no X display and it is on the class path; starts the toolkit or says why not. */
    private static void useDisplay() throws InterruptedException, SuiteCannotRun {
        java.util.Optional<String> missing = BenchDisplay.missing("ui");
        if (missing.isPresent()) {
            throw new SuiteCannotRun(missing.get());
        }
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        } catch (RuntimeException | Error e) {
            throw new SuiteCannotRun("cannot open the display " + System.getenv("DISPLAY") + " (" + e.getMessage()
                    + "); is an X server running there? e.g. `Xvfb " + System.getenv("DISPLAY") + " &`");
        }
        Platform.setImplicitExit(false);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new SuiteCannotRun("the JavaFX toolkit did not start within 30 s on display "
                    + System.getenv("DISPLAY"));
        }
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws Exception {
        for (Figure figure : new UiBench().run()) {
            System.out.println(figure.line());
        }
        System.exit(0);
    }
}
