package lessonbook.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import lessonbook.format.ipynb.IpynbReader;
import lessonbook.format.ipynb.IpynbWriter;
import lessonbook.format.md.LessonMarkdownReader;
import lessonbook.format.md.LessonMarkdownWriter;
import lessonbook.model.Notebook;

/** Reads and writes notebooks by file type: lesson Markdown ({@code .md}) and Jupyter ({@code .ipynb}). */
public final class LessonFiles {
    private LessonFiles() {
    }

    /** The formats Lessonbook reads and writes, chosen by a file's extension. */
    public enum Format {
        MARKDOWN, IPYNB;

        public static Format of(Path file) throws LessonFormatException {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".md") || name.endsWith(".markdown")) {
                return MARKDOWN;
            }
            if (name.endsWith(".ipynb")) {
                return IPYNB;
            }
            throw new LessonFormatException(file, 0,
                    "unknown file type: Lessonbook opens lessons (.md) and Jupyter notebooks (.ipynb)");
        }
    }

    public static Notebook read(Path file) throws LessonFormatException, IOException {
        return read(file, Format.of(file));
    }

    public static Notebook read(Path file, Format format) throws LessonFormatException, IOException {
        String text = TextFiles.read(file, format == Format.MARKDOWN ? TextFiles.MAX_BYTES : TextFiles.MAX_NOTEBOOK_BYTES);
        return format == Format.MARKDOWN ? LessonMarkdownReader.parse(file, text) : IpynbReader.parse(file, text);
    }

    /** Atomic: a temp file in the same folder, flushed, then moved over the target. */
    public static void write(Path file, Notebook notebook) throws IOException {
        Format format;
        try {
            format = Format.of(file);
        } catch (LessonFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        write(file, notebook, format);
    }

    public static void write(Path file, Notebook notebook, Format format) throws IOException {
        AtomicFileWriter.write(file, render(notebook, format));
    }

    /** The bytes {@link #write} would put on disk. */
    public static byte[] render(Notebook notebook, Format format) {
        String text = format == Format.MARKDOWN ? LessonMarkdownWriter.write(notebook) : IpynbWriter.write(notebook);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
