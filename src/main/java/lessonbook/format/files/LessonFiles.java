package lessonbook.format.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import lessonbook.format.AtomicFileWriter;
import lessonbook.format.LessonFormatException;
import lessonbook.format.TextFiles;
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
        String text = TextFiles.read(file, maxBytes(format));
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

    /**
     * Refuses, before anything is written (the file on disk stays as it was), a lesson too large for {@link #read}
     * to open again: what the writer writes, the reader reads back. Outputs are bounded per cell, so this is text a
     * user put in (a pasted data file, a Replace All).
     */
    public static void write(Path file, Notebook notebook, Format format) throws IOException {
        write(file, notebook, format, maxBytes(format));
    }

    /** As above, with the limit given (tests). */
    static void write(Path file, Notebook notebook, Format format, long limit) throws IOException {
        AtomicFileWriter.write(file, renderWithin(notebook, format, limit));
    }

    /** The bytes to write, or the reason they are not written: they would be more than {@code limit}. */
    static byte[] renderWithin(Notebook notebook, Format format, long limit) throws IOException {
        byte[] bytes = render(notebook, format);
        if (bytes.length > limit) {
            throw new IOException(String.format(java.util.Locale.ROOT, "this lesson would be %.1f MB on disk, and "
                    + "Lessonbook opens %s up to %d MB, so it was not saved: make a large cell or output smaller "
                    + "(Run ▸ Clear All Outputs clears outputs), then save again", bytes.length / 1048576.0,
                    format == Format.MARKDOWN ? "lessons" : "notebooks", Math.max(1, limit >> 20)));
        }
        return bytes;
    }

    static long maxBytes(Format format) {
        return format == Format.MARKDOWN ? TextFiles.MAX_BYTES : TextFiles.MAX_NOTEBOOK_BYTES;
    }

    /** The bytes {@link #write} would put on disk. */
    public static byte[] render(Notebook notebook, Format format) {
        String text = format == Format.MARKDOWN ? LessonMarkdownWriter.write(notebook) : IpynbWriter.write(notebook);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
