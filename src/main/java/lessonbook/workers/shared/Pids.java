package lessonbook.workers.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return Files.exists(stat) || !Files.isDirectory(Path.of("/proc"));
        }
    }
}
