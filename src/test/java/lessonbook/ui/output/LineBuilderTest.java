package lessonbook.ui.output;

import static lessonbook.ui.output.SampleOutput.out;
import static lessonbook.ui.output.SampleOutput.numbered;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.model.Output;
import lessonbook.model.StreamName;

/** The rows a batch turns into: never more than the cap, however large the batch; the rest counted. */
class LineBuilderTest {
    private final List<String> workers = new ArrayList<>();
    private final LineBuilder builder = new LineBuilder(100, worker -> {
        if (!workers.contains(worker)) {
            workers.add(worker);
        }
        return workers.indexOf(worker);
    });

    @Test
    void aHundredThousandLinesBuildOnlyTheCapsWorthOfRows() {
        LineBuilder.Batch batch = builder.build(List.of(out(numbered(0, 100_000))));
        assertThat(batch.rows()).hasSize(100);
        assertThat(batch.hidden()).isEqualTo(100_000 - 100);
        assertThat(batch.rows().get(0).text()).isEqualTo("99900");
        assertThat(batch.rows().get(99).text()).isEqualTo("99999");
    }

    @Test
    void manyOutputsOfEveryKindStayBounded() {
        List<Output> batch = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            batch.add(new Output.WorkerLine("w", 7, StreamName.STDOUT, "line " + i + "\n"));
            batch.add(out(i + "\n"));
        }
        LineBuilder.Batch built = builder.build(batch);
        assertThat(built.rows()).hasSize(100);
        assertThat(built.hidden() + built.rows().size()).isEqualTo(100_000);
        assertThat(built.rows().get(98).text()).isEqualTo("[w 7] line 49999");
        assertThat(built.rows().get(98).styleClass()).isEqualTo("out-worker out-worker-0");
        assertThat(built.rows().get(99).text()).isEqualTo("49999");
        // Every worker line still reaches the lanes, drawn or not.
        assertThat(built.extras()).hasSize(50_000);
    }

    @Test
    void aLineLeftOpenIsContinuedByTheNextBatch() {
        LineBuilder.Batch first = builder.build(List.of(out("ab")));
        assertThat(first.continuesLastRow()).isFalse();
        LineBuilder.Batch second = builder.build(List.of(out("c\nd\n")));
        assertThat(second.continuesLastRow()).isTrue();
        assertThat(second.rows()).extracting(OutputLine::text).containsExactly("c", "d");
        assertThat(builder.build(List.of(out("e\n"))).continuesLastRow()).isFalse();
    }

    @Test
    void stderrAndErrorsKeepTheirStyles() {
        LineBuilder.Batch batch = builder.build(List.of(new Output.Stream(StreamName.STDERR, "bad\n"),
                new Output.Error("java.lang.IllegalStateException", "no", List.of("A.b(A.java:1)"))));
        assertThat(batch.rows()).extracting(OutputLine::styleClass)
                .containsExactly("out-stderr", "out-error-header", "out-error-frame");
    }

    /** A frame that names a cell's line is a link (a click goes there); a library's frame and a worker's stdout are not. */
    @Test
    void framesThatNameACellLineAreLinks() {
        LineBuilder.Batch batch = builder.build(List.of(
                new Output.Error("java.lang.IllegalArgumentException", "odd", List.of("half (In [3], line 4)",
                        "Integer.parseInt (Integer.java:668)", "(#12:1)")),
                new Output.WorkerLine("w", 7, StreamName.STDERR, "\tat half (In [3], line 4)\n"),
                new Output.WorkerLine("w", 7, StreamName.STDOUT, "printed (In [3], line 4)\n")));
        List<OutputLine> rows = batch.rows();
        assertThat(rows.get(1).place()).contains(new lessonbook.model.CellLine(3, 4));
        assertThat(rows.get(2).place()).isEmpty();
        assertThat(rows.get(3).place()).isEmpty();
        assertThat(rows.get(4).place()).contains(new lessonbook.model.CellLine(3, 4));
        assertThat(rows.get(5).place()).isEmpty();
    }
}
