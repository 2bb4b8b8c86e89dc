package lessonbook.kernel.client;

import java.util.Map;

import lessonbook.process.OutOfMemoryExit;

/**
 * How a kernel JVM ended, in words for the cell that was running: a teacher reading "exit code 137" learns
 * nothing, "killed by SIGKILL, as the system's out-of-memory killer does" tells them where to look.
 *
 * @param exitCode         what the process reported; on Unix, 128 + n means it was ended by signal n
 * @param calledSystemExit the kernel said it was exiting in an orderly way (a cell called System.exit)
 * @param lastOutput       the end of what the JVM itself printed (a kernel out of memory outside cell code
 *                         prints {@link OutOfMemoryExit#LINE_START}, as {@code -XX:+ExitOnOutOfMemoryError}
 *                         would, and ends)
 * @param unixSignals      exit codes above 128 mean signals (not on Windows, where they are plain codes)
 */
record KernelExit(int exitCode, boolean calledSystemExit, String lastOutput, boolean unixSignals) {

    private static final Map<Integer, String> SIGNALS = Map.ofEntries(Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"),
            Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"),
            Map.entry(8, "SIGFPE"), Map.entry(9, "SIGKILL"), Map.entry(11, "SIGSEGV"), Map.entry(13, "SIGPIPE"),
            Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(24, "SIGXCPU"), Map.entry(25, "SIGXFSZ"));

    static KernelExit of(int exitCode, boolean calledSystemExit, String lastOutput) {
        return new KernelExit(exitCode, calledSystemExit, lastOutput,
                !System.getProperty("os.name", "").startsWith("Windows"));
    }

    /** One sentence without a final full stop (the caller adds what happens next). */
    String describe() {
        if (calledSystemExit) {
            return "The cell called System.exit(" + exitCode + ")";
        }
        String outOfMemory = outOfMemoryKind();
        if (outOfMemory != null) {
            return "The kernel ran out of memory (OutOfMemoryError: " + outOfMemory
                    + "): the cell's data did not fit in the kernel's heap";
        }
        String signal = signalName();
        if (signal == null) {
            return "The kernel ended unexpectedly (exit code " + exitCode + ")";
        }
        String how = "signal " + signal + ", exit code " + exitCode;
        switch (signal) {
            case "SIGKILL":
                return "The kernel was killed (" + how + "): the system's out-of-memory killer does this when the"
                        + " computer runs short of memory, and so does kill -9";
            case "SIGTERM":
                return "The kernel was asked to stop (" + how + "), by kill or by the system shutting down";
            case "SIGINT":
                return "The kernel was interrupted (" + how + "), as Ctrl+C in its terminal does";
            case "SIGHUP":
                return "The kernel was stopped because its terminal closed (" + how + ")";
            case "SIGABRT":
            case "SIGSEGV":
            case "SIGBUS":
            case "SIGILL":
            case "SIGFPE":
                return "The kernel's JVM crashed (" + how + "); it writes a crash report named hs_err_pid<pid>.log"
                        + " in the folder the app was started from";
            default:
                return "The kernel was ended by " + how;
        }
    }

    /** Short form for a kernel that never became ready: "exit code 7", or "signal SIGKILL, exit code 137". */
    String code() {
        String signal = signalName();
        return signal == null ? "exit code " + exitCode : "signal " + signal + ", exit code " + exitCode;
    }

    /** "SIGKILL" for exit code 137 on Unix; "33" for an unnamed one; null when no signal ended it. */
    private String signalName() {
        if (!unixSignals || exitCode <= 128 || exitCode > 128 + 64) {
            return null;
        }
        int signal = exitCode - 128;
        return SIGNALS.getOrDefault(signal, String.valueOf(signal));
    }

    /** "Java heap space", "Metaspace", ... when the JVM ended on an OutOfMemoryError, else null. */
    private String outOfMemoryKind() {
        return OutOfMemoryExit.kindIn(lastOutput);
    }
}
