package lessonbook.bench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lessonbook.process.ProcStat;

/**
 * CPU time of every process on the machine ({@link ProcStat}, Linux), so that a slow worker cell shows who else had
 * the cores meanwhile: the kernel, spares warming up, the app, the display server, the OS's own threads. Processes
 * are named by their main class when they are JVMs. Empty where there is no /proc.
 */
final class MachineCpu {
    private MachineCpu() {
    }

    /** A process as read: its name for a person, and its CPU time so far. */
    record Seen(String name, long cpuMillis) {
    }

    /** Pid to what was seen of it now. */
    static Map<Long, Seen> read() {
        Map<Long, Seen> byPid = new HashMap<>();
        for (ProcStat process : ProcStat.all()) {
            byPid.put(process.pid(), new Seen(name(process), process.cpuMillis()));
        }
        return byPid;
    }

    /** "name pid ms, ..." for the processes that used {@code minMs} or more between two readings, most first. */
    static String usedSince(Map<Long, Seen> before, Map<Long, Seen> after, long minMs) {
        record Used(String who, long ms) {
        }
        List<Used> used = new ArrayList<>();
        after.forEach((pid, now) -> {
            Seen then = before.get(pid);
            long ms = now.cpuMillis() - (then == null ? 0 : then.cpuMillis());
            if (ms >= minMs) {
                used.add(new Used(now.name() + (then == null ? " (new)" : "") + " " + pid, ms));
            }
        });
        used.sort((a, b) -> Long.compare(b.ms(), a.ms()));
        StringBuilder out = new StringBuilder();
        for (Used u : used) {
            out.append(String.format(Locale.ROOT, "%s %d ms, ", u.who(), u.ms()));
        }
        return out.toString();
    }

    private static String name(ProcStat process) {
        if (!process.name().equals("java")) {
            return process.name();
        }
        try {
            String[] args = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).split("\0");
            for (int i = args.length - 1; i > 0; i--) {
                if (args[i].startsWith("lessonbook.")) {
                    return "java:" + args[i].substring(args[i].lastIndexOf('.') + 1);
                }
                if (args[i].endsWith(".jar")) {
                    return "java:" + Path.of(args[i]).getFileName();
                }
            }
        } catch (IOException e) {
            // ended meanwhile
        }
        return "java";
    }
}
