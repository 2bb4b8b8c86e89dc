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
        assertThat(figures).allSatisfy(f -> assertThat(f.value()).isGreaterThanOrEqualTo(-50));
        figures.forEach(f -> System.out.println(f.line()));
    }
}
