package lessonbook.kernel.client;

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
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A dynamic AppCDS archive of the kernel JVM's classes (javac and JShell are most of its start-up), kept in
 * a user cache folder. The archive's name is a hash of the JDK and the class path (with sizes and dates of
 * its jars), so a changed JDK or build gets a new archive; a missing one is made by a training run in the
 * background, written to a temp file and moved into place, under a file lock so two hosts do not race.
 * A stale, foreign or damaged archive only costs speed: {@code -Xshare:auto} falls back to loading classes.
 */
public final class ClassDataCache {
    private final Path directory;
    /** Archives kept (each ~15 MB): the ones of the builds used last, so rebuilds do not fill the disk. */
    static final int KEEP = 3;
    private volatile CompletableFuture<Boolean> training;
    private volatile boolean marked;

    public ClassDataCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $XDG_CACHE_HOME/lessonbook/cds}, else {@code ~/.cache/lessonbook/cds}. */
    public static ClassDataCache inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ClassDataCache(base.resolve("lessonbook").resolve("cds"));
    }

    public Path archive() {
        return directory.resolve("kernel-" + key() + ".jsa");
    }

    /** JVM options for a kernel launch now: the archive if it exists (and a training run if not). */
    List<String> kernelOptions() {
        if (!usable()) {
            return List.of();
        }
        Path archive = archive();
        if (Files.isRegularFile(archive)) {
            markUsed(archive);
            // -Xlog:disable: a mismatch warning would otherwise land in the user's cell output.
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:disable");
        }
        trainInBackground();
        return List.of();
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

    /** Starts the training run once per host JVM; completes with whether an archive exists afterwards. */
    public synchronized CompletableFuture<Boolean> trainInBackground() {
        if (training == null) {
            training = usable() ? CompletableFuture.supplyAsync(this::train) : CompletableFuture.completedFuture(false);
        }
        return training;
    }

    /**
     * Runs the training in a small helper JVM ({@link #main}) that outlives this one: a short-lived host (a
     * headless run) may end before the archive is written, and the archive must still be moved into place.
     */
    private boolean train() {
        if (Files.isRegularFile(archive())) {
            return true;
        }
        try {
            Process helper = new ProcessBuilder(javaCommand("-XX:+UseSerialGC", ClassDataCache.class.getName(),
                    directory.toString())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            helper.waitFor(150, TimeUnit.SECONDS);
            return Files.isRegularFile(archive());
        } catch (IOException | InterruptedException | RuntimeException e) {
            return false;
        }
    }

    /** The training helper: {@code ClassDataCache <cache folder>}. */
    public static void main(String[] args) {
        System.exit(new ClassDataCache(Path.of(args[0])).trainHere() ? 0 : 1);
    }

    /** Under a file lock (several hosts may start at once): a training JVM, then an atomic move into place. */
    boolean trainHere() {
        Path archive = archive();
        try {
            Files.createDirectories(directory);
            try (RandomAccessFile lockFile = new RandomAccessFile(directory.resolve("training.lock").toFile(), "rw");
                 FileLock lock = lockFile.getChannel().lock()) {
                if (Files.isRegularFile(archive)) {
                    return true;
                }
                Path temp = directory.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                List<String> options = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + temp, "-Xlog:disable"));
                options.addAll(KernelLauncher.DEFAULT_JVM_OPTIONS);
                options.add("lessonbook.kernel.jvm.KernelTraining");
                Process process = new ProcessBuilder(javaCommand(options.toArray(new String[0])))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                boolean done = process.waitFor(120, TimeUnit.SECONDS);
                if (!done) {
                    process.destroyForcibly();
                }
                if (done && process.exitValue() == 0 && Files.size(temp) > 0) {
                    Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(temp);
                prune();
                return Files.isRegularFile(archive);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> javaCommand(String... optionsAndMain) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(optionsAndMain));
        return command;
    }

    /** The file's date says when it was last used; {@link #prune()} keeps the newest. */
    private void markUsed(Path archive) {
        if (!marked) {
            marked = true;
            archive.toFile().setLastModified(System.currentTimeMillis());
        }
    }

    /** Deletes all but the {@link #KEEP} most recently used archives (a kernel still mapping one keeps its copy). */
    void prune() {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().matches("kernel-.*\\.jsa"))
                    .sorted(java.util.Comparator.comparingLong((Path f) -> f.toFile().lastModified()).reversed())
                    .skip(KEEP)
                    .forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a full cache folder costs disk, not correctness
        }
        // A training JVM killed mid-dump leaves its temp archive behind; one an hour old is nobody's any more
        // (prune runs under the training lock, and a training run takes seconds).
        long anHourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().matches("kernel-.*\\.jsa\\..*\\.tmp"))
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
