package lessonbook.kernel.client.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import lessonbook.kernel.client.ClassDataCache;
import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelLauncher;

/**
 * A host run from a jar, as the packaged app runs (the class-data archive needs one): waits for the training
 * run, starts a kernel the standard way and prints "archive <made>", "kernel <pid>", "mapped <whether the
 * kernel's memory maps the archive>" (Linux: /proc/pid/maps) and "worker mapped <whether a worker the kernel
 * started maps the workers' archive>".
 */
public final class PackagedHost {
    public static void main(String[] args) throws Exception {
        ClassDataCache cache = KernelLauncher.standard().classDataCache();
        System.out.println("archive " + cache.trainInBackground().get(150, TimeUnit.SECONDS));
        try (JvmKernel kernel = JvmKernel.start()) {
            kernel.execute("c1", "1").get(60, TimeUnit.SECONDS);
            System.out.println("kernel " + kernel.pid());
            String maps = Files.readString(Path.of("/proc", Long.toString(kernel.pid()), "maps"));
            System.out.println("mapped " + maps.contains(cache.archive().toString()));
            // a worker of that kernel: whether its JVM maps the workers' archive, made by the same training run
            Path said = Path.of("worker-maps.txt").toAbsolutePath();
            kernel.execute("c2", "import lessonbook.workers.*;\n"
                    + "var w = new Worker(() -> { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                    + said + "\"), java.nio.file.Files.readString(java.nio.file.Path.of(\"/proc/self/maps\"))); }"
                    + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } });\n"
                    + "w.start(); w.join();").get(60, TimeUnit.SECONDS);
            String workerMaps = Files.readString(said);
            System.out.println("worker mapped " + workerMaps.contains(cache.archive().getParent().resolve("worker-")
                    .toString()));
        }
        System.out.flush();
    }
}
