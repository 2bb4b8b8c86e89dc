package lessonbook.bench.flood;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A probe main run in a child JVM with its own heap, and what it left behind: the {@code key value} lines of its
 * report file, the start of its first OutOfMemoryError on stderr, the last lines of stderr. The child and what it
 * started (its kernel) are ended if they outlive their time, so a frozen child is a result, not a hung bench.
 */
final class ChildProbe {
    private static final int KEPT_STDERR_LINES = 30;

    record Result(List<String> report, Optional<String> outOfMemory, List<String> stderrTail, boolean timedOut,
                  int exitCode) {
        Optional<String> value(String key) {
            String prefix = key + " ";
            Optional<String> last = Optional.empty();
            for (String line : report) {
                if (line.startsWith(prefix)) {
                    last = Optional.of(line.substring(prefix.length()));
                }
            }
            return last;
        }

        List<String> errors() {
            return report.stream().filter(l -> l.startsWith("error ")).map(l -> l.substring(6)).toList();
        }

        /** The first out-of-memory error the child met, from its report or its stderr. */
        Optional<String> firstOutOfMemory() {
            return errors().stream().filter(e -> e.contains("OutOfMemoryError")).findFirst().or(() -> outOfMemory);
        }

        boolean ended() {
            return report.contains("end");
        }
    }

    private ChildProbe() {
    }

    static Result run(List<String> jvmOptions, Class<?> main, List<String> args, Path report, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The app's own settings (kernel niceness, worker heap...) apply in the child as in the app.
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("lessonbook.") && !k.startsWith("lessonbook.bench."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.add(report.toString());
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Deque<String> tail = new ArrayDeque<>();
        String[] oom = new String[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    synchronized (tail) {
                        if (oom[0] == null && line.contains("OutOfMemoryError")) {
                            oom[0] = line.strip();
                        }
                        tail.addLast(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                        if (tail.size() > KEPT_STDERR_LINES) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException ended) {
                // The child is gone.
            }
        }, "child stderr");
        reader.setDaemon(true);
        reader.start();
        boolean timedOut = !child.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (timedOut) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        List<String> lines = Files.exists(report) ? Files.readAllLines(report, StandardCharsets.UTF_8) : List.of();
        synchronized (tail) {
            return new Result(lines, Optional.ofNullable(oom[0]), List.copyOf(tail), timedOut,
                    timedOut ? -1 : child.exitValue());
        }
    }
}
