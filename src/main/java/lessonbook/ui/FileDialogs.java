package lessonbook.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file; a seam so tests can answer without a native dialog. */
public interface FileDialogs {
    Optional<Path> chooseLessonToOpen(Window owner, Path near);

    Optional<Path> chooseWhereToSave(Window owner, Path suggested);

    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseLessonToOpen(Window owner, Path near) {
                FileChooser chooser = chooser(near);
                chooser.setTitle("Open Lesson");
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseWhereToSave(Window owner, Path suggested) {
                FileChooser chooser = chooser(suggested);
                chooser.setTitle("Save Lesson As");
                if (suggested != null && suggested.getFileName() != null) {
                    chooser.setInitialFileName(suggested.getFileName().toString());
                }
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(Path near) {
                FileChooser chooser = new FileChooser();
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Lessons (*.md, *.ipynb)", "*.md", "*.ipynb"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                Path dir = near == null ? null : near.toAbsolutePath().getParent();
                if (dir != null && dir.toFile().isDirectory()) {
                    chooser.setInitialDirectory(dir.toFile());
                }
                return chooser;
            }
        };
    }
}
