package lessonbook.format.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;

/** What the writer writes, the reader reads back: a lesson too large to open again is not saved at all. */
class OversizedLessonSaveTest {
    @TempDir
    Path dir;

    @Test
    void aLessonLargerThanTheReaderTakesIsRefusedAndTheFileOnDiskStaysAsItWas() throws Exception {
        Path lesson = dir.resolve("lesson.md");
        Notebook small = new Notebook(List.of(new MarkdownCell("m", "# Small"), new CodeCell("c", "int x = 1;")));
        LessonFiles.write(lesson, small);
        byte[] before = Files.readAllBytes(lesson);
        long limit = before.length + 100;
        Notebook grown = new Notebook(List.of(new MarkdownCell("m", "# Small\n" + "pasted data ".repeat(50)),
                new CodeCell("c", "int x = 1;")));

        assertThatThrownBy(() -> LessonFiles.write(lesson, grown, LessonFiles.Format.MARKDOWN, limit))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("this lesson would be ")
                .hasMessageContaining("so it was not saved");
        assertThat(Files.readAllBytes(lesson)).isEqualTo(before);
        assertThat(dir.toFile().list()).as("no temp file left behind").containsExactly("lesson.md");

        LessonFiles.write(lesson, small, LessonFiles.Format.MARKDOWN, limit);   // at the limit's side: written
        assertThat(LessonFiles.read(lesson).cells()).hasSize(2);
    }
}
