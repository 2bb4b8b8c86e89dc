package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lessonbook.format.LessonOutline.Entry;
import lessonbook.model.MarkdownCell;

class LessonOutlineTest {
    @Test
    void headingsAsCommonMarkReadsThemWithoutTheirMarkup() {
        MarkdownCell cell = new MarkdownCell("m", """
                # Multiprocessing in *Java*
                Some prose.

                ```
                # not a heading: code
                ```
                <!--
                # not a heading: a comment
                -->
                ## The `Pool` and [its map](https://example.org)
                Setext title
                ============
                > # not at the top of the cell
                """);

        assertThat(LessonOutline.headingsOf(cell)).containsExactly(
                new Entry("m", 1, "Multiprocessing in Java"),
                new Entry("m", 2, "The Pool and its map"),
                new Entry("m", 1, "Setext title"));
    }

    @Test
    void aHeadingIsCutAtItsBoundAndACellKeepsAtMostItsShare() {
        String longTitle = "# " + "word ".repeat(100);
        assertThat(LessonOutline.headingsOf(new MarkdownCell("m", longTitle)).get(0).text())
                .hasSize(LessonOutline.MAX_TEXT).endsWith("\u2026");

        String many = "# h\n\n".repeat(LessonOutline.MAX_PER_CELL + 50);
        assertThat(LessonOutline.headingsOf(new MarkdownCell("m", many))).hasSize(LessonOutline.MAX_PER_CELL);
        assertThat(LessonOutline.headingsOf(new MarkdownCell("m", "#\n\n#   \n"))).isEmpty();
    }
}
