package lessonbook.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.management.JMException;
import javax.management.ObjectName;

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
 * is affected: the kernel and the workers keep C2.</li>
 * </ul>
 * The window's own threads keep their priority, so it stays responsive. {@code -Dlessonbook.app.jitNiceness=0}
 * leaves the compilers' priority as it is; {@code -Dlessonbook.app.c2=true} keeps C2.
 */
public final class WindowCompilers {
    private static final int NICENESS = Integer.getInteger("lessonbook.app.jitNiceness", 19);
    private static final boolean KEEP_C2 = Boolean.getBoolean("lessonbook.app.c2");
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Every method: C2 may not compile it (tiered compilation then compiles it at C1's level 1). */
    private static final String C1_ONLY = "[{ match: \"*.*\", c2: { Exclude: true } }]";

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
        if (NICENESS > 0 && Files.isDirectory(TASKS)) {
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
        Path file = null;
        try {
            file = Files.createTempFile("lessonbook-c1-only", ".json");
            Files.writeString(file, C1_ONLY);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(answer).contains("added");
        } catch (IOException | JMException | RuntimeException e) {
            return false;   // a JVM without the command (or without java.management) keeps C2, as before
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temp file of a few bytes; the system's temp cleaning removes it
                }
            }
        }
    }

    static void lower() {
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(NICENESS), "-p"));
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String name = Files.readString(task.resolve("comm")).trim();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    command.add(task.getFileName().toString());
                }
            }
        } catch (IOException e) {
            return;
        }
        if (command.size() == 4) {
            return;
        }
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
            }
        } catch (IOException e) {
            // No renice here: the compilers keep their priority, as before.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
