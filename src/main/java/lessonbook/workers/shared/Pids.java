package lessonbook.workers.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import lessonbook.process.ProcStat;

/** Whether a process is alive, as the waiters that must not wait for a dead process ask it. */
final class Pids {
    private static final long SELF = ProcessHandle.current().pid();

    private Pids() {
    }

    /**
     * True while the process exists and has not ended. A zombie (ended, not yet reaped: ProcessHandle calls it
     * alive) counts as ended, read from {@code /proc} where there is one. A pid reused by an unrelated process
     * counts as alive: the waiter then waits as Python's would, it never reports a live process dead.
     */
    static boolean alive(long pid) {
        if (pid == SELF) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<ProcStat> stat = ProcStat.of(pid);
        if (stat.isPresent()) {
            return stat.get().state() != 'Z';
        }
        // unreadable but there (alive), or no /proc to ask (ProcessHandle's answer stands)
        return Files.exists(Path.of("/proc", Long.toString(pid), "stat")) || !Files.isDirectory(Path.of("/proc"));
    }
}
