package lessonbook.format;

import java.nio.file.Path;

/** A lesson file that cannot be read; the message names the file and the line, for the user to see. */
public class LessonFormatException extends Exception {
    private final Path file;
    private final int line;

    public LessonFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based, or 0 when the problem is not on one line (the file is too large, unreadable...). */
    public int line() {
        return line;
    }
}
