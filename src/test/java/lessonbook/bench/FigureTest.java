package lessonbook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a suite in a JVM of its own prints with {@link Figure#line()}, the bench reads back with {@link Figure#parse}. */
class FigureTest {
    @Test
    void aPrintedFigureReadsBackAsTheSameFigure() {
        Figure printed = new Figure("speedup.process.in_kernel", 1.788, "x");

        Figure read = Figure.parse(printed.line()).orElseThrow();

        assertThat(read.name()).isEqualTo("speedup.process.in_kernel");
        assertThat(read.value()).isEqualTo(1.788);
        assertThat(read.unit()).isEqualTo("x");
        assertThat(read.line()).isEqualTo(printed.line());
    }

    @Test
    void otherLinesOnTheSameStdoutAreNotFigures() {
        assertThat(Figure.parse("500000000500000001")).isEmpty();
        assertThat(Figure.parse("bench speedup.pool not-a-number x")).isEmpty();
        assertThat(Figure.parse("bench two words")).isEmpty();
    }
}
