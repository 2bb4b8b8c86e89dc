package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.LessonFormatException;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/** The lesson the app opens is read while JavaFX starts; what the window then reads is the same as a plain read. */
class LessonReadAheadTest {
    @TempDir
    Path folder;

    @Test
    void theFirstReadGetsTheLessonAndLaterReadsSeeTheFileAsItIsThen() throws Exception {
        Path lesson = folder.resolve("lesson.md");
        Files.writeString(lesson, "# Title\n\n```java\nint x = 1;\n```\n");
        List<String> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
        LessonStore recording = new LessonStore() {
            @Override
            public Notebook read(Path file) throws java.io.IOException, LessonFormatException {
                readers.add(Thread.currentThread().getName());
                return LessonStore.files().read(file);
            }

            @Override
            public void write(Path file, Notebook notebook) {
                throw new UnsupportedOperationException();
            }
        };
        LessonReadAhead store = new LessonReadAhead(recording, lesson);
        assertThat(store.read(lesson).cells()).extracting(c -> c.source()).containsExactly("# Title", "int x = 1;");
        assertThat(readers).as("read once, by the read-ahead thread").containsExactly("lessonbook-read-ahead");

        Files.writeString(lesson, "```java\nint y = 2;\n```\n");
        assertThat(((CodeCell) store.read(lesson).cells().get(0)).source()).isEqualTo("int y = 2;");
    }

    @Test
    void aSaveBeforeTheFirstReadIsWhatThatReadGets() throws Exception {
        Path lesson = folder.resolve("lesson.md");
        Files.writeString(lesson, "```java\nint x = 1;\n```\n");
        LessonReadAhead store = new LessonReadAhead(LessonStore.files(), lesson);
        store.write(lesson, new Notebook(List.of(new CodeCell("c", "int z = 3;"))));
        assertThat(((CodeCell) store.read(lesson).cells().get(0)).source()).isEqualTo("int z = 3;");
    }

    @Test
    void aLessonThatCannotBeReadFailsTheFirstReadAsAPlainReadWould() {
        Path missing = folder.resolve("missing.md");
        assertThatThrownBy(() -> new LessonReadAhead(LessonStore.files(), missing).read(missing))
                .isInstanceOf(NoSuchFileException.class);
        Path unknown = folder.resolve("lesson.txt");
        assertThatThrownBy(() -> new LessonReadAhead(LessonStore.files(), unknown).read(unknown))
                .isInstanceOf(LessonFormatException.class).hasMessageContaining("unknown file type");
    }
}
