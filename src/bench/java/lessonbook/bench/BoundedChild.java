package lessonbook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one way a suite runs a child process (a probe JVM, the app, Python's peer), and the way the tests run the
 * {@code lessonbook} command as a user does: bounded in time and in what it keeps. A child that hangs, even with
 * its output still open, is ended with its whole tree when its time is up, and the suite says so instead of hanging
 * the bench; a line is cut at {@link #MAX_LINE_CHARS}, so a child that prints one endless line costs the bench no
 * more memory than one that prints short ones.
 * <p>
 * Threads: each stream given to {@link Lines} is read on a thread of its own, which calls the consumer once per
 * line, in order; the consumers of the two streams may run at the same time.
 */
public final class BoundedChild {
    /** The longest line a consumer is given; the rest of a longer line is dropped and {@link #CUT} marks where. */
    public static final int MAX_LINE_CHARS = 4_000;
    public static final String CUT = " [...line cut]";
    /** How long the readers may go on after the child ended: its descendants may hold the stream open. */
    private static final long READER_GRACE_MS = 10_000;

    /** What becomes of one of the child's output streams. */
    public sealed interface Sink permits Inherit, Discard, Lines, ToFile {
    }

    /** To this JVM's own stream, as the child wrote it (a probe's reasons, for the user to read). */
    public record Inherit() implements Sink {
    }

    /** Nowhere. */
    public record Discard() implements Sink {
    }

    /** Each line, without its line end and at most {@link #MAX_LINE_CHARS} long, to {@code consumer}. */
    public record Lines(Consumer<String> consumer) implements Sink {
    }

    /** Into {@code file}, replacing what it held: all of it, for a caller that bounds the child by its own means. */
    public record ToFile(Path file) implements Sink {
    }

    /** Keeps the last {@code max} lines it is given: a stream's tail, for a figure or for a reason. Thread-safe. */
    public static final class Tail implements Consumer<String> {
        private final int max;
        private final ArrayDeque<String> lines = new ArrayDeque<>();

        public Tail(int max) {
            this.max = max;
        }

        @Override
        public synchronized void accept(String line) {
            lines.addLast(line);
            if (lines.size() > max) {
                lines.removeFirst();
            }
        }

        public synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        /** The lines kept, each ended by \n. */
        public synchronized String text() {
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l).append('\n'));
            return text.toString();
        }
    }

    /** How the child ended: its exit code, or -1 when its time ran out and it (with its tree) was ended. */
    public record Ended(int exitCode, boolean timedOut, Duration limit) {
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** For a message: "exit code 3", or "still running after 600 s, ended". */
        public String describe() {
            return timedOut ? "still running after " + limit.toSeconds() + " s, ended" : "exit code " + exitCode;
        }
    }

    private BoundedChild() {
    }

    /**
     * {@code java [the app's settings] [jvmOptions] -cp <this class path> main [args]}, with this JVM's own java.
     * The app's settings given to the bench ({@code -Dlessonbook.kernel.jvmOptions=...}, the workers' heap...; every
     * {@code lessonbook.*} property but the bench's own) apply in the child as they would in the app.
     */
    public static List<String> javaCommand(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("lessonbook.") && !k.startsWith("lessonbook.bench."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /**
     * Starts {@code builder}'s command (its redirects are set here from {@code out} and {@code err}) and waits for
     * it, at most {@code limit}; past it the child and its descendants are ended forcibly.
     */
    public static Ended run(ProcessBuilder builder, Sink out, Sink err, Duration limit)
            throws IOException, InterruptedException {
        builder.redirectOutput(redirect(out)).redirectError(redirect(err));
        Process child = builder.start();
        List<Thread> readers = new ArrayList<>();
        try {
            if (out instanceof Lines lines) {
                readers.add(reader(child.getInputStream(), lines.consumer(), "child stdout"));
            }
            if (err instanceof Lines lines) {
                readers.add(reader(child.getErrorStream(), lines.consumer(), "child stderr"));
            }
            boolean ended = child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                endTree(child);
            }
            long deadline = System.currentTimeMillis() + READER_GRACE_MS;
            for (Thread reader : readers) {
                reader.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
            return new Ended(ended ? child.exitValue() : -1, !ended, limit);
        } finally {
            if (child.isAlive()) {   // interrupted while waiting: the child must not outlive the suite
                endTree(child);
            }
        }
    }

    private static void endTree(Process child) throws InterruptedException {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
    }

    private static ProcessBuilder.Redirect redirect(Sink sink) {
        if (sink instanceof Inherit) {
            return ProcessBuilder.Redirect.INHERIT;
        }
        if (sink instanceof ToFile toFile) {
            return ProcessBuilder.Redirect.to(toFile.file().toFile());
        }
        return sink instanceof Discard ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE;
    }

    private static Thread reader(InputStream stream, Consumer<String> consumer, String name) {
        Thread thread = new Thread(() -> {
            try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                readLines(in, consumer);
            } catch (IOException ended) {
                // the child, or this side of the pipe, is gone
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Each line of {@code in} (ended by \n, a \r before it dropped) to {@code consumer}, cut at
     * {@link #MAX_LINE_CHARS}; a last line without an end too.
     */
    static void readLines(Reader in, Consumer<String> consumer) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    emit(line, cut, consumer);
                    line.setLength(0);
                    cut = false;
                } else if (line.length() < MAX_LINE_CHARS) {
                    line.append(c);
                } else {
                    cut = true;
                }
            }
        }
        if (line.length() > 0 || cut) {
            emit(line, cut, consumer);
        }
    }

    private static void emit(StringBuilder line, boolean cut, Consumer<String> consumer) {
        int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
        String text = line.substring(0, end);
        consumer.accept(cut ? text + CUT : text);
    }
}
