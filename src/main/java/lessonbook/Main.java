package lessonbook;

import java.nio.file.Path;
import java.util.Set;

import lessonbook.cli.LessonbookCommand;

/**
 * Entry point of {@code java -jar lessonbook.jar}. Not a JavaFX {@code Application}: a plain main class lets the
 * jar start from the class path without the JavaFX launcher's module checks, and lets the headless commands run
 * without loading any of JavaFX.
 */
public final class Main {
    private static final Set<String> COMMANDS = Set.of("run", "bench", "export", "student", "grade", "help", "--help", "-h",
            "--version", "-V");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(LessonbookCommand.execute(args));
        }
        if (args.length > 1) {
            System.err.println("Usage: lessonbook [FILE] | lessonbook run|export|student|grade|bench ... (see lessonbook --help)");
            System.exit(2);
        }
        // Without a file the app opens on its lesson library (the bundled lessons, recent files, Open...).
        DesktopEntry.open(args.length == 1 ? Path.of(args[0]) : null);
    }
}
