package lessonbook.bench.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import lessonbook.ui.DesktopLauncher;
import lessonbook.ui.FileDialogs;
import lessonbook.ui.LessonStore;
import lessonbook.ui.NotebookWindow;

/**
 * Run in a fresh JVM by {@link UiBench}: opens the lesson in a window and prints the wall-clock time of
 * the first pulse after the window is shown ({@code first-frame <epochMillis>}), then exits.
 */
public final class FirstFrameProbe {
    private FirstFrameProbe() {
    }

    public static void main(String[] args) {
        Path lesson = args.length > 0 ? Path.of(args[0]) : null;
        Platform.startup(() -> {
            NotebookWindow window = new NotebookWindow(new Stage(), DesktopLauncher.kernelFactory(),
                    LessonStore.files(), FileDialogs.system());
            if (lesson != null && Files.exists(lesson)) {
                window.open(lesson);
            }
            window.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    System.out.println("first-frame " + System.currentTimeMillis());
                    System.out.flush();
                    window.closeWithoutSaving();
                    Platform.exit();
                    Runtime.getRuntime().halt(0);
                }
            }.start();
        });
    }
}
