package lessonbook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for one measurement, deleted with all in it on {@link #close()}. It also serves as the home
 * of an app JVM the bench starts ({@code -Duser.home}), so that the app meets what a new user's would: no recovery
 * file from an earlier run offered in a dialog, no recent files. Not thread-safe; one owner.
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    public static ScratchFolder create(String prefix) throws IOException {
        return new ScratchFolder(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return path;
    }

    /** Copies {@code file} into this folder under its own name; returns the copy. */
    public Path copyIn(Path file) throws IOException {
        return Files.copy(file, path.resolve(file.getFileName()));
    }

    /**
     * For an app JVM whose home is this folder: the kernel's class-data archive stays in this user's cache, where
     * every start finds it, instead of being made again in the folder for each run.
     */
    public static void keepUserCache(ProcessBuilder builder) {
        builder.environment().putIfAbsent("XDG_CACHE_HOME",
                Path.of(System.getProperty("user.home"), ".cache").toString());
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
