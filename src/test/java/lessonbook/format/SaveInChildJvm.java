package lessonbook.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lessonbook.format.files.LessonFiles;
import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/** Run in a child JVM by {@link AtomicFileWriterTest}: opens a lesson, adds a cell and saves it. */
public final class SaveInChildJvm {
    private SaveInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Notebook notebook = LessonFiles.read(file);
        List<Cell> cells = new ArrayList<>(notebook.cells());
        cells.add(new CodeCell("added", "System.out.println(\"saved by the child\");"));
        LessonFiles.write(file, notebook.withCells(cells));
    }
}
