package lessonbook.bench.ui;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import javafx.application.Platform;
import javafx.stage.Stage;

import lessonbook.format.files.LessonFiles;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.ui.DesktopLauncher;
import lessonbook.ui.FileDialogs;
import lessonbook.ui.LessonStore;
import lessonbook.ui.NotebookWindow;

/**
 * Run in a child JVM (the flood suite gives it its small heap): the real window, kernel and all, on a lesson of
 * three code cells: a definition, a cell that prints forever, and a cell that uses the definition. It runs the
 * first, takes the heap after a full GC, runs the flood for the given seconds while timing how fast the FX thread
 * answers a {@code runLater}, interrupts it as the toolbar does, runs the third cell and takes the heap again.
 * It writes {@code key value} lines to the report file as it goes, so that a JVM that runs out of memory or a
 * window that freezes has still said how far it got.
 */
public final class FloodAppProbe {
    /** An FX thread that does not answer a runLater within this is not responding (a user would see it frozen). */
    public static final long FX_REPLY_BOUND_MS = 10_000;
    /** Time between two pings: often enough to see a stall, rare enough to cost the FX thread nothing. */
    private static final long PING_EVERY_MS = 200;

    private final PrintStream report;

    private FloodAppProbe(PrintStream report) {
        this.report = report;
    }

    /** {@code FloodAppProbe REPORT LESSON SECONDS}. */
    public static void main(String[] args) throws Exception {
        try (PrintStream report = new PrintStream(new FileOutputStream(args[0]), true, StandardCharsets.UTF_8)) {
            // Whatever fails on any thread (the FX thread's OutOfMemoryError above all) is part of the result.
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                report.println("error " + thread.getName() + ": " + e);
                e.printStackTrace();
            });
            try {
                new FloodAppProbe(report).probe(Path.of(args[1]), Integer.parseInt(args[2]));
            } catch (Throwable t) {
                report.println("error probe: " + t);
                t.printStackTrace();
            }
            report.println("end");
        }
        Runtime.getRuntime().halt(0);
    }

    private void probe(Path lesson, int seconds) throws Exception {
        startToolkit();
        Notebook notebook = LessonFiles.read(lesson);
        NotebookWindow window = UiBench.onFx(() -> {
            NotebookWindow w = new NotebookWindow(new Stage(), DesktopLauncher.kernelFactory(), LessonStore.files(),
                    FileDialogs.system());
            w.document().replace(notebook, null);
            w.show();
            return w;
        });
        List<String> cells = notebook.codeCells().stream().map(CodeCell::id).toList();
        try {
            runToEnd(window, cells.get(0), "first_cell", 180);
            report.println("heap_before " + usedHeapAfterGc());

            UiBench.onFx(() -> {
                window.run(cells.get(1));
                return null;
            });
            pingDuring(seconds);
            try {
                UiBench.onFx(() -> {
                    window.interruptKernel();
                    return null;
                });
            } catch (TimeoutException e) {
                report.println("error interrupt: the window did not take the interrupt within 60 s");
                return;
            }
            runEnded(window, cells.get(1), "flood_cell", 60);
            runToEnd(window, cells.get(2), "next_cell", 120);
            report.println("heap_after " + usedHeapAfterGc());
        } finally {
            try {
                UiBench.onFx(() -> {
                    window.closeWithoutSaving();
                    return null;
                });
            } catch (Exception e) {
                report.println("error close: " + e);
            }
        }
    }

    /** Pings the FX thread until the flood has run its time; one unanswered ping is waited for to the end. */
    private void pingDuring(int seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long maxReply = 0;
        int pings = 0;
        while (System.nanoTime() < end) {
            CompletableFuture<Long> reply = new CompletableFuture<>();
            long sent = System.nanoTime();
            Platform.runLater(() -> reply.complete(System.nanoTime()));
            try {
                maxReply = Math.max(maxReply, reply.get(FX_REPLY_BOUND_MS, TimeUnit.MILLISECONDS) - sent);
                pings++;
            } catch (TimeoutException frozen) {
                report.printf("fx_unanswered %.1f%n", (sent - start) / 1e9);
                try {
                    reply.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                    report.printf("fx_answered_after %.1f%n", (System.nanoTime() - sent) / 1e9);
                } catch (TimeoutException stillFrozen) {
                    report.println("fx_still_frozen");
                }
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PING_EVERY_MS));
        }
        report.printf("fx_max_reply_ms %.1f%n", maxReply / 1e6);
        report.println("fx_pings " + pings);
    }

    private void runToEnd(NotebookWindow window, String cellId, String key, int seconds) throws Exception {
        UiBench.onFx(() -> {
            window.run(cellId);
            return null;
        });
        runEnded(window, cellId, key, seconds);
    }

    /** Reports how the cell's run ended: {@code KEY STATE COUNT OUTPUT-HEAD}. */
    private void runEnded(NotebookWindow window, String cellId, String key, int seconds) throws Exception {
        CellState state;
        try {
            state = UiBench.awaitEnd(window, cellId, seconds);
        } catch (TimeoutException e) {
            report.println(key + " NOT_ENDED_IN_" + seconds + "_S");
            throw new IllegalStateException(key + " did not end within " + seconds + " s");
        }
        String line = UiBench.onFx(() -> {
            CodeCell cell = (CodeCell) window.document().cell(cellId);
            String shown = window.shownOutput(cellId);
            String head = shown.length() > 80 ? shown.substring(shown.length() - 80) : shown;
            return state + " " + cell.executionCount() + " " + head.replace('\n', ' ');
        });
        report.println(key + " " + line);
    }

    private static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
