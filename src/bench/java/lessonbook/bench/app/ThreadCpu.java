package lessonbook.bench.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** CPU time of this JVM's threads by native name (digits folded to #), from Linux /proc; empty elsewhere. */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Thread name to cpu ns (utime + stime from schedstat's first field). */
    static Map<String, Long> read() {
        Map<String, Long> byName = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+$", "#");
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
