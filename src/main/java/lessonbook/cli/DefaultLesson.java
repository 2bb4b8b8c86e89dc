package lessonbook.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the default lesson is: next to the working directory, else next to the jar (target/../lessons). */
public final class DefaultLesson {
    static final Path RELATIVE = Path.of("lessons", "multiprocessing.md");

    private DefaultLesson() {
    }

    public static Path find() {
        if (Files.exists(RELATIVE)) {
            return RELATIVE;
        }
        try {
            Path jar = Path.of(DefaultLesson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path besideJar = jar.getParent().resolveSibling(RELATIVE);
            return Files.exists(besideJar) ? besideJar : RELATIVE;
        } catch (URISyntaxException | RuntimeException e) {
            return RELATIVE;
        }
    }
}
