package lessonbook.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

import lessonbook.format.FileErrors;
import lessonbook.format.files.Exporter;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.Notebook;
import lessonbook.model.NotebookDocument;
import lessonbook.model.StudentVersion;

/**
 * File ▸ Export as HTML / Lesson Markdown / Jupyter Notebook, and the students' copy: writes the document as it is in the window
 * (unsaved edits and fresh outputs included) on the file thread, then says where it went or what failed.
 * Exporting neither saves the lesson nor changes which file the window edits.
 */
final class ExportCommands {
    private final Stage stage;
    private final NotebookDocument document;
    private final FileDialogs dialogs;
    private final FileWork files;
    private final Consumer<String> status;

    ExportCommands(Stage stage, NotebookDocument document, FileDialogs dialogs, FileWork files,
                   Consumer<String> status) {
        this.stage = stage;
        this.document = document;
        this.dialogs = dialogs;
        this.files = files;
        this.status = status;
    }

    void chooseAndExport(ExportFormat format) {
        Path current = document.file() == null ? Path.of("Untitled.md") : document.file();
        Optional<Path> target = dialogs.chooseExportTarget(stage, format.withExtension(current), format);
        target.ifPresent(out -> export(format, out));
    }

    void export(ExportFormat format, Path out) {
        Notebook snapshot = document.notebook();
        String title = baseName(document.file() == null ? Path.of("Untitled") : document.file());
        Path folder = document.file() == null ? null : document.file().toAbsolutePath().getParent();
        status.accept("Exporting to " + out.getFileName() + "\u2026");
        files.submit(() -> {
            try {
                Exporter.export(snapshot, title, folder, format.extension(), out);
                Platform.runLater(() -> status.accept("Exported " + format.description() + " to " + out));
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    status.accept("Export failed");
                    error("Could not export to " + out.getFileName(), FileErrors.reason(e));
                });
            }
        });
    }

    /**
     * File ▸ Export Students' Copy: the lesson as the {@code student} command writes it (each solution replaced by a
     * placeholder that compiles, checks kept, the outputs of exercises and checks cleared), as Lesson Markdown or,
     * named so, a Jupyter notebook. The teacher's lesson in the window is not changed.
     */
    void chooseAndExportStudentCopy() {
        Path current = document.file() == null ? Path.of("Untitled.md") : document.file();
        Path suggested = current.resolveSibling(baseName(current) + "-student.md");
        dialogs.chooseExportTarget(stage, suggested, ExportFormat.MARKDOWN).ifPresent(this::exportStudentCopy);
    }

    void exportStudentCopy(Path out) {
        Notebook teacher = document.notebook();
        status.accept("Writing the students' copy to " + out.getFileName() + "\u2026");
        files.submit(() -> {
            try {
                Notebook student = StudentVersion.of(teacher);
                LessonFiles.write(out, student);
                long exercises = StudentVersion.exercises(teacher);
                String done = exercises == 0
                        ? "This lesson has no exercise cells: the students' copy written to " + out + " is the lesson as it is"
                        : "Wrote the students' copy (" + exercises + (exercises == 1 ? " exercise" : " exercises")
                                + ", solutions replaced) to " + out;
                Platform.runLater(() -> status.accept(done));
            } catch (IllegalArgumentException unpaired) {
                Platform.runLater(() -> {
                    status.accept("Students' copy not written");
                    error("The students' copy was not written", unpaired.getMessage());
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    status.accept("Students' copy not written");
                    error("Could not write " + out.getFileName(), FileErrors.reason(e));
                });
            }
        });
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void error(String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        alert.show();
    }
}
