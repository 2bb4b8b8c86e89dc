package lessonbook;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * Opens the desktop app. Reached through reflection so that the headless commands never load JavaFX classes
 * (they run where no display and no JavaFX natives are usable).
 */
final class DesktopEntry {
    private DesktopEntry() {
    }

    static void open(Path lesson) {
        try {
            Class.forName("lessonbook.ui.DesktopLauncher").getMethod("open", Path.class).invoke(null, lesson);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The desktop app failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The desktop app is missing from this build", e);
        }
    }
}
