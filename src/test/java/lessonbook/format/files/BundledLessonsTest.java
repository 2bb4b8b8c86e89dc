package lessonbook.format.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.LessonSummary;


/** The lesson library's list: which files are lessons, in which order, and what is said about each. */
class BundledLessonsTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryLessonDefaultFirstWithTitleSummaryAndLength() throws Exception {
        Files.writeString(dir.resolve("arrays.md"), "# Arrays, *fast*\n\nAn [array](https://x) is a row of boxes. "
                + "Each box has a number.\n\n```java\nint[] a = new int[3];\n```\n\n## More\n\nText.\n\n"
                + "```java\na[0] = 1;\n```\n");
        Files.writeString(dir.resolve("multiprocessing.md"), "# Multiprocessing in Java\n\nWorkers.\n");
        Files.writeString(dir.resolve("notes.txt"), "not a lesson");
        Files.writeString(dir.resolve(".hidden.md"), "# Hidden\n");

        List<LessonSummary> summaries = new BundledLessons(dir).summaries();

        assertThat(summaries).extracting(LessonSummary::title)
                .containsExactly("Multiprocessing in Java", "Arrays, fast");
        LessonSummary arrays = summaries.get(1);
        assertThat(arrays.summary()).isEqualTo("An array is a row of boxes.");
        assertThat(arrays.codeCells()).isEqualTo(2);
        assertThat(arrays.length()).isEqualTo("2 code cells \u00b7 about 5 min");
        assertThat(new BundledLessons(dir).defaultLesson()).contains(dir.resolve("multiprocessing.md"));
    }

    @Test
    void aLessonWithoutHeadingIsNamedByItsFileAndALongParagraphIsCut() throws Exception {
        Files.writeString(dir.resolve("loops.md"), "word ".repeat(100) + "\n");

        LessonSummary loops = new BundledLessons(dir).summaries().get(0);

        assertThat(loops.title()).isEqualTo("loops");
        assertThat(loops.summary()).hasSize(LessonSummary.MAX_SUMMARY).endsWith("\u2026");
    }

    @Test
    void anUnreadableLessonIsLeftOutAndNoFolderMeansNoLessons() throws Exception {
        Files.write(dir.resolve("broken.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Files.writeString(dir.resolve("ok.md"), "# Ok\n");

        assertThat(new BundledLessons(dir).summaries()).extracting(LessonSummary::title).containsExactly("Ok");
        assertThat(new BundledLessons(null).summaries()).isEmpty();
        assertThat(new BundledLessons(null).defaultLesson()).isEmpty();
    }

    @Test
    void theRepositorysLessonsAreFoundFromTheWorkingDirectory() {
        BundledLessons found = BundledLessons.find();

        assertThat(found.folder()).contains(Path.of("lessons"));
        assertThat(found.files()).first().isEqualTo(Path.of("lessons", "multiprocessing.md"));
        assertThat(found.summaries()).first().extracting(LessonSummary::title).isEqualTo("Multiprocessing in Java");
    }
}
