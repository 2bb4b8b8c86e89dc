package lessonbook.ui;

import java.io.InputStream;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import lessonbook.format.files.BundledLessons;
import lessonbook.jit.HostCompilers;

/**
 * The JavaFX application: one notebook window for the lesson the launcher was given, or, without one, the
 * lesson library ({@link WelcomeView}) from which the chosen lesson opens in the same window.
 */
public final class DesktopApp extends Application {
    /** The app icon, rendered from assets/icon/lessonbook.svg and copied into the jar by the build. */
    static final String[] ICONS = {"lessonbook-16.png", "lessonbook-32.png", "lessonbook-48.png",
            "lessonbook-64.png", "lessonbook-128.png", "lessonbook.png"};

    @Override
    public void start(Stage stage) {
        Path lesson = DesktopLauncher.lesson();
        if (lesson == null && getParameters() != null && !getParameters().getUnnamed().isEmpty()) {
            lesson = Path.of(getParameters().getUnnamed().get(0));
        }
        start(stage, lesson);
    }

    /** Opens {@code lesson} in {@code stage}, or the lesson library when it is null (the bench's probes call this). */
    public void start(Stage stage, Path lesson) {
        HostCompilers.c1OnlyInBackground();
        AfterFirstFrame.run(() -> addIcons(stage));   // decoding them cost the first frame 40-100 ms
        if (lesson != null) {
            openNotebook(stage, lesson);
        } else {
            WelcomeView.show(stage, BundledLessons.find().summaries(), RecentFiles.forUser().list(),
                    FileDialogs.system(), chosen -> openNotebook(stage, chosen),
                    DesktopLauncher.viewSettings() == null ? ViewSettings.DEFAULT : DesktopLauncher.viewSettings().join());
        }
    }

    private void openNotebook(Stage stage, Path lesson) {
        NotebookWindow window = new NotebookWindow(stage, DesktopLauncher.kernelFactory(), DesktopLauncher.lessonStore(),
                FileDialogs.system());
        window.setLinkOpener(link -> getHostServices().showDocument(link));
        WindowCompilers.stepBackOnceCellsRun(window.document());
        if (DesktopLauncher.viewSettings() != null) {
            window.restoreView(DesktopLauncher.viewSettings().join(), ViewSettings::save);
        }
        // A file that cannot be read is reported in a dialog over an empty lesson.
        window.open(lesson);
        window.show();
    }

    static void addIcons(Stage stage) {
        for (String name : ICONS) {
            try (InputStream in = DesktopApp.class.getResourceAsStream("/lessonbook/icon/" + name)) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // A window without its icon still works.
            }
        }
    }
}
