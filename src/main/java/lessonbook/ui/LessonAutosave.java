package lessonbook.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.util.Duration;

import lessonbook.format.files.RecoveryStore;
import lessonbook.model.DocumentChange;
import lessonbook.model.Notebook;
import lessonbook.model.NotebookDocument;

/**
 * Unsaved edits go to the lesson's recovery file every few seconds: the FX thread takes the immutable
 * {@link Notebook} as it is, the file thread writes it. Nothing is written for a lesson without edits, without
 * a file yet, or when the notebook has not changed since the last write; the timer runs only while there are
 * unsaved changes. A flood costs little here: the document keeps only a cell's head and tail of output
 * ({@link lessonbook.model.OutputBudget}), so the recovery file is about the size of the lesson.
 */
final class LessonAutosave implements AutoCloseable {
    private final NotebookDocument document;
    private final RecoveryStore store;
    private final FileWork files;
    /** Runs while the lesson has unsaved changes, i.e. through every Run All: a clock that keeps no pulse going. */
    private final lessonbook.ui.richoutput.FxClock timer;
    private final AtomicBoolean writing = new AtomicBoolean();
    private Notebook lastWritten;
    private boolean closed;

    LessonAutosave(NotebookDocument document, RecoveryStore store, FileWork files, Duration period) {
        this.document = document;
        this.store = store;
        this.files = files;
        this.timer = new lessonbook.ui.richoutput.FxClock(Math.max(1, Math.round(period.toMillis())), this::tick);
        document.addListener(change -> {
            if (change instanceof DocumentChange.DirtyChanged dirty) {
                if (dirty.dirty() && !closed) {
                    timer.start();
                } else {
                    timer.stop();
                }
            }
        });
    }

    private void tick() {
        Path file = document.file();
        Notebook now = document.notebook();
        // While a write is still going (a huge output), skip this round rather than queue snapshots behind it.
        if (file == null || !document.isDirty() || now == lastWritten || !writing.compareAndSet(false, true)) {
            return;
        }
        lastWritten = now;
        files.submit(() -> {
            try {
                store.save(file, now);
            } catch (IOException | RuntimeException e) {
                System.err.println("lessonbook: autosave of " + file + " failed: " + e);
            } finally {
                writing.set(false);
            }
        });
    }

    /** A recovery file newer than {@code file}, read on the calling thread (it is small, like the lesson). */
    Optional<RecoveryStore.Recovered> find(Path file) {
        return store.find(file);
    }

    /** Deletes the recovery file(s) of {@code file}, after any write already asked for. */
    void discard(Path file) {
        if (file == null) {
            return;
        }
        lastWritten = null;
        files.submit(() -> {
            try {
                store.discard(file);
            } catch (IOException e) {
                System.err.println("lessonbook: could not delete the recovery file of " + file + ": " + e);
            }
        });
    }

    /** Stops autosaving (the window closed or shows another lesson); a write already asked for still happens. */
    @Override
    public void close() {
        closed = true;
        timer.stop();
    }
}
