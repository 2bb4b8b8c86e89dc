package lessonbook.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code lessonbook ...} as a user does: a separate JVM, with its exit code and both streams. */
final class LessonbookCli {
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
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "lessonbook.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        File noInput = input != null ? input.toFile() : new File(File.separatorChar == '/' ? "/dev/null" : "NUL");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(noInput));
        if (noDisplay) {
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
        }
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("lessonbook " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
