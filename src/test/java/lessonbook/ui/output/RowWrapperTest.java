package lessonbook.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RowWrapperTest {
    private static List<String> rows(String text, int columns) {
        return RowWrapper.rows(List.of(OutputLine.plain(text, "out-stdout")), l -> true, OutputLine::text, columns)
                .stream().map(RowWrapper.Row::text).collect(Collectors.toList());
    }

    @Test
    void aLineThatFitsIsOneRow() {
        assertThat(rows("hello", 20)).containsExactly("hello");
        assertThat(rows("x".repeat(20), 20)).hasSize(1);
    }

    @Test
    void aLongWordIsCutAtTheRowEndAndContinuedRowsLeaveRoomForTheIndent() {
        assertThat(rows("a".repeat(50), 20)).containsExactly("a".repeat(20), "a".repeat(18), "a".repeat(12));
    }

    @Test
    void aLineBreaksAfterASpaceOrADotNearTheRowEnd() {
        assertThat(rows("the quick brown fox jumps over", 20)).containsExactly("the quick brown fox ", "jumps over");
        assertThat(rows("java.util.concurrent.ThreadPoolExecutor", 24))
                .containsExactly("java.util.concurrent.", "ThreadPoolExecutor");
    }

    @Test
    void onlyTheFirstRowOfALineIsNotContinuedAndAllRowsKeepTheirLine() {
        OutputLine line = OutputLine.plain("b".repeat(30), "out-stderr");
        List<RowWrapper.Row> rows = RowWrapper.rows(List.of(line), l -> true, OutputLine::text, 20);
        assertThat(rows).extracting(RowWrapper.Row::continued).containsExactly(false, true);
        assertThat(rows).allMatch(r -> r.line() == line);
    }

    @Test
    void anUnknownWidthDrawsOneRowPerLineAndHiddenLinesDrawNone() {
        OutputLine a = OutputLine.plain("c".repeat(300), "out-stdout");
        OutputLine b = OutputLine.plain("d", "out-stdout");
        assertThat(RowWrapper.rows(List.of(a, b), l -> true, OutputLine::text, 0)).hasSize(2);
        assertThat(RowWrapper.rows(List.of(a, b), l -> l == b, OutputLine::text, 20))
                .extracting(RowWrapper.Row::text).containsExactly("d");
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String text = "x".repeat(19) + "\uD83D\uDE00" + "y";
        List<String> rows = rows(text, 20);
        assertThat(String.join("", rows)).isEqualTo(text);
        assertThat(rows.get(0)).hasSize(19);
    }
}
