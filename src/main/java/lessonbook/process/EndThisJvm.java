package lessonbook.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The one way a child JVM ends at once when its host is gone: its whole process tree, then itself. */
public final class EndThisJvm {
    /** The exit code of a child that ended because its host was gone, where the self-kill was not possible. */
    public static final int EXIT_PARENT_GONE = 86;
    /**
     * Looked up as this class is initialized ({@link #prepare()}), not at the halt: the first use of a class named
     * in this one asks its class loader, in Java, and with the heap full that threw before anything halted.
     */
    private static final Runtime RUNTIME = Runtime.getRuntime();

    private EndThisJvm() {
    }

    /**
     * Ends every process this JVM started (collected first: once a parent dies its children are re-parented and
     * out of reach), then this JVM from outside ({@link #killSelf()}), then, if still here, {@code halt}. No
     * shutdown hook of user code runs. Never returns.
     * <p>
     * Written for a worker, whose code runs interpreted (no C1 compiler) and for the first time here: the tree is
     * walked level by level with {@link ProcessHandle#children()} (its scan of the process table filters by parent
     * in native code; {@code descendants()} builds the whole table's tree in Java, 80-780 ms in a cold worker on a
     * loaded machine), and without lambdas or method references, whose first call spins classes (tens of ms
     * interpreted). {@link #prepare()} does the class loading beforehand where there is time for it.
     */
    public static void parentGone() {
        now(EXIT_PARENT_GONE);
    }

    /**
     * As {@link #parentGone()}, for a JVM that must end for another reason (a kernel out of memory outside cell
     * code); {@code exitCode} where the self-kill was not possible. Never returns.
     */
    public static void now(int exitCode) {
        try {
            List<ProcessHandle> all = new ArrayList<>();
            collectDescendants(ProcessHandle.current(), all);
            for (ProcessHandle p : all) {
                p.destroyForcibly();
            }
            killSelf();
        } finally {
            // Whatever the above threw, this JVM ends. A kernel out of memory ran out again while ending (the list
            // of its children and the kill command need memory; JDK 25 at 64 MB): the error went up the thread,
            // nothing halted, and the kernel stayed alive with its cell waiting for good.
            RUNTIME.halt(exitCode);
        }
    }

    /**
     * Loads and initializes what {@link #parentGone()} and {@link #now} use (process handles, the launcher of the
     * kill command, the JVM's halt), so that a JVM whose host dies does not load it then, and one whose heap is
     * full can still end (the class loading would need the memory that is gone). At a JVM's start or in an idle
     * moment: a spare worker's warm-up, the kernel's start.
     */
    public static void prepare() {
        try {
            // halt's first call initializes this class, which allocates: with the heap full, halt itself threw
            Class.forName("java.lang.Shutdown", true, null);
            Class.forName("java.lang.ProcessImpl", true, null);
            Class.forName("java.lang.ProcessHandleImpl", true, null);
            new ProcessBuilder(List.of("true")).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } catch (ClassNotFoundException | LinkageError e) {
            // not on this JDK: they load when used, which needs memory then
        }
    }

    /** Children first, then theirs; bounded by the process table (and a depth no tree reaches). */
    private static void collectDescendants(ProcessHandle parent, List<ProcessHandle> into) {
        List<ProcessHandle> level = List.of(parent);
        for (int depth = 0; depth < 64 && !level.isEmpty(); depth++) {
            List<ProcessHandle> next = new ArrayList<>();
            for (ProcessHandle p : level) {
                for (Iterator<ProcessHandle> children = p.children().iterator(); children.hasNext(); ) {
                    next.add(children.next());
                }
            }
            into.addAll(next);
            level = next;
        }
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
