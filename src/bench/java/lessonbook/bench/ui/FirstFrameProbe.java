package lessonbook.bench.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import lessonbook.ui.DesktopApp;

/**
 * Run in a fresh JVM by {@link UiBench}: opens the lesson in a window as the app does and prints the wall-clock time of
 * the first pulse after the window is shown ({@code first-frame <epochMillis>}), then exits.
 */
public final class FirstFrameProbe {
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
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    System.out.println("first-frame " + System.currentTimeMillis());
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
            }.start();
        });
    }
}
