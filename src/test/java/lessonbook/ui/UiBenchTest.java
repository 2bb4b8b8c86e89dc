package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.bench.Figure;

/** The benchmark hook produces its four figures (values are the benchmark's business, not asserted). */
class UiBenchTest {
    @Test
    void producesTheFourDesktopFigures() throws Exception {
        List<Figure> figures = new UiBench(TestKernels::create, Path.of("lessons", "multiprocessing.md")).run();
        assertThat(figures).extracting(Figure::name).containsExactly("app.first_frame", "ui.first_output",
                "ui.flood.max_stall", "ui.flood.heap_growth");
        // times are positive; the heap may end lower than it began (a full GC after the flood can free more
        // than before it), but never far above it: the pane keeps a capped tail
        assertThat(figures.subList(0, 3)).allSatisfy(f -> assertThat(f.value()).isPositive());
        assertThat(figures.get(3).value()).isLessThan(200);
        figures.forEach(f -> System.out.println(f.line()));
    }
}
