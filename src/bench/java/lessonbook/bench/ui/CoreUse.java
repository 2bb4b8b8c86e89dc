package lessonbook.bench.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who used the cores between two snapshots: CPU time per thread of this JVM and of its child processes (the
 * kernel), read from Linux schedstat and summed by thread name. For the bench's account of a flood: a pulse
 * stall with little FX work in it is a core taken by someone, and this says by whom. Empty off Linux.
 */
final class CoreUse {
    private final Map<String, long[]> byThread;

    private CoreUse(Map<String, long[]> byThread) {
        this.byThread = byThread;
    }

    static CoreUse now() {
        Map<String, long[]> threads = new HashMap<>();
        read(ProcessHandle.current().pid(), "app", threads);
        ProcessHandle.current().descendants()
                .forEach(child -> read(child.pid(), "kernel/" + child.pid(), threads));
        return new CoreUse(threads);
    }

    /** The threads that used most CPU since {@code before}: name, cpu ms and ms spent waiting for a core. */
    String since(CoreUse before, int top) {
        List<Map.Entry<String, long[]>> used = byThread.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), minus(e.getValue(), before.byThread.get(e.getKey()))))
                .filter(e -> e.getValue()[0] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .collect(Collectors.toList());
        long total = used.stream().mapToLong(e -> e.getValue()[0]).sum();
        return String.format(Locale.ROOT, "cpu %.0f ms in all; ", total / 1e6) + used.stream().limit(top)
                .map(e -> String.format(Locale.ROOT, "%s %.0f/%.0f", e.getKey(), e.getValue()[0] / 1e6,
                        e.getValue()[1] / 1e6))
                .collect(Collectors.joining(", ")) + " (cpu/waiting ms)";
    }

    private static long[] minus(long[] now, long[] before) {
        return before == null ? now : new long[] {now[0] - before[0], now[1] - before[1]};
    }

    private static void read(long pid, String process, Map<String, long[]> into) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                try {
                    String name = process + ":" + Files.readString(task.resolve("comm")).trim()
                            .replaceAll("[0-9]+$", "#");
                    long[] used = Schedstat.read(task.resolve("schedstat"));
                    long[] sum = into.computeIfAbsent(name, k -> new long[2]);
                    sum[0] += used[0];
                    sum[1] += used[1];
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between listing and reading.
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process ended.
        }
    }
}
