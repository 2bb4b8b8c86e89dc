package lessonbook.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import lessonbook.format.FileErrors;
import lessonbook.format.LessonFormatException;
import lessonbook.format.files.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lessonbook export FILE --to html|md|ipynb}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Convert a lesson or notebook to a self-contained HTML page, a lesson .md or an .ipynb.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "html, md or ipynb")
    String to;

    @Option(names = "--output", paramLabel = "OUT", description = "Default: FILE with the new extension.")
    Path output;

    @Override
    public Integer call() {
        try {
            Path written = Exporter.export(file, to, output);
            System.out.println("Wrote " + written);
            return 0;
        } catch (LessonFormatException e) {
            System.err.println("lessonbook: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("lessonbook: cannot export " + file + (output == null ? "" : " to " + output) + ": "
                    + FileErrors.reason(e));
            return 2;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a reader's failure we did not foresee: still a message naming the file, not a trace
            System.err.println("lessonbook: cannot read " + file + ": " + FileErrors.reason(e, file));
            return 2;
        }
    }
}
