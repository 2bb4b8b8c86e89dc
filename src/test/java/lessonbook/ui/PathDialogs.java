package lessonbook.ui;

import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.Window;

/** Answers the file questions with whatever path a test put here, as a user picking that file would. */
final class PathDialogs implements FileDialogs {
    volatile Path open;
    volatile Path save;
    volatile Path export;
    /** The place the last save question suggested. */
    volatile Path suggestedSave;

    @Override
    public Optional<Path> chooseLessonToOpen(Window owner, Path near) {
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> chooseWhereToSave(Window owner, Path suggested) {
        suggestedSave = suggested;
        return Optional.ofNullable(save);
    }

    @Override
    public Optional<Path> chooseExportTarget(Window owner, Path suggested, ExportFormat format) {
        return Optional.ofNullable(export);
    }
}
