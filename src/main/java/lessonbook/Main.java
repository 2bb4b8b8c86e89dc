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
    static final Path DEFAULT_LESSON = Path.of("lessons", "multiprocessing.md");
    private static final Set<String> COMMANDS = Set.of("run", "bench", "export", "help", "--help", "-h",
            "--version", "-V");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(LessonbookCommand.execute(args));
        }
        if (args.length > 1) {
            System.err.println("Usage: lessonbook [FILE] | lessonbook run|bench|export ... (see lessonbook --help)");
            System.exit(2);
        }
        Path lesson = args.length == 1 ? Path.of(args[0]) : defaultLesson();
        DesktopEntry.open(lesson);
    }

    /** The default lesson next to the working directory, else next to the jar (target/../lessons). */
    static Path defaultLesson() {
        if (java.nio.file.Files.exists(DEFAULT_LESSON)) {
            return DEFAULT_LESSON;
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path besideJar = jar.getParent().resolveSibling(DEFAULT_LESSON);
            return java.nio.file.Files.exists(besideJar) ? besideJar : DEFAULT_LESSON;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return DEFAULT_LESSON;
        }
    }
}
