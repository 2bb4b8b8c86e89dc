package lessonbook.bench.flood;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import lessonbook.bench.BoundedChild;

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
        List<String> childArgs = new ArrayList<>();
        childArgs.add(report.toString());
        childArgs.addAll(args);
        BoundedChild.Tail tail = new BoundedChild.Tail(KEPT_STDERR_LINES);
        AtomicReference<String> oom = new AtomicReference<>();
        BoundedChild.Ended ended = BoundedChild.run(
                new ProcessBuilder(BoundedChild.javaCommand(jvmOptions, main, childArgs)), new BoundedChild.Discard(),
                new BoundedChild.Lines(line -> {
                    if (line.contains("OutOfMemoryError")) {
                        oom.compareAndSet(null, line.strip());
                    }
                    tail.accept(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                }), Duration.ofSeconds(timeoutSeconds));
        List<String> lines = Files.exists(report) ? Files.readAllLines(report, StandardCharsets.UTF_8) : List.of();
        return new Result(lines, Optional.ofNullable(oom.get()), tail.lines(), ended.timedOut(), ended.exitCode());
    }
}
