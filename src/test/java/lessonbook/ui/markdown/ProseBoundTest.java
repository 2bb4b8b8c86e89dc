package lessonbook.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** What of a long prose cell the window draws, and the note that says the rest is kept. */
class ProseBoundTest {
    private static final Parser PARSER = Parser.builder()
            .extensions(java.util.List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build();

    private static int blocks(Node document) {
        int count = 0;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            count++;
        }
        return count;
    }

    private static String paragraphs(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("Paragraph ").append(i).append(".\n\n");
        }
        return text.toString();
    }

    @Test
    void aLessonsCellIsDrawnWholeWithoutANote() {
        ProseBound.Drawn drawn = ProseBound.parse(PARSER, "# Title\n\n" + paragraphs(50));
        assertThat(blocks(drawn.document())).isEqualTo(51);
        assertThat(drawn.note()).isNull();
    }

    @Test
    void twentyThousandParagraphsDrawTheFirstBlocksAndSayTheTextIsKept() {
        String source = paragraphs(20_000);
        ProseBound.Drawn drawn = ProseBound.parse(PARSER, source);
        assertThat(blocks(drawn.document())).isEqualTo(ProseBound.MAX_BLOCKS);
        Paragraph last = (Paragraph) drawn.document().getLastChild();
        assertThat(((Text) last.getFirstChild()).getLiteral()).isEqualTo("Paragraph 399.");
        assertThat(drawn.note()).isEqualTo(String.format("… This cell is too long to draw whole (%,d characters): only"
                + " its first 400 blocks (paragraphs, headings, table rows...) are drawn here. All of its text is kept;"
                + " edit the cell (double-click) to see it.", source.length()));
    }

    @Test
    void aTableOfTenThousandRowsCountsEachRowAsABlock() {
        StringBuilder source = new StringBuilder("Intro.\n\n| a | b |\n|---|---|\n");
        for (int i = 0; i < 10_000; i++) {
            source.append("| ").append(i).append(" | x |\n");
        }
        source.append("\nAfter.\n");
        ProseBound.Drawn drawn = ProseBound.parse(PARSER, source.toString().substring(0, 60_000));
        assertThat(blocks(drawn.document())).as("the intro and the table").isEqualTo(2);
        org.commonmark.ext.gfm.tables.TableBlock table =
                (org.commonmark.ext.gfm.tables.TableBlock) drawn.document().getLastChild();
        Node body = table.getLastChild();
        assertThat(blocks(body)).as("body rows: 400 blocks, less the intro, the table and its head").isEqualTo(397);
        assertThat(drawn.note()).contains("only its first 400 blocks");

        ProseBound.Drawn small = ProseBound.parse(PARSER, "| a |\n|---|\n| 1 |\n| 2 |\n");
        assertThat(small.note()).isNull();
        assertThat(blocks(small.document().getFirstChild().getLastChild())).isEqualTo(2);
    }

    @Test
    void oneEndlessParagraphIsDrawnUpToTheCharacterBoundAtALinesEnd() {
        String line = "word ".repeat(19) + "ends\n";   // 100 characters
        String source = line.repeat(5_000);   // one paragraph of 5,000 lines, 500,000 characters
        ProseBound.Drawn drawn = ProseBound.parse(PARSER, source);
        assertThat(blocks(drawn.document())).isEqualTo(1);
        assertThat(drawn.note()).contains("(500,000 characters): only its first 99,999 characters are drawn here");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String source = "a".repeat(ProseBound.MAX_CHARS - 1) + "\uD83D\uDE00" + "b".repeat(10);
        ProseBound.Drawn drawn = ProseBound.parse(PARSER, source);
        String drawnText = ((Text) drawn.document().getFirstChild().getFirstChild()).getLiteral();
        assertThat(drawnText).hasSize(ProseBound.MAX_CHARS - 1).doesNotContain("\uD83D");
    }
}
