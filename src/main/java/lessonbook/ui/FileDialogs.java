package lessonbook.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file; a seam so tests can answer without a native dialog. */
public interface FileDialogs {
    Optional<Path> chooseLessonToOpen(Window owner, Path near);

    /** Where to save the lesson; the chosen extension (.md or .ipynb) decides the format. */
    Optional<Path> chooseWhereToSave(Window owner, Path suggested);

    /** Where to export a copy as {@code format}; by default the same question as Save As. */
    default Optional<Path> chooseExportTarget(Window owner, Path suggested, ExportFormat format) {
        return chooseWhereToSave(owner, suggested);
    }

    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseLessonToOpen(Window owner, Path near) {
                FileChooser chooser = chooser(near);
                chooser.setTitle("Open Lesson");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Lessons and notebooks (*.md, *.ipynb)", "*.md", "*.ipynb"),
                        filter(ExportFormat.MARKDOWN), filter(ExportFormat.IPYNB),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseWhereToSave(Window owner, Path suggested) {
                FileChooser chooser = chooser(suggested);
                chooser.setTitle("Save Lesson As");
                FileChooser.ExtensionFilter md = filter(ExportFormat.MARKDOWN);
                FileChooser.ExtensionFilter ipynb = filter(ExportFormat.IPYNB);
                chooser.getExtensionFilters().addAll(md, ipynb);
                boolean notebook = suggested != null
                        && suggested.toString().toLowerCase(Locale.ROOT).endsWith(".ipynb");
                chooser.setSelectedExtensionFilter(notebook ? ipynb : md);
                suggestName(chooser, suggested);
                File chosen = chooser.showSaveDialog(owner);
                if (chosen == null) {
                    return Optional.empty();
                }
                ExportFormat format = chooser.getSelectedExtensionFilter() == ipynb
                        ? ExportFormat.IPYNB : ExportFormat.MARKDOWN;
                String name = chosen.getName().toLowerCase(Locale.ROOT);
                boolean known = name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".ipynb");
                // Only the file type was switched (the suggested name kept): the type decides. A name typed
                // without an extension takes the chosen type's too; a typed extension wins otherwise.
                boolean onlyTypeSwitched = suggested != null && suggested.getFileName() != null
                        && chosen.getName().equals(suggested.getFileName().toString());
                return Optional.of(known && !onlyTypeSwitched
                        ? chosen.toPath() : format.withExtension(chosen.toPath()));
            }

            @Override
            public Optional<Path> chooseExportTarget(Window owner, Path suggested, ExportFormat format) {
                FileChooser chooser = chooser(suggested);
                chooser.setTitle("Export as " + format.description());
                chooser.getExtensionFilters().add(filter(format));
                suggestName(chooser, suggested);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath)
                        .map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + format.extension())
                                ? p : format.withExtension(p));
            }

            private FileChooser.ExtensionFilter filter(ExportFormat format) {
                return new FileChooser.ExtensionFilter(format.description() + " (*." + format.extension() + ")",
                        "*." + format.extension());
            }

            private void suggestName(FileChooser chooser, Path suggested) {
                if (suggested != null && suggested.getFileName() != null) {
                    chooser.setInitialFileName(suggested.getFileName().toString());
                }
            }

            private FileChooser chooser(Path near) {
                FileChooser chooser = new FileChooser();
                Path dir = near == null ? null : near.toAbsolutePath().getParent();
                if (dir != null && dir.toFile().isDirectory()) {
                    chooser.setInitialDirectory(dir.toFile());
                }
                return chooser;
            }
        };
    }
}
