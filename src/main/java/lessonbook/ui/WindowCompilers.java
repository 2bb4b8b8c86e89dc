package lessonbook.ui;

import java.util.List;
import java.util.function.Consumer;

import lessonbook.jit.CompilerDirectives;
import lessonbook.jit.Niceness;
import lessonbook.model.CellState;
import lessonbook.model.DocumentChange;
import lessonbook.model.NotebookDocument;

/**
 * Keeps the app JVM's JIT compilers out of the workers' way: while a lesson's workers hold every core, the window
 * compiling its own code for the first time competed with them (see the app bench's
 * {@code app.cpu_during_workers.jit}).
 * <ul>
 * <li>Once cells run, the compiler threads run at the lowest priority (nice 19), where the system lets a process do
 * that to its own threads (Linux: {@code renice} on their thread ids; raising one's own niceness needs no rights).</li>
 * <li>The window's code is compiled by C1 only: a compiler directive, added at run time through the JVM's
 * diagnostic command, excludes C2, and tiered compilation then compiles those methods at C1's optimising level.
 * The window needs little of C2's peak speed, and C2's compiles of big UI methods are what cost. Only the app JVM
 * is affected: the workers keep C2, and the kernel keeps it for the cells' code ({@code KernelCompilers}).</li>
 * </ul>
 * The window's own threads keep their priority, so it stays responsive. {@code -Dlessonbook.app.jitNiceness=0}
 * leaves the compilers' priority as it is; {@code -Dlessonbook.app.c2=true} keeps C2.
 */
public final class WindowCompilers {
    private static final int NICENESS = Integer.getInteger("lessonbook.app.jitNiceness", 19);
    private static final boolean KEEP_C2 = Boolean.getBoolean("lessonbook.app.c2");
    /** Every method: C2 may not compile it (tiered compilation then compiles it at C1's level 1). */
    private static final String C1_ONLY = CompilerDirectives.c2Excluded(List.of("*.*"));

    private WindowCompilers() {
    }

    /** Off the calling thread: C1 only from now on; does nothing where it cannot. Called as the app starts. */
    public static void c1OnlyInBackground() {
        if (!KEEP_C2) {
            inBackground(WindowCompilers::c1Only);
        }
    }

    /**
     * Off the calling thread: the compiler threads at nice 19; does nothing where it cannot. Called once cells run,
     * not at start-up: there the window's first frame waits for its own compiles, and niced compilers waited behind
     * the kernel JVM's start (the first-frame probe's FX thread took 3.2-3.6 s of CPU instead of 2.0 s, running
     * interpreted for longer).
     */
    public static void lowerPriorityInBackground() {
        if (NICENESS > 0) {
            inBackground(WindowCompilers::lower);
        }
    }

    /** Lowers the compilers' priority when a cell of {@code document} first runs. Called on the FX thread. */
    public static void stepBackOnceCellsRun(NotebookDocument document) {
        document.addListener(new Consumer<DocumentChange>() {
            @Override
            public void accept(DocumentChange change) {
                if (change instanceof DocumentChange.RuntimeChanged r && r.runtime().state() == CellState.RUNNING) {
                    // once is enough: off the list, so the document's later changes (every output) skip it
                    document.removeListener(this);
                    lowerPriorityInBackground();
                }
            }
        });
    }

    private static void inBackground(Runnable task) {
        Thread thread = new Thread(task, "lessonbook-jit-priority");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Adds the directive that keeps C2 from compiling this JVM's methods from now on. True if it took. */
    static boolean c1Only() {
        return CompilerDirectives.add(C1_ONLY);
    }

    static void lower() {
        Niceness.compilerThreads(NICENESS);
    }
}
