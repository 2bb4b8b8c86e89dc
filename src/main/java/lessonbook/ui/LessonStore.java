package lessonbook.ui;

import java.io.IOException;
import java.nio.file.Path;

import lessonbook.format.AtomicFileWriter;
import lessonbook.format.LessonFormatException;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.Notebook;

/** Where the window reads and saves lessons: {@link LessonFiles} (atomic writes). */
public interface LessonStore {
    Notebook read(Path file) throws IOException, LessonFormatException;

    void write(Path file, Notebook notebook) throws IOException;

    static LessonStore files() {
        return new LessonStore() {
            @Override
            public Notebook read(Path file) throws IOException, LessonFormatException {
                Notebook notebook = LessonFiles.read(file);
                AtomicFileWriter.removeLeftovers(file); // a save killed last session; read first, so it is ours
                return notebook;
            }

            @Override
            public void write(Path file, Notebook notebook) throws IOException {
                LessonFiles.write(file, notebook);
            }
        };
    }
}
