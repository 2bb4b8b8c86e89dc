package lessonbook.workers.shared;

import lessonbook.process.ProcStat;

/** Whether a process is alive, as the waiters that must not wait for a dead process ask it. */
final class Pids {
    private static final long SELF = ProcessHandle.current().pid();

    private Pids() {
    }

    /**
     * True while the process exists and has not ended ({@link ProcStat#running}: a zombie has ended). A pid reused by
     * an unrelated process counts as alive: the waiter then waits as Python's would, it never reports a live process
     * dead. This process is alive without asking /proc.
     */
    static boolean alive(long pid) {
        return pid == SELF || ProcStat.running(pid);
    }
}
