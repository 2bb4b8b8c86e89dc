package lessonbook.bench.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of every process on the machine (Linux /proc, clock ticks of 10 ms), so that a slow worker cell shows
 * who else had the cores meanwhile: the kernel, spares warming up, the app, the display server, the OS's own
 * threads. Processes are named by their main class when they are JVMs. Readable only where /proc is.
 */
final class MachineCpu {
    private static final long TICK_MS = 10;

    private MachineCpu() {
    }

    /** Pid to {name, ticks}; empty when there is no /proc. */
    static Map<Long, Object[]> read() {
        Map<Long, Object[]> byPid = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime + stime
                    byPid.put(Long.parseLong(proc.getFileName().toString()), new Object[] {name(proc, comm), ticks});
                } catch (IOException | RuntimeException gone) {
                    // ended between listing and reading
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no detail
        }
        return byPid;
    }

    /** "name pid ms, ..." for the processes that used {@code minMs} or more between two readings, most first. */
    static String usedSince(Map<Long, Object[]> before, Map<Long, Object[]> after, long minMs) {
        List<Object[]> used = new ArrayList<>();
        after.forEach((pid, now) -> {
            Object[] then = before.get(pid);
            long ms = ((Long) now[1] - (then == null ? 0L : (Long) then[1])) * TICK_MS;
            if (ms >= minMs) {
                used.add(new Object[] {now[0] + (then == null ? " (new)" : "") + " " + pid, ms});
            }
        });
        used.sort((a, b) -> Long.compare((Long) b[1], (Long) a[1]));
        StringBuilder out = new StringBuilder();
        for (Object[] u : used) {
            out.append(String.format(Locale.ROOT, "%s %d ms, ", u[0], (Long) u[1]));
        }
        return out.toString();
    }

    private static String name(Path proc, String comm) throws IOException {
        if (!comm.equals("java")) {
            return comm;
        }
        String[] args = Files.readString(proc.resolve("cmdline")).split("\0");
        for (int i = args.length - 1; i > 0; i--) {
            if (args[i].startsWith("lessonbook.")) {
                return "java:" + args[i].substring(args[i].lastIndexOf('.') + 1);
            }
            if (args[i].endsWith(".jar")) {
                return "java:" + Path.of(args[i]).getFileName();
            }
        }
        return "java";
    }
}
