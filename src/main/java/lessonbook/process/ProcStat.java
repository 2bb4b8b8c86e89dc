package lessonbook.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process's line in Linux's {@code /proc/<pid>/stat}: its name, state, parent and CPU time. One reader for the
 * process trees (parents), the workers' CPU sampler, the shared objects' waiters (a zombie is no longer alive) and
 * the bench's view of the machine. The name comes first, in parentheses, and may itself hold spaces and
 * parentheses, so the fields are read after its last {@code ')'}.
 * Where there is no {@code /proc} (not Linux) nothing is found, and callers ask the JDK instead.
 */
public record ProcStat(long pid, String name, char state, long parentPid, long cpuMillis) {
    private static final Path PROC = Path.of("/proc");
    /** /proc counts CPU time in clock ticks: 100 a second on Linux (USER_HZ), whatever the kernel's own tick. */
    private static final long MILLIS_PER_TICK = 10;

    /** Process {@code pid}'s, or empty when it has ended (or there is no /proc). */
    public static Optional<ProcStat> of(long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True while process {@code pid} exists and has not ended. A zombie (ended, its exit status not collected yet:
     * an orphan's waits for its adopter, which in some VMs' init comes about once a second; ProcessHandle calls it
     * alive) counts as ended, read from /proc where there is one. A pid reused by an unrelated process counts as
     * running: nothing that runs is ever reported ended.
     */
    public static boolean running(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<ProcStat> stat = of(pid);
        if (stat.isPresent()) {
            return stat.get().state() != 'Z';
        }
        // unreadable but there (running), or no /proc to ask (ProcessHandle's answer stands)
        return Files.exists(PROC.resolve(Long.toString(pid)).resolve("stat")) || !Files.isDirectory(PROC);
    }

    /** Every process's, in one pass over /proc; those that end meanwhile are left out. Empty without /proc. */
    public static List<ProcStat> all() {
        List<ProcStat> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC,
                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                try {
                    found.add(parse(Long.parseLong(process.getFileName().toString()),
                            Files.readString(process.resolve("stat"))));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            // no process table to read
        }
        return found;
    }

    /** {@code line}: the whole stat file, e.g. {@code 42 (a name) S 1 ...}. Throws on a line that is not one. */
    static ProcStat parse(long pid, String line) {
        int close = line.lastIndexOf(')');
        String name = line.substring(line.indexOf('(') + 1, close);
        // after the name: state (0), parent (1), ..., user time (11), system time (12)
        String[] fields = line.substring(close + 2).split(" ", 14);
        return new ProcStat(pid, name, fields[0].charAt(0), Long.parseLong(fields[1]),
                (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK);
    }
}
