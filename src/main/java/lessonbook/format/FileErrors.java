package lessonbook.format;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why reading or writing a file failed, in words, for the command line and the window alike: a
 * {@code NoSuchFileException}'s message is only the path, and an unexpected parser failure must read as
 * "cannot read FILE: reason", never as a stack trace.
 */
public final class FileErrors {
    private FileErrors() {
    }

    public static String reason(Throwable failure) {
        if (failure instanceof NoSuchFileException e) {
            return "no such file or folder" + other(e);
        } else if (failure instanceof AccessDeniedException e) {
            return "permission denied" + other(e);
        } else if (failure instanceof FileAlreadyExistsException e) {
            return "a file is in the way" + other(e);
        } else if (failure instanceof NotDirectoryException e) {
            return "not a folder" + other(e);
        } else if (failure instanceof FileSystemException e && e.getReason() != null) {
            return e.getReason().toLowerCase(java.util.Locale.ROOT) + other(e);
        } else if (failure instanceof StackOverflowError) {
            return "nested too deeply to read";
        } else if (failure instanceof OutOfMemoryError) {
            return "too large to read in the memory available";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** The file the failure concerns when it is not the one the user named (a temp file, a folder). */
    private static String other(FileSystemException e) {
        return e.getFile() == null ? "" : " (" + e.getFile() + ")";
    }
}
