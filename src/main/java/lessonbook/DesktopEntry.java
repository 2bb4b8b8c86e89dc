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

    /** Opens the app; when its window cannot open, says why and what to do on stderr and exits with 1. */
    static void open(Path lesson) {
        try {
            Class.forName("lessonbook.ui.DesktopLauncher").getMethod("open", Path.class).invoke(null, lesson);
        } catch (InvocationTargetException e) {
            // A teacher on a fresh Linux machine meets these first: a stack trace from JavaFX's launcher tells them
            // nothing about the package to install or the headless command they could use instead.
            System.err.println(explain(e.getCause()));
            System.exit(1);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The desktop app is missing from this build", e);
        }
    }

    /** What a user reads when the window failed to start: the cause in their terms, what to do, JavaFX's words. */
    static String explain(Throwable failure) {
        StringBuilder said = new StringBuilder();
        for (Throwable t = failure; t != null && said.length() < 2_000; t = t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (said.indexOf(message) < 0) {
                said.append(said.length() == 0 ? "" : ": ").append(message);
            }
        }
        String headless = " Without a window, `lessonbook run FILE` runs a lesson and prints its outputs.";
        String advice;
        if (said.indexOf("Unable to open DISPLAY") >= 0) {
            advice = "Lessonbook cannot open its window: there is no display to open it on (DISPLAY is not set, or "
                    + "the X server refused the connection). Start it from a desktop session." + headless;
        } else if (said.indexOf("GTK") >= 0 || said.indexOf("gtk") >= 0) {
            advice = "Lessonbook cannot open its window: JavaFX draws windows on Linux with the GTK 3 library, which "
                    + "is missing. Install it (Debian, Ubuntu: sudo apt install libgtk-3-0; Fedora: sudo dnf install "
                    + "gtk3) and start Lessonbook again." + headless;
        } else {
            advice = "Lessonbook's window failed to start." + headless;
        }
        return advice + System.lineSeparator() + "(JavaFX said: " + said + ")";
    }
}
