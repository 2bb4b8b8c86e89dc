package lessonbook.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build tooling for the app image (src/dist/build.xml): loads, without initialising, every class a class list
 * names ({@code -XX:DumpLoadedClassList} format), then exits normally, so that a JVM started with
 * {@code -XX:ArchiveClassesAtExit} archives them. The list is recorded in a headless window (Monocle), which
 * cannot be on the class path of the archive's own run: the JVM ties an archive to the exact class path.
 */
public final class ClassListLoader {
    private ClassListLoader() {
    }

    public static void main(String[] args) throws IOException {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        int loaded = 0;
        int missing = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("@")) {
                continue;
            }
            String name = line.split("\\s+", 2)[0].replace('/', '.');
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                missing++;
            }
        }
        System.out.println("classes loaded: " + loaded + ", not found: " + missing);
    }
}
