package lessonbook.bench.flood;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import lessonbook.bench.Figure;
import lessonbook.bench.ScratchFolder;
import lessonbook.bench.ui.BenchDisplay;
import lessonbook.bench.ui.FloodAppProbe;

/**
 * The most common beginner bug, a cell that prints forever, measured where a class meets it: in the app window
 * and in {@code lessonbook run}, each in a child JVM with a small heap ({@code -Xmx512m}), for a minute. An
 * out-of-memory error, a frozen window or a lost kernel is a result and is reported as one, never a crash of the
 * bench. {@code -Dlessonbook.bench.floodSeconds=10} for a quick check, {@code -Dlessonbook.bench.floodXmx=1g}
 * for another heap.
 */
public final class FloodBench {
    static final String FLOOD_CELL = "long i = 0; while (true) System.out.println(\"line \" + (i++));";
    private static final double MB = 1024 * 1024;

    private final int seconds = Integer.getInteger("lessonbook.bench.floodSeconds", 60);
    private final String heap = System.getProperty("lessonbook.bench.floodXmx", "512m");

    public List<Figure> run() throws IOException, InterruptedException {
        try (ScratchFolder dir = ScratchFolder.create("lessonbook-flood")) {
            List<Figure> figures = new ArrayList<>(inApp(dir.path()));
            figures.addAll(inRun(dir.path()));
            return figures;
        }
    }

    // ----- the app -----

    private List<Figure> inApp(Path dir) throws IOException, InterruptedException {
        String growth = "flood.forever.app_heap_growth";
        Optional<String> noDisplay = BenchDisplay.missing("flood");
        if (noDisplay.isPresent()) {
            return List.of(Figure.notMeasured(growth, "MB", noDisplay.get()));
        }
        Path lesson = dir.resolve("flood-app.md");
        Files.writeString(lesson, "# A cell that prints forever\n\n```java\nint before = 41;\n```\n\n```java\n"
                + FLOOD_CELL + "\n```\n\n```java\nSystem.out.println(before + 1);\n```\n", StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
        options.addAll(BenchDisplay.childProperties());
        ChildProbe.Result app = ChildProbe.run(options, FloodAppProbe.class,
                List.of(lesson.toString(), Integer.toString(seconds)), dir.resolve("app-report.txt"), seconds + 300L);
        System.err.println("flood (app): " + String.join("; ", app.report()));
        List<Figure> figures = new ArrayList<>();
        String broken = brokenApp(app).orElse(null);
        Optional<Double> before = app.value("heap_before").map(Double::parseDouble);
        Optional<Double> after = app.value("heap_after").map(Double::parseDouble);
        if (broken == null && before.isPresent() && after.isPresent()) {
            figures.add(new Figure(growth, (after.get() - before.get()) / MB, "MB"));
        } else {
            figures.add(Figure.notMeasured(growth, "MB", broken != null ? broken
                    : "the probe ended before the heap was taken: " + String.join("; ", app.errors())));
        }
        // When the app broke, what the probe measured before is still reported; what it did not reach says so.
        String notReached = broken == null ? "the probe did not get that far: " + String.join("; ", app.errors())
                : "not reached: " + (broken.length() > 70 ? broken.substring(0, 70) + "..." : broken);
        boolean pinged = app.value("fx_max_reply_ms").isPresent() || app.value("fx_unanswered").isPresent();
        figures.add(pinged ? responsiveness(app)
                : Figure.notMeasured("flood.forever.app_fx_reply_max", "ms", notReached));
        if (app.value("first_cell").isPresent()) {
            figures.add(app.value("next_cell").isPresent() ? kernelKept(app)
                    : Figure.notMeasured("flood.forever.app_kernel_kept", "", notReached));
        }
        return figures;
    }

    /** What went wrong in the app, in the words a teacher would use: out of memory, frozen, no display. */
    private Optional<String> brokenApp(ChildProbe.Result app) {
        Optional<String> oom = app.firstOutOfMemory();
        if (oom.isPresent()) {
            return Optional.of("the app ran out of memory at -Xmx" + heap + " (" + oom.get() + ")");
        }
        if (app.timedOut()) {
            return Optional.of("the app had not finished " + (seconds + 300) + " s after it started (frozen?); "
                    + "it got as far as: " + String.join("; ", app.report()));
        }
        Optional<String> display = Stream.concat(app.errors().stream(), app.stderrTail().stream())
                .filter(l -> l.contains("DISPLAY") || l.contains("toolkit did not start")).findFirst();
        if (display.isPresent()) {
            return Optional.of("cannot open the display " + System.getenv("DISPLAY") + " (" + display.get()
                    + "); is an X server running there? e.g. `Xvfb " + System.getenv("DISPLAY") + " &`");
        }
        if (!app.ended()) {
            return Optional.of("the app JVM died (exit " + app.exitCode() + "): "
                    + String.join(" | ", app.stderrTail().subList(Math.max(0, app.stderrTail().size() - 3),
                    app.stderrTail().size())));
        }
        return app.errors().isEmpty() ? Optional.empty() : Optional.of(String.join("; ", app.errors()));
    }

    private static Figure responsiveness(ChildProbe.Result app) {
        String name = "flood.forever.app_fx_reply_max";
        Optional<String> unanswered = app.value("fx_unanswered");
        if (unanswered.isPresent()) {
            return Figure.notMeasured(name, "ms", "the window stopped answering " + unanswered.get()
                    + " s into the flood (a runLater got no reply within " + FloodAppProbe.FX_REPLY_BOUND_MS / 1000
                    + " s" + app.value("fx_answered_after").map(s -> "; it answered after " + s + " s")
                    .orElse("; it never answered during the flood") + ")");
        }
        return app.value("fx_max_reply_ms").map(ms -> new Figure(name, Double.parseDouble(ms), "ms"))
                .orElse(Figure.notMeasured(name, "ms", "the flood did not get to run in the app"));
    }

    /**
     * The kernel survived when the cell after the flood ran with the next execution count and still knew the
     * first cell's variable ({@code before + 1} printed 42).
     */
    private static Figure kernelKept(ChildProbe.Result app) {
        String name = "flood.forever.app_kernel_kept";
        String[] f = app.value("first_cell").orElseThrow().split(" ", 3);
        String[] n = app.value("next_cell").orElseThrow().split(" ", 3);
        if (f.length < 2 || n.length < 2) {
            return Figure.notMeasured(name, "", "a cell did not end: first cell " + String.join(" ", f)
                    + ", the cell after the flood " + String.join(" ", n));
        }
        boolean countGoesOn = f[1].matches("\\d+") && n[1].equals(Integer.toString(Integer.parseInt(f[1]) + 2));
        boolean definitionsKept = n[0].equals("DONE") && n.length > 2 && n[2].strip().equals("42");
        if (countGoesOn && definitionsKept) {
            return new Figure(name, 1, "yes");
        }
        return Figure.notMeasured(name, "", "the kernel did not survive the flood: the first cell ran as ["
                + f[1] + "], the flood as " + app.value("flood_cell").map(s -> "[" + s.split(" ")[1] + "] ("
                + s.split(" ")[0] + ")").orElse("?") + ", the next cell as [" + n[1] + "] " + n[0] + " showing \""
                + (n.length > 2 ? n[2].strip() : "") + "\" (expected [" + f[1] + "+2] showing 42)");
    }

    // ----- lessonbook run -----

    private List<Figure> inRun(Path dir) throws IOException, InterruptedException {
        Path lesson = dir.resolve("flood-run.md");
        Path out = dir.resolve("flood-run-out.md");
        // A first cell starts the kernel, so that the flood's time is spent printing, as in the app.
        Files.writeString(lesson, "# A cell that prints forever\n\n```java\nint before = 41;\n```\n\n```java\n"
                + FLOOD_CELL + "\n```\n", StandardCharsets.UTF_8);
        ChildProbe.Result run = ChildProbe.run(List.of("-Xmx" + heap), FloodRunProbe.class,
                List.of("run", lesson.toString(), "--cell-timeout", Integer.toString(seconds), "--output",
                        out.toString()), dir.resolve("run-report.txt"), seconds + 240L);
        System.err.println("flood (run): " + String.join("; ", run.report()));
        String broken = null;
        Optional<String> oom = run.firstOutOfMemory();
        if (oom.isPresent()) {
            broken = "`run` ran out of memory at -Xmx" + heap + " (" + oom.get() + ")";
        } else if (run.timedOut()) {
            broken = "`run` had not finished " + (seconds + 240) + " s after it started";
        } else if (!run.ended()) {
            broken = "the `run` JVM died (exit " + run.exitCode() + ")";
        }
        List<Figure> figures = new ArrayList<>();
        String growth = "flood.forever.run_heap_growth";
        Optional<Double> before = run.value("heap_before").map(Double::parseDouble);
        Optional<Double> max = run.value("heap_max").map(Double::parseDouble);
        if (broken == null && before.isPresent() && max.isPresent()) {
            figures.add(new Figure(growth, (max.get() - before.get()) / MB, "MB"));
        } else {
            figures.add(Figure.notMeasured(growth, "MB", broken != null ? broken : String.join("; ", run.errors())));
        }
        String saved = "flood.forever.saved_bytes";
        if (Files.exists(out)) {
            figures.add(new Figure(saved, Files.size(out), "bytes"));
        } else {
            figures.add(Figure.notMeasured(saved, "bytes", "`run --output` wrote no file"
                    + (broken != null ? ": " + broken : " (exit " + run.value("exit").orElse("?") + ")")));
        }
        return figures;
    }
}
