package lessonbook.format.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import lessonbook.format.AtomicFileWriter;
import lessonbook.format.LessonFormatException;
import lessonbook.model.Notebook;

/**
 * Keeps unsaved edits safe: the document's latest state goes to a recovery file (in the lesson's own format, so it
 * reads like the lesson) next to the file as {@code .NAME.lbrecover}, or, where that folder is not writable, in a
 * per-user folder keyed by the file's path. After a crash the recovery file is newer than the lesson and
 * {@link #recover} offers it; a clean save or close {@link #discard discards} it.
 */
public final class RecoveryStore {
    private final Path userFolder;

    /** @param userFolder where recovery files go when a lesson's folder is read-only */
    public RecoveryStore(Path userFolder) {
        this.userFolder = userFolder;
    }

    public static RecoveryStore inUserHome() {
        return new RecoveryStore(Path.of(System.getProperty("user.home"), ".lessonbook", "recovery"));
    }

    /**
     * Writes {@code notebook}, the unsaved state of {@code file}, atomically to its recovery file; refuses, as a save
     * does, a notebook larger than the reader opens: {@link #find} would pass over that file, and the older recovery
     * file it would have replaced is the one that can still be recovered.
     */
    public void save(Path file, Notebook notebook) throws IOException {
        save(file, notebook, LessonFiles.maxBytes(format(file)));
    }

    /** As above, with the reader's limit given (tests). */
    void save(Path file, Notebook notebook, long limit) throws IOException {
        byte[] content = LessonFiles.renderWithin(notebook, format(file), limit);
        try {
            AtomicFileWriter.write(besideFile(file), content);
        } catch (IOException besideFailed) {
            AtomicFileWriter.write(inUserFolder(file), content);
        }
    }

    /** The recovered notebook when a recovery file newer than {@code file} exists and reads cleanly. */
    public Optional<Notebook> recover(Path file) {
        return find(file).map(Recovered::notebook);
    }

    /** A recovered notebook and when it was written (what a user is asked about). */
    public record Recovered(Notebook notebook, Instant savedAt) {
    }

    /** Like {@link #recover}, with the time the recovery file was written. */
    public Optional<Recovered> find(Path file) {
        Optional<Path> recovery = newestRecoveryFile(file);
        if (recovery.isEmpty()) {
            return Optional.empty();
        }
        try {
            FileTime savedAt = lastModified(recovery.get());
            if (Files.exists(file) && savedAt.compareTo(lastModified(file)) <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Recovered(LessonFiles.read(recovery.get(), format(file)), savedAt.toInstant()));
        } catch (IOException | LessonFormatException e) {
            return Optional.empty(); // a half-written or foreign recovery file is no better than none
        }
    }

    /** Removes the recovery file(s) of {@code file}: call after a clean save or a close without changes. */
    public void discard(Path file) throws IOException {
        Files.deleteIfExists(besideFile(file));
        Files.deleteIfExists(inUserFolder(file));
    }

    /**
     * Saves {@code unsaved} (the current document, or null while it has no unsaved edits) every {@code seconds}
     * seconds on a daemon thread, until the returned handle is closed.
     */
    public AutoCloseable autosave(Path file, Supplier<Notebook> unsaved, long seconds) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lessonbook-autosave");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            Notebook notebook = unsaved.get();
            if (notebook != null) {
                try {
                    save(file, notebook);
                } catch (IOException e) {
                    System.err.println("lessonbook: autosave of " + file + " failed: " + e);
                }
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        return () -> {
            timer.shutdown(); // a save in progress finishes: interrupting it would abort the write
            timer.awaitTermination(10, TimeUnit.SECONDS);
        };
    }

    Path besideFile(Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".lbrecover");
    }

    Path inUserFolder(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
            return userFolder.resolve(HexFormat.of().formatHex(digest, 0, 8) + "-" + absolute.getFileName()
                    + ".lbrecover");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Optional<Path> newestRecoveryFile(Path file) {
        Path beside = besideFile(file);
        Path user = inUserFolder(file);
        boolean hasBeside = Files.isRegularFile(beside);
        boolean hasUser = Files.isRegularFile(user);
        if (hasBeside && hasUser) {
            try {
                return Optional.of(lastModified(user).compareTo(lastModified(beside)) > 0 ? user : beside);
            } catch (IOException e) {
                return Optional.of(beside);
            }
        }
        return hasBeside ? Optional.of(beside) : hasUser ? Optional.of(user) : Optional.empty();
    }

    private static FileTime lastModified(Path path) throws IOException {
        return Files.getLastModifiedTime(path);
    }

    private static LessonFiles.Format format(Path file) throws IOException {
        try {
            return LessonFiles.Format.of(file);
        } catch (LessonFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
