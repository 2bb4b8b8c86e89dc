package lessonbook.kernel.client.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import lessonbook.kernel.client.ClassDataCache;
import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelLauncher;

/**
 * A host run from a jar, as the packaged app runs (the class-data archive needs one): waits for the training
 * run, starts a kernel the standard way and prints "archive <made>", "kernel <pid>" and "mapped <whether the
 * kernel's memory maps the archive>" (Linux: /proc/pid/maps).
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
        }
        System.out.flush();
    }
}
