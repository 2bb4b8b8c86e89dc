package lessonbook.bench.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

/**
 * CPU time of this JVM's threads by name (digits folded to #): Java threads by their full name (the JVM's own
 * figures), the JVM's native threads (compilers, GC) by their name in Linux /proc, whose names are cut to 15
 * characters ("lessonbook-kern" would be four threads of the kernel client in one).
 */
public final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Thread name to cpu ns (utime + stime from schedstat's first field). */
    public static Map<String, Long> read() {
        Map<String, Long> byName = new HashMap<>();
        Set<String> javaComms = new HashSet<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long ns = mx.getThreadCpuTime(thread.getId());
            if (ns > 0) {
                byName.merge(thread.getName().replaceAll("[0-9]+$", "#"), ns, Long::sum);
            }
            String name = thread.getName();
            javaComms.add((name.length() > 15 ? name.substring(0, 15) : name).replaceAll("[0-9]+$", "#"));
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+$", "#");
                    if (javaComms.contains(name)) {
                        continue;   // counted above under its full name
                    }
                    long ns = Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
                    byName.merge(name, ns, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between listing and reading.
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // No per-thread detail.
        }
        return byName;
    }

    /** Adds what each thread used between two readings into {@code into}. */
    static void addSince(Map<String, Long> before, Map<String, Long> after, Map<String, Long> into) {
        after.forEach((name, ns) -> {
            long used = ns - before.getOrDefault(name, 0L);
            if (used > 0) {
                into.merge(name, used, Long::sum);
            }
        });
    }
}
