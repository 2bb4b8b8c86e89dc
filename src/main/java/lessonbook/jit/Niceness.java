package lessonbook.jit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the priority of some of this JVM's threads, so that they get a core only when nothing else wants it.
 * Linux applies nice to a single thread (its task id) and lets any process raise its own threads' niceness
 * without rights, but not lower it again: a lowered thread stays lowered. Elsewhere nothing changes.
 */
public final class Niceness {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** The system's own renice where it is: what PATH holds does not decide which program this JVM runs. */
    private static final String RENICE = List.of("/usr/bin/renice", "/bin/renice").stream()
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse("renice");

    private Niceness() {
    }

    /**
     * This JVM's JIT compiler threads (C1 and C2) at {@code niceness}. Blocks for the {@code renice} (~10 ms).
     * Returns what happened, in words, for a trace: the threads keep their priority wherever this cannot be done.
     */
    public static String compilerThreads(int niceness) {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String name = Files.readString(task.resolve("comm")).trim();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    ids.add(task.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return "cannot list this JVM's threads: " + e;
        }
        return renice(niceness, ids);
    }

    /** The calling thread at {@code niceness}. */
    public static void currentThread(int niceness) {
        try {
            Path self = Path.of("/proc/thread-self");
            if (Files.exists(self)) {
                renice(niceness, List.of(Files.readSymbolicLink(self).getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            // the thread keeps its priority
        }
    }

    private static String renice(int niceness, List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return "no threads to renice";
        }
        List<String> command = new ArrayList<>(List.of(RENICE, "-n", String.valueOf(niceness), "-p"));
        command.addAll(taskIds);
        try {
            // its few lines of output go to a pipe the size of which they cannot fill; read after it ends
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return "renice did not end in 5 s: " + command;
            }
            byte[] said = renice.getInputStream().readNBytes(2_000);
            return command + " exited " + renice.exitValue() + ": "
                    + new String(said, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "no renice on this system: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
