package lessonbook.workers;

import lessonbook.workers.runtime.WorkerRuntime;

/**
 * What Python's {@code multiprocessing.current_process()} tells, for Java: the JDK already gives the pid
 * ({@code ProcessHandle.current().pid()}) and the cpu count ({@code Runtime.getRuntime().availableProcessors()});
 * this class adds the process's name ("MainProcess" in the kernel, the worker's name inside a worker) and
 * whether it is a daemon worker, plus thin conveniences.
 */
public final class CurrentProcess {
    private CurrentProcess() {
    }

    public static String name() {
        return WorkerRuntime.host().processName();
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** The parent's pid, or -1 when the OS does not tell (the parent is gone). */
    public static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    public static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static boolean isDaemon() {
        return WorkerRuntime.host().isDaemonProcess();
    }
}
