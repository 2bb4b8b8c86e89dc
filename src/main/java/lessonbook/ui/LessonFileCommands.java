package lessonbook.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

import lessonbook.format.FileErrors;
import lessonbook.format.LessonFormatException;
import lessonbook.format.files.RecoveryStore;
import lessonbook.model.CellIds;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.NotebookDocument;

/**
 * Open, save, save as, recent files, new lesson, and the question about unsaved changes. A file that
 * cannot be read or written is reported in a dialog and the lesson in the window stays as it was.
 * Opening a file whose recovery file is newer offers the recovered changes; a clean save, or the user's
 * "Don't Save", deletes the recovery file.
 */
final class LessonFileCommands {
    private final Stage stage;
    private final NotebookDocument document;
    private final LessonStore store;
    private final FileDialogs dialogs;
    private final RecentFiles recent;
    private final LessonAutosave autosave;
    private final Runnable afterNewLesson;
    private final Runnable beforeOpen;
    private final Runnable afterOpen;

    LessonFileCommands(Stage stage, NotebookDocument document, LessonStore store, FileDialogs dialogs,
                       RecentFiles recent, LessonAutosave autosave, Runnable afterNewLesson, Runnable beforeOpen,
                       Runnable afterOpen) {
        this.stage = stage;
        this.document = document;
        this.store = store;
        this.dialogs = dialogs;
        this.recent = recent;
        this.autosave = autosave;
        this.afterNewLesson = afterNewLesson;
        this.beforeOpen = beforeOpen;
        this.afterOpen = afterOpen;
    }

    String displayName() {
        return document.file() == null ? "Untitled.md" : document.file().getFileName().toString();
    }

    boolean open(Path file) {
        Notebook notebook;
        try {
            notebook = store.read(file);
        } catch (LessonFormatException | IOException | RuntimeException e) {
            error("Could not open " + file.getFileName(), FileErrors.reason(e));
            return false;
        }
        beforeOpen.run();
        document.replace(notebook, file);
        recent.remember(file);
        afterOpen.run();
        autosave.find(file).ifPresent(recovered -> offer(file, recovered));
        return true;
    }

    /** Asks over the saved lesson (shown behind the question) what to do with the recovered version. */
    private void offer(Path file, RecoveryStore.Recovered recovered) {
        if (!stage.isShowing()) {
            stage.show(); // at start-up: the question needs its window behind it
        }
        RecoveryDialog.Choice choice = RecoveryDialog.ask(stage, file.getFileName().toString(), recovered.savedAt());
        if (choice == RecoveryDialog.Choice.RESTORE) {
            // Not what is on disk: it opens as unsaved changes, and stays in its recovery file until saved.
            beforeOpen.run();
            document.replace(recovered.notebook(), file);
            document.markUnsaved();
            afterOpen.run();
        } else if (choice == RecoveryDialog.Choice.DISCARD) {
            autosave.discard(file);
        }
    }

    void chooseAndOpen() {
        chooseLessonToOpen().ifPresent(this::open);
    }

    void newLesson() {
        if (confirmDiscard()) {
            document.replace(new Notebook(List.of(new CodeCell(CellIds.next(), ""))), null);
            afterNewLesson.run();
        }
    }

    Optional<Path> chooseLessonToOpen() {
        return confirmDiscard() ? dialogs.chooseLessonToOpen(stage, document.file()) : Optional.empty();
    }

    /**
     * Saves to the current file (asks where for a new lesson). Returns false if not saved; a read-only notebook
     * (see {@link NotebookToolbar#showReadOnly}) is never written back, only copied by Save As.
     */
    boolean save() {
        if (document.isReadOnly() && document.file() != null) {
            return false;
        }
        return document.file() == null ? chooseAndSaveAs() : saveAs(document.file());
    }

    boolean chooseAndSaveAs() {
        Optional<Path> target = dialogs.chooseWhereToSave(stage,
                document.file() == null ? Path.of("Untitled.md") : document.file());
        return target.isPresent() && saveAs(target.get());
    }

    boolean saveAs(Path file) {
        try {
            store.write(file, document.notebook());
        } catch (IOException | RuntimeException e) {
            if (inReadOnlyPlace(file, e)) {
                return saveElsewhere(file);
            }
            error("Could not save " + file.getFileName(), FileErrors.reason(e));
            return false;
        }
        Path before = document.file();
        document.markSaved(file);
        recent.remember(file);
        autosave.discard(file);
        if (before != null && !before.equals(file)) {
            autosave.discard(before); // its unsaved changes are now saved, under the new name
        }
        return true;
    }

    /**
     * The lesson's folder cannot be written (a bundled lesson of an install in /opt, a read-only share): says so
     * and asks where to save a copy, suggesting the user's Documents folder. Cancelled, the edits stay in the
     * window as unsaved changes (and in their recovery file, which goes to the user's folder then).
     */
    private boolean saveElsewhere(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        ButtonType elsewhere = new ButtonType("Save Elsewhere\u2026", ButtonBar.ButtonData.YES);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", elsewhere, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Read-only folder");
        alert.setHeaderText("Cannot save " + file.getFileName() + " in " + folder);
        alert.setContentText("That folder is read-only for you (Lessonbook's own lessons are installed that way). "
                + "Your changes are kept: save your copy of the lesson in a folder of your own.");
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        if (alert.showAndWait().orElse(ButtonType.CANCEL) != elsewhere) {
            return false;
        }
        Optional<Path> target = dialogs.chooseWhereToSave(stage, userFolder().resolve(file.getFileName()));
        return target.isPresent() && saveAs(target.get());
    }

    /** Where a copy goes by default: the user's Documents folder, else their home folder. */
    static Path userFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return java.nio.file.Files.isDirectory(documents) ? documents : home;
    }

    /** Whether a save failed because the place is read-only, not because of the lesson or a full disk. */
    static boolean inReadOnlyPlace(Path file, Exception failure) {
        if (failure instanceof java.nio.file.AccessDeniedException
                || failure instanceof java.nio.file.ReadOnlyFileSystemException) {
            return true;
        }
        String reason = failure instanceof java.nio.file.FileSystemException fs ? fs.getReason() : null;
        if (reason != null && (reason.contains("Read-only file system") || reason.contains("Operation not permitted"))) {
            return true;
        }
        Path folder = file.toAbsolutePath().getParent();
        return folder != null && java.nio.file.Files.isDirectory(folder) && !java.nio.file.Files.isWritable(folder);
    }

    /** Asks about unsaved changes; true when it is fine to throw the current lesson away. */
    boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save changes to " + displayName() + "?");
        alert.setContentText("Your changes will be lost if you don't save them.");
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == saveButton) {
            return save();
        }
        if (answer == discard) {
            autosave.discard(document.file()); // the user chose to lose these changes
            return true;
        }
        return false;
    }

    /** Fills the Open Recent menu (called as the File menu opens). */
    void fillRecentMenu(Menu menu) {
        menu.getItems().clear();
        for (Path path : recent.list()) {
            MenuItem item = new MenuItem(path.getFileName() + "  \u2014  " + path.getParent());
            item.setOnAction(e -> {
                if (confirmDiscard()) {
                    open(path);
                }
            });
            menu.getItems().add(item);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    private void error(String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR, detail == null ? "" : detail, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        alert.show();
    }
}
