package lessonbook.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

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
        System.err.println("lessonbook: export is not built yet");
        return 2;
    }
}
