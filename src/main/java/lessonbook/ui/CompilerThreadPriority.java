package lessonbook.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts the app JVM's JIT compiler threads at the lowest CPU priority (nice 19), where the system lets a process
 * do that to its own threads (Linux: {@code renice} on their thread ids; raising one's own niceness needs no
 * rights). Measured under Xvfb: while a lesson's ten workers ran, the app's C1 and C2 compilers took 10-16 % of a
 * core, compiling the window's code for the first time, at a higher priority than the workers (the kernel and its
 * workers run at nice 10). The window's own threads keep their priority, so it stays responsive; its code is only
 * compiled a little later. {@code -Dlessonbook.app.jitNiceness=0} leaves the compilers as they are.
 */
public final class CompilerThreadPriority {
    private static final int NICENESS = Integer.getInteger("lessonbook.app.jitNiceness", 19);
    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerThreadPriority() {
    }

    /** Off the calling thread: looks the compiler threads up and renices them; does nothing where it cannot. */
    public static void lowerInBackground() {
        if (NICENESS <= 0 || !Files.isDirectory(TASKS)) {
            return;
        }
        Thread thread = new Thread(CompilerThreadPriority::lower, "lessonbook-jit-priority");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
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
