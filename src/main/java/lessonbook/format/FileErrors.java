package lessonbook.format;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why reading or writing a file failed, in words, for the command line and the window alike: a
 * {@code NoSuchFileException}'s message is only the path, and an unexpected parser failure must read as
 * "cannot read FILE: reason", never as a stack trace.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** The reason, naming the file it concerns; for a message that names only the file's name, as the window's do. */
    public static String reason(Throwable failure) {
        return reason(failure, null);
    }

    /**
     * The reason, for a message that already names {@code named} in full (the command line's "cannot read FILE:"):
     * the file the failure concerns is added only when it is another one (a temp file beside it, a folder).
     */
    public static String reason(Throwable failure, Path named) {
        if (failure instanceof NoSuchFileException e) {
            return "no such file or folder" + other(e, named);
        } else if (failure instanceof AccessDeniedException e) {
            return "permission denied" + other(e, named);
        } else if (failure instanceof FileAlreadyExistsException e) {
            return "a file is in the way" + other(e, named);
        } else if (failure instanceof NotDirectoryException e) {
            return "not a folder" + other(e, named);
        } else if (failure instanceof FileSystemException e && e.getReason() != null) {
            return e.getReason().toLowerCase(java.util.Locale.ROOT) + other(e, named);
        } else if (failure instanceof StackOverflowError) {
            return "nested too deeply to read";
        } else if (failure instanceof OutOfMemoryError) {
            return "too large to read in the memory available";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String other(FileSystemException e, Path named) {
        if (e.getFile() == null || named != null && sameFile(e.getFile(), named)) {
            return "";
        }
        return " (" + e.getFile() + ")";
    }

    private static boolean sameFile(String file, Path named) {
        try {
            return Path.of(file).toAbsolutePath().normalize().equals(named.toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
