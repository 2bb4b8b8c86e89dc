package lessonbook.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import lessonbook.Main;
import lessonbook.bench.BoundedChild;

/**
 * Runs {@code lessonbook ...} as a user does: a separate JVM (through the bench's {@link BoundedChild}, so it
 * gets the test run's {@code lessonbook.*} settings and is ended with its tree if it hangs), with its exit code
 * and both streams.
 */
final class LessonbookCli {
    private static final Duration LIMIT = Duration.ofSeconds(180);

    record Run(int exitCode, String stdout, String stderr) {
    }

    private LessonbookCli() {
    }

    static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        return runWithHeap(workDir, null, args);
    }

    /** As {@link #run}, in a JVM whose heap is at most {@code xmx} (e.g. "256m"; null for the default). */
    static Run runWithHeap(Path workDir, String xmx, String... args) throws IOException, InterruptedException {
        return runWith(workDir, xmx == null ? List.of() : List.of("-Xmx" + xmx), null, false, args);
    }

    /**
     * As {@link #run}, with C1 only in the command's JVM and its kernel's: for runs of many short notebooks, where
     * C2 compiling javac took half of each run's CPU and the outputs do not depend on the compiler.
     */
    static Run runQuickly(Path workDir, String... args) throws IOException, InterruptedException {
        return runWith(workDir, List.of("-XX:TieredStopAtLevel=1", "-Dlessonbook.kernel.jvmOptions=-XX:TieredStopAtLevel=1"),
                null, false, args);
    }

    /** As {@link #run}, with these options for the command's JVM (e.g. "-Dlessonbook.jit.trace=true"). */
    static Run runWithOptions(Path workDir, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        return runWith(workDir, jvmOptions, null, false, args);
    }

    /** As {@link #run}, with {@code input}'s content as the command's stdin (null: an empty stdin). */
    static Run runWithStdin(Path workDir, Path input, String... args) throws IOException, InterruptedException {
        return runWith(workDir, List.of(), input, false, args);
    }

    /** As {@link #run}, in an environment with no display (no DISPLAY, no WAYLAND_DISPLAY), as on a server. */
    static Run runWithoutDisplay(Path workDir, String... args) throws IOException, InterruptedException {
        return runWith(workDir, List.of(), null, true, args);
    }

    private static Run runWith(Path workDir, List<String> jvmOptions, Path input, boolean noDisplay, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        File noInput = input != null ? input.toFile() : new File(File.separatorChar == '/' ? "/dev/null" : "NUL");
        ProcessBuilder builder = new ProcessBuilder(BoundedChild.javaCommand(jvmOptions, Main.class, List.of(args)))
                .redirectInput(ProcessBuilder.Redirect.from(noInput));
        if (noDisplay) {
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
        }
        BoundedChild.Ended ended = BoundedChild.run(builder, new BoundedChild.ToFile(out), new BoundedChild.ToFile(err),
                LIMIT);
        if (ended.timedOut()) {
            throw new AssertionError("lessonbook " + String.join(" ", args) + ": " + ended.describe()
                    + "; its stderr:\n" + Files.readString(err));
        }
        return new Run(ended.exitCode(), Files.readString(out), Files.readString(err));
    }
}
