package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The longest line of a cell's code, which decides whether the window draws it at once. */
class CodeStandInTest {
    @Test
    void theLongestLineIsMeasuredAcrossEveryLineTheLastIncluded() {
        assertThat(CodeStandIn.longestLine("")).isZero();
        assertThat(CodeStandIn.longestLine("ab\ncdef\n")).isEqualTo(4);
        assertThat(CodeStandIn.longestLine("a\n" + "x".repeat(25_000))).isEqualTo(25_000);
        assertThat(CodeStandIn.longestLine("x".repeat(25_000) + "\n")).isGreaterThan(CodeStandIn.MOST_CHARS_DRAWN_IN_A_LINE);
    }
}
