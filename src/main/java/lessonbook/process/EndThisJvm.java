package lessonbook.process;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The one way a child JVM ends at once when its host is gone: its whole process tree, then itself. */
public final class EndThisJvm {
    /** The exit code of a child that ended because its host was gone, where the self-kill was not possible. */
    public static final int EXIT_PARENT_GONE = 86;

    private EndThisJvm() {
    }

    /**
     * Ends every process this JVM started (collected first: once a parent dies its children are re-parented and
     * out of reach), then this JVM from outside ({@link #killSelf()}), then, if still here, {@code halt}. No
     * shutdown hook of user code runs. Never returns.
     * <p>
     * The JDK's own process-table scan, not {@link ProcessTrees#descendants}: it is native, and a worker runs
     * without the C1 compiler, so the /proc walk in Java ran interpreted; with the machine loaded it took a
     * worker 300-500 ms to end.
     */
    public static void parentGone() {
        List<ProcessHandle> all = ProcessHandle.current().descendants().collect(Collectors.toList());
        all.forEach(ProcessHandle::destroyForcibly);
        killSelf();
        Runtime.getRuntime().halt(EXIT_PARENT_GONE);
    }

    /**
     * Ends this JVM with SIGKILL (TerminateProcess on Windows). {@code halt} first waits for compiler threads
     * that are in native code (HotSpot's exit waits up to 10 s for them), and a kernel that has just compiled a
     * cell usually has C2 busy with javac's code: once, under load, the host-death test found a kernel still
     * alive 2 s after its host died. The JDK refuses {@code destroyForcibly} on the current process, hence the
     * command. It is waited for (a second at most): a halt started at once could itself be the one left
     * waiting for the compiler threads.
     */
    static void killSelf() {
        String pid = Long.toString(ProcessHandle.current().pid());
        List<String> command = System.getProperty("os.name", "").startsWith("Windows")
                ? List.of("taskkill", "/F", "/PID", pid) : List.of("kill", "-9", pid);
        try {
            new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor(1, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // no kill command here: the caller halts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
