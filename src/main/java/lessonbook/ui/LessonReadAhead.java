package lessonbook.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import lessonbook.format.LessonFormatException;
import lessonbook.model.Notebook;

/**
 * A lesson store that starts reading the lesson the app was asked to open at once, on a thread of its own, while
 * JavaFX starts: parsing a lesson and restoring its saved outputs was ~10 % of the FX thread's work before the
 * first frame, and JavaFX's start leaves the second core idle. The first read of that file gets what the early
 * read got (the notebook, or its exception); every other read and every write goes to the store underneath.
 * Any thread.
 */
final class LessonReadAhead implements LessonStore {
    private final LessonStore store;
    private final Path file;
    private CompletableFuture<Notebook> early;

    LessonReadAhead(LessonStore store, Path file) {
        this.store = store;
        this.file = file;
        this.early = new CompletableFuture<>();
        CompletableFuture<Notebook> reading = early;
        Thread reader = new Thread(() -> {
            try {
                reading.complete(store.read(file));
            } catch (Throwable t) {   // handed to the reader below, whatever it is
                reading.completeExceptionally(t);
            }
        }, "lessonbook-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public Notebook read(Path path) throws IOException, LessonFormatException {
        CompletableFuture<Notebook> mine;
        synchronized (this) {
            mine = path.equals(file) ? early : null;
            early = null;   // once: a later read (reopen, revert) reads the file as it is then
        }
        if (mine == null) {
            return store.read(path);
        }
        try {
            return mine.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof LessonFormatException format) {
                throw format;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void write(Path path, Notebook notebook) throws IOException {
        synchronized (this) {
            if (path.equals(file)) {
                early = null;   // written before it was read back: the early copy is stale
            }
        }
        store.write(path, notebook);
    }
}
