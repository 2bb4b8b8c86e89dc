package lessonbook.ui;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one notebook window for the lesson the launcher was given. */
public final class DesktopApp extends Application {
    @Override
    public void start(Stage stage) {
        WindowCompilers.lowerInBackground();
        NotebookWindow window = new NotebookWindow(stage, DesktopLauncher.kernelFactory(), LessonStore.files(),
                FileDialogs.system());
        window.setLinkOpener(link -> getHostServices().showDocument(link));
        Path lesson = DesktopLauncher.lesson();
        if (lesson == null && getParameters() != null && !getParameters().getUnnamed().isEmpty()) {
            lesson = Path.of(getParameters().getUnnamed().get(0));
        }
        if (lesson != null) {
            // A file that cannot be read is reported in a dialog over an empty lesson.
            window.open(lesson);
        }
        window.show();
    }
}
