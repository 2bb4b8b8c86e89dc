package lessonbook.bench.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import lessonbook.ui.DesktopApp;

/**
 * Run in a fresh JVM by {@link UiBench}: opens the lesson in a window as the app does and prints the wall-clock time of
 * the first pulse after the window is shown ({@code first-frame <epochMillis>}), then exits; with
 * {@code -Dlessonbook.bench.untilResponsive=true}, the time from which its pulses come quickly again (the first of
 * ten in a row under 100 ms apart), i.e. when a click would be answered.
 */
public final class FirstFrameProbe {
    /** A window answers when its pulses come at most this far apart... */
    private static final long RESPONSIVE_GAP_NANOS = 100_000_000L;
    /** ...this many times in a row. */
    private static final int RESPONSIVE_PULSES = 10;
    private FirstFrameProbe() {
    }

    private static int count(javafx.scene.Node node, java.util.Map<String, Integer> kinds) {
        kinds.merge(node.getClass().getSimpleName(), 1, Integer::sum);
        int n = 1;
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                n += count(child, kinds);
            }
        }
        return n;
    }

    /** With -Dlessonbook.bench.threadCpu=true: each thread's CPU until the first frame, and the nodes it drew. */
    private static void reportCpuAndNodes(Stage stage) {
        StringBuilder threads = new StringBuilder("first-frame threads' cpu (ms):");
        lessonbook.bench.app.ThreadCpu.read().entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
                .forEach(t -> threads.append(' ').append(t.getKey()).append(' ').append(t.getValue() / 1_000_000));
        System.err.println(threads);
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        int nodes = count(stage.getScene().getRoot(), kinds);
        System.err.println("first-frame nodes: " + nodes + " " + kinds);
    }

    public static void main(String[] args) {
        Path lesson = args.length > 0 ? Path.of(args[0]) : null;
        Path opened = lesson != null && Files.exists(lesson) ? lesson : null;
        lessonbook.ui.DesktopLauncher.prepare(opened);   // as the app: the lesson is read while JavaFX starts
        Platform.startup(() -> {
            Stage stage = new Stage();
            // As the app starts (its icons, its compilers' priority), so the figure is the one a teacher sees.
            new DesktopApp().start(stage, opened);
            // -Dlessonbook.bench.untilResponsive=true: once the window answers again, not at its first pulse
            boolean untilResponsive = Boolean.getBoolean("lessonbook.bench.untilResponsive");
            new AnimationTimer() {
                private long last;
                private long quickSince;
                private int quick;

                @Override
                public void handle(long now) {
                    if (!untilResponsive) {
                        stop();
                        report(stage, System.currentTimeMillis());
                        return;
                    }
                    // pulses come every ~16 ms while the FX thread is free; the work done after the first frame
                    // (editors, lazy drawing, their layout) shows as long gaps between them
                    long millis = System.currentTimeMillis();
                    if (last != 0 && now - last < RESPONSIVE_GAP_NANOS) {
                        if (quick++ == 0) {
                            quickSince = millis;
                        }
                        if (quick == RESPONSIVE_PULSES) {
                            stop();
                            report(stage, quickSince);
                        }
                    } else {
                        quick = 0;
                    }
                    last = now;
                }
            }.start();
        });
    }

    /** Prints when the frame came and which processes the app left, then ends the probe. */
    private static void report(Stage stage, long epochMillis) {
        System.out.println("first-frame " + epochMillis);
        // The app's kernel (and its class-data helper) outlive this probe for a moment: the bench waits
        // for them, so that the next start does not share the cores with this one's leftovers.
        System.out.println("probe-children " + ProcessHandle.current().descendants()
                .map(h -> String.valueOf(h.pid())).collect(java.util.stream.Collectors.joining(" ")));
        System.out.flush();
        if (Boolean.getBoolean("lessonbook.bench.threadCpu")) {
            reportCpuAndNodes(stage);
        }
        Platform.exit();
        lessonbook.bench.FlightRecordings.dump();
        if (Boolean.getBoolean("lessonbook.bench.exitNormally")) {
            System.exit(0);   // a class-data archive is written at a normal exit only
        }
        Runtime.getRuntime().halt(0);
    }
}
