package lessonbook.format;

import java.io.IOException;
import java.nio.file.Path;

import lessonbook.model.Notebook;

/** Reads and writes notebooks by file type (lesson Markdown now, .ipynb later). (Placeholder.) */
public final class LessonFiles {
    private LessonFiles() {
    }

    public static Notebook read(Path file) throws LessonFormatException, IOException {
        throw new UnsupportedOperationException("lesson reader not built yet");
    }

    /** Atomic: a temp file in the same folder, flushed, then moved over the target. */
    public static void write(Path file, Notebook notebook) throws IOException {
        throw new UnsupportedOperationException("lesson writer not built yet");
    }
}
