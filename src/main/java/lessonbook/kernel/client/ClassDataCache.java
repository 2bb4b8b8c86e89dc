package lessonbook.kernel.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import lessonbook.process.ChildProcess;
import lessonbook.process.ClassDataArchive;

/**
 * The kernel's class-data archive ({@link ClassDataArchive}, kind "kernel": javac and JShell are most of its
 * start-up). A missing one is made by a training run in the background ({@link #trainInBackground}); that run's
 * kernel makes the workers' archive too (lessonbook.kernel.jvm.KernelTraining).
 */
public final class ClassDataCache {
    private final ClassDataArchive archive;
    private volatile CompletableFuture<Boolean> training;

    public ClassDataCache(Path directory) {
        this.archive = new ClassDataArchive(directory, "kernel");
    }

    /** {@link ClassDataArchive#userCacheFolder()}. */
    public static ClassDataCache inUserCache() {
        return new ClassDataCache(ClassDataArchive.userCacheFolder());
    }

    public Path archive() {
        return archive.archive();
    }

    /** JVM options for a kernel launch now: the archive if it exists (and a training run if not). */
    List<String> kernelOptions() {
        if (!ClassDataArchive.usable()) {
            return List.of();
        }
        List<String> options = archive.options();
        if (options.isEmpty()) {
            trainInBackground();
        }
        return options;
    }

    /** Starts the training run once per host JVM; completes with whether an archive exists afterwards. */
    public synchronized CompletableFuture<Boolean> trainInBackground() {
        if (training == null) {
            training = ClassDataArchive.usable() ? CompletableFuture.supplyAsync(this::train)
                    : CompletableFuture.completedFuture(false);
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
            Process helper = new ProcessBuilder(ChildProcess.javaExecutable(),
                    "-cp", System.getProperty("java.class.path"), "-XX:+UseSerialGC", ClassDataCache.class.getName(),
                    archive.directory().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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

    /** A training kernel ({@code KernelTraining}) with the kernel's own options, archived at its exit. */
    boolean trainHere() {
        List<String> optionsAndMain = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        optionsAndMain.add("lessonbook.kernel.jvm.KernelTraining");
        optionsAndMain.add(archive.directory().toString());   // where it makes the workers' archive too
        return archive.make(ClassDataArchive.javaMain(optionsAndMain, 120, TimeUnit.SECONDS));
    }
}
