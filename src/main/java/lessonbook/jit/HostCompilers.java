package lessonbook.jit;

import java.util.List;

/**
 * Keeps the JIT compilers of a JVM that hosts a kernel (the app's window, {@code run}) out of the workers' way:
 * while a lesson's workers hold every core, the host compiling its own code for the first time competes with them.
 * In the window that was the app bench's {@code app.cpu_during_workers.jit}; in {@code run}, C2 compiled the JDK's
 * class-spinning code ({@code objectweb.asm.Frame.execute}, 2.3 KB of bytecode) in the middle of the first worker
 * cell: 110-140 ms of CPU, its ten workers' run 0.63 s instead of 0.58 s.
 * <ul>
 * <li>The host's code is compiled by C1 only: a compiler directive, added at run time through the JVM's
 * diagnostic command, excludes C2, and tiered compilation then compiles those methods at C1's optimising level.
 * A host reads events, draws and writes files; it needs little of C2's peak speed, and C2's compiles of big methods
 * are what cost. Only the host JVM is affected: the workers keep C2, and the kernel keeps it for the cells' code
 * ({@code KernelCompilers}).</li>
 * <li>The compiler threads run at the lowest priority (nice 19), where the system lets a process do that to its own
 * threads (Linux: {@code renice} on their thread ids; raising one's own niceness needs no rights).</li>
 * </ul>
 * The host's own threads keep their priority, so the window stays responsive. {@code -Dlessonbook.app.jitNiceness=0}
 * leaves the compilers' priority as it is; {@code -Dlessonbook.app.c2=true} keeps C2; {@code -Dlessonbook.jit.trace=true}
 * prints on stderr what each step did (both steps fail silently by design: a host that cannot step back still runs).
 */
public final class HostCompilers {
    private static final int NICENESS = Integer.getInteger("lessonbook.app.jitNiceness", 19);
    private static final boolean KEEP_C2 = Boolean.getBoolean("lessonbook.app.c2");
    private static final boolean TRACE = Boolean.getBoolean("lessonbook.jit.trace");
    /** Every method: C2 may not compile it (tiered compilation then compiles it at C1's level 1). */
    private static final String C1_ONLY = CompilerDirectives.c2Excluded(List.of("*.*"));

    private HostCompilers() {
    }

    /** Off the calling thread: C1 only from now on; does nothing where it cannot. Called as the host starts. */
    public static void c1OnlyInBackground() {
        if (!KEEP_C2) {
            inBackground(HostCompilers::c1Only);
        }
    }

    /**
     * Off the calling thread: the compiler threads at nice 19; does nothing where it cannot. The window calls it once
     * cells run, not at start-up: there the first frame waits for its own compiles.
     */
    public static void lowerPriorityInBackground() {
        if (NICENESS > 0) {
            inBackground(HostCompilers::lower);
        }
    }

    /**
     * Off the calling thread, both steps at once, for a host with no first frame to wait for ({@code run}): the
     * compiler threads at nice 19 first (a few ms; the MBean server that C1 only needs took 1.7 s to start on a loaded
     * machine, and CI once saw no renice 10 s after start), then C1 only, each as
     * its switch allows and each whatever became of the other.
     */
    public static void stepBackInBackground() {
        inBackground(() -> {
            if (NICENESS > 0) {
                lower();
            }
            if (!KEEP_C2) {
                c1Only();
            }
        });
    }

    /** Adds the directive that keeps C2 from compiling this JVM's methods from now on. True if it took. */
    public static boolean c1Only() {
        boolean took = CompilerDirectives.add(C1_ONLY);
        trace("C1 only: " + (took ? "directive added" : "directive not taken"));
        return took;
    }

    /** This JVM's compiler threads at the configured niceness (19 unless told otherwise); blocks for the renice. */
    public static void lower() {
        String outcome = Niceness.compilerThreads(NICENESS);
        trace("compiler threads at nice " + NICENESS + ": " + outcome);
    }

    private static void trace(String line) {
        if (TRACE) {
            System.err.println("lessonbook: jit: " + line);
        }
    }

    private static void inBackground(Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                // neither step may end the host; the trace says why it did not step back
                trace("did not step back: " + e);
            }
        }, "lessonbook-jit-priority");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
