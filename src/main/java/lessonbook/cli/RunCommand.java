package lessonbook.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import lessonbook.cli.headless.HeadlessRun;
import lessonbook.format.FileErrors;
import lessonbook.format.LessonFormatException;
import lessonbook.format.files.LessonFiles;
import lessonbook.jit.HostCompilers;
import lessonbook.kernel.client.JvmKernel;

import lessonbook.model.Notebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lessonbook run FILE}: runs every code cell in order, like {@code jupyter nbconvert --execute}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every code cell of a lesson in order and print each cell's output under [n].",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every cell ran (with --allow-errors: every cell ran, failing ones included, none timed out)",
                "1:a cell failed (compile error, exception, timeout, System.exit); the run stopped there",
                "2:the file could not be read or written, or bad arguments"})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A lesson (.md) or Jupyter notebook (.ipynb).")
    Path file;

    @Option(names = "--output", paramLabel = "OUT", description = "Write the lesson with the new outputs to OUT.")
    Path output;

    Double cellTimeoutSeconds;

    @Spec
    CommandSpec spec;

    @Option(names = "--cell-timeout", paramLabel = "SECONDS",
            description = "Interrupt a cell that runs longer and count it as failed (more than 0).")
    void cellTimeout(double seconds) {
        // Duration.ofMillis below must not overflow, and -1 or NaN is a typo rather than "no limit"
        if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "--cell-timeout must be a number of seconds above 0 "
                    + "and at most " + (long) MAX_TIMEOUT_SECONDS + ", not '" + seconds + "'");
        }
        cellTimeoutSeconds = seconds;
    }

    /** A year: longer than any lesson cell, far short of the milliseconds a long holds. */
    private static final double MAX_TIMEOUT_SECONDS = 365.0 * 24 * 3600;

    @Option(names = "--stdin", paramLabel = "FILE",
            description = "What cells read from System.in, line by line (default: this command's own stdin)."
                    + " At its end a cell reads end of input.")
    Path stdinFile;

    @Option(names = "--allow-errors", description = "Keep going after a failing cell, and exit 0 when the run "
            + "went through, as jupyter nbconvert --execute --allow-errors does; the failures are in the outputs.")
    boolean allowErrors;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Notebook notebook;
        try {
            notebook = LessonFiles.read(file);
        } catch (LessonFormatException e) {
            System.err.println("lessonbook: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // the latter three: a reader's failure we did not foresee, still a message naming the file
            System.err.println("lessonbook: cannot read " + file + ": " + FileErrors.reason(e, file));
            return 2;
        }
        if (notebook.readOnlyReason().isPresent()) {
            System.err.println("lessonbook: " + file + ": " + notebook.readOnlyReason().get()
                    + " Its cells were not run.");
            return 2;
        }
        if (notebook.codeCells().isEmpty()) {
            // not an error (a reading page runs as it is), but a silent run of nothing looks like a broken file
            System.err.println("lessonbook: " + file + " has no code cells; nothing to run.");
        }
        Duration timeout = cellTimeoutSeconds == null ? null : Duration.ofMillis((long) (cellTimeoutSeconds * 1000));
        java.io.InputStream stdin = System.in;
        if (stdinFile != null) {
            try {
                stdin = java.nio.file.Files.newInputStream(stdinFile);
            } catch (IOException | RuntimeException e) {
                System.err.println("lessonbook: cannot read " + stdinFile + ": " + FileErrors.reason(e, stdinFile));
                return 2;
            }
        }
        // as the app's window does: this JVM's compiles must not take the cores from the lesson's workers
        HostCompilers.stepBackInBackground();
        HeadlessRun.Result result;
        try (var kernel = JvmKernel.start()) {
            result = new HeadlessRun(kernel, out, timeout, allowErrors, stdin).run(notebook, file);
        } finally {
            if (stdinFile != null) {
                try {
                    stdin.close();
                } catch (IOException e) {
                    // only read from
                }
            }
        }
        if (output != null) {
            try {
                LessonFiles.write(output, result.notebook());
            } catch (IOException | RuntimeException e) {
                System.err.println("lessonbook: cannot write " + output + ": " + FileErrors.reason(e, output));
                return 2;
            }
        }
        if (result.failedCells() > 0) {
            System.err.println("lessonbook: " + result.failedCells() + " cell(s) failed"
                    + (allowErrors ? "; kept going (--allow-errors)"
                            : "; stopped at the first one (use --allow-errors to run them all)"));
            // nbconvert --allow-errors: a cell's error is part of the notebook, not a failure of the run; a cell
            // that timed out still fails it (nbclient raises CellTimeoutError whatever allow_errors says)
            return allowErrors && result.timedOutCells() == 0 ? 0 : 1;
        }
        return 0;
    }
}
