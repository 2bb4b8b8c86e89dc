package lessonbook.format.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import lessonbook.format.LessonFormatException;
import lessonbook.format.html.HtmlExporter;
import lessonbook.model.Notebook;

/** {@code export FILE --to html|md|ipynb [--output OUT]}: one entry for the CLI and the File menu. */
public final class Exporter {
    private Exporter() {
    }

    /**
     * Reads {@code in} (a lesson or a notebook) and writes it as {@code to} ("html", "md" or "ipynb") to {@code out},
     * or, when {@code out} is null, next to {@code in} with the new extension. Returns the file written.
     */
    public static Path export(Path in, String to, Path out) throws IOException, LessonFormatException {
        String target = to == null ? "" : to.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        if (!target.equals("html") && !target.equals("md") && !target.equals("ipynb")) {
            throw new LessonFormatException(in, 0, "cannot export to '" + to + "': choose html, md or ipynb");
        }
        Notebook notebook = LessonFiles.read(in);
        Path destination = out != null ? out : withExtension(in, target);
        write(notebook, baseName(in), in.toAbsolutePath().getParent(), target, destination);
        return destination;
    }

    /**
     * Writes a notebook already in memory (the desktop app's current, possibly unsaved, document) as {@code to}
     * ("html", "md" or "ipynb") to {@code out}; {@code title} names an HTML page that has no heading of its own.
     */
    public static void export(Notebook notebook, String title, String to, Path out)
            throws IOException, LessonFormatException {
        export(notebook, title, null, to, out);
    }

    /** As above; {@code lessonFolder} (null when the lesson was never saved) resolves its relative images. */
    public static void export(Notebook notebook, String title, Path lessonFolder, String to, Path out)
            throws IOException, LessonFormatException {
        String target = to == null ? "" : to.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        if (!target.equals("html") && !target.equals("md") && !target.equals("ipynb")) {
            throw new LessonFormatException(out, 0, "cannot export to '" + to + "': choose html, md or ipynb");
        }
        write(notebook, title, lessonFolder, target, out);
    }

    private static void write(Notebook notebook, String title, Path lessonFolder, String target, Path destination)
            throws IOException {
        switch (target) {
            case "html" -> HtmlExporter.export(notebook, title, lessonFolder, destination);
            case "md" -> LessonFiles.write(destination, notebook, LessonFiles.Format.MARKDOWN);
            default -> LessonFiles.write(destination, notebook, LessonFiles.Format.IPYNB);
        }
    }

    private static Path withExtension(Path file, String extension) {
        return file.toAbsolutePath().resolveSibling(baseName(file) + "." + extension);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
