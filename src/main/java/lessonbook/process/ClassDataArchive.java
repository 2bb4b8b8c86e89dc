package lessonbook.process;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A dynamic AppCDS archive of the classes one kind of child JVM loads as it starts (a kernel: javac and JShell; a
 * worker: its runtime and the JDK's serialization and lambda code), kept in the user's cache folder, one file per
 * kind ({@code role}) and build. The name holds a hash of the JDK and the class path (with sizes and dates of its
 * jars), so a changed JDK or build gets a new archive. It is made by a training JVM written to a temp file and moved
 * into place, under a file lock per kind so two hosts do not race. A stale, foreign or damaged archive only costs
 * speed: {@code -Xshare:auto} falls back to loading classes.
 *
 * <p>The folder is created for this user only: a JVM maps what the archive holds as its own classes, so no other
 * user may be able to put a file there.
 */
public final class ClassDataArchive {
    /** Archives kept per kind (a kernel's ~15 MB, a worker's ~4 MB): the builds used last, so rebuilds do not fill the disk. */
    static final int KEEP = 3;
    private final Path directory;
    private final String role;
    private volatile boolean marked;

    public ClassDataArchive(Path directory, String role) {
        if (!role.matches("[a-z]+")) {
            throw new IllegalArgumentException("role: " + role);
        }
        this.directory = directory;
        this.role = role;
    }

    /** {@code $XDG_CACHE_HOME/lessonbook/cds}, else {@code ~/.cache/lessonbook/cds}. */
    public static Path userCacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lessonbook").resolve("cds");
    }

    public Path directory() {
        return directory;
    }

    public Path archive() {
        return directory.resolve(role + "-" + key() + ".jsa");
    }

    /**
     * JVM options that map the archive, if it exists; else none. {@code -Xlog:disable}: a mismatch warning would
     * otherwise land on the child's stdout, which is a cell's output.
     */
    public List<String> options() {
        Path archive = archive();
        if (!Files.isRegularFile(archive)) {
            return List.of();
        }
        markUsed(archive);
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:disable");
    }

    /**
     * The JVM archives classes from jars only and refuses to dump with a non-empty directory on the class
     * path: true for the packaged app, false when running from {@code target/classes} (tests, IDE).
     */
    public static boolean usable() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            String[] children = file.isDirectory() ? file.list() : null;
            if (children != null && children.length > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A training run: starts a JVM with {@code archiveAtExit} among its options (they make it write the archive
     * as it exits), lets it load what its kind loads, and returns whether it exited normally.
     */
    @FunctionalInterface
    public interface Training {
        boolean run(List<String> archiveAtExit) throws IOException, InterruptedException;
    }

    /**
     * A training run that is a plain {@code java -cp <this class path> <archiveAtExit> <optionsAndMain>}, which must
     * exit 0 within {@code limit}.
     */
    public static Training javaMain(List<String> optionsAndMain, long limit, TimeUnit unit) {
        return archiveAtExit -> {
            List<String> command = new ArrayList<>();
            command.add(ChildProcess.javaExecutable());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.addAll(archiveAtExit);
            command.addAll(optionsAndMain);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(limit, unit)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        };
    }

    /**
     * Makes the archive unless it exists, under this kind's lock: {@code training} writes it to a temp file, which
     * then moves into place. Returns whether the archive exists afterwards. Blocks; call it from a helper or a
     * thread that may wait.
     */
    public boolean make(Training training) {
        Path archive = archive();
        try {
            ProcessFolders.createPrivate(directory);
            try (RandomAccessFile lockFile = new RandomAccessFile(lockFile().toFile(), "rw");
                 FileLock lock = lockFile.getChannel().lock()) {
                if (Files.isRegularFile(archive)) {
                    return true;
                }
                Path temp = directory.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                // -Xlog:disable: the dump's warnings (classes it skips) are no one's business
                boolean done = training.run(List.of("-XX:ArchiveClassesAtExit=" + temp, "-Xlog:disable"));
                if (done && Files.isRegularFile(temp) && Files.size(temp) > 0) {
                    Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(temp);
                prune();
                return Files.isRegularFile(archive);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** The kernel's lock keeps its first name, so that a host of an older build still takes the same one. */
    private Path lockFile() {
        return directory.resolve(role.equals("kernel") ? "training.lock" : "training-" + role + ".lock");
    }

    /** The file's date says when it was last used; {@link #prune()} keeps the newest. */
    private void markUsed(Path archive) {
        if (!marked) {
            marked = true;
            archive.toFile().setLastModified(System.currentTimeMillis());
        }
    }

    /**
     * Deletes all but the {@link #KEEP} most recently used archives of this kind (a JVM still mapping one keeps its
     * copy), and temp archives an hour old: a training JVM killed mid-dump leaves its temp file behind, and one an
     * hour old is nobody's any more (pruning runs under the training lock, and a training run takes seconds).
     */
    void prune() {
        String prefix = java.util.regex.Pattern.quote(role + "-");
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().matches(prefix + ".*\\.jsa"))
                    .sorted(Comparator.comparingLong((Path f) -> f.toFile().lastModified()).reversed())
                    .skip(KEEP)
                    .forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a full cache folder costs disk, not correctness
        }
        long anHourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().matches(prefix + ".*\\.jsa\\..*\\.tmp"))
                    .filter(f -> f.toFile().lastModified() < anHourAgo)
                    .forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // as above
        }
    }

    private static String key() {
        StringBuilder identity = new StringBuilder(System.getProperty("java.home")).append('|')
                .append(System.getProperty("java.vm.version")).append('|');
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            identity.append(entry).append(':').append(file.length()).append(':').append(file.lastModified()).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(identity.toString().hashCode());
        }
    }
}
