package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/** What of a flooded cell goes to the recovery file: every source, and the tail of the output. */
class LessonAutosaveTest {
    @Test
    void aFloodedCellKeepsItsSourceAndTheTailOfItsOutput() {
        List<Output> flood = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            flood.add(new Output.Stream(StreamName.STDOUT, i + "\n"));
        }
        Notebook notebook = new Notebook(List.of(new MarkdownCell("m", "# Notes"),
                new CodeCell("flood", "for (int i = 0; ; i++) System.out.println(i);").withOutputs(flood),
                new CodeCell("small", "System.out.println(1);")
                        .withOutputs(List.of(new Output.Stream(StreamName.STDOUT, "1\n")))));

        Notebook bounded = LessonAutosave.withOutputTails(notebook);

        assertThat(bounded.cells()).extracting(c -> c.source()).containsExactlyElementsOf(
                notebook.cells().stream().map(c -> c.source()).toList());
        CodeCell kept = (CodeCell) bounded.cell("flood").orElseThrow();
        assertThat(kept.outputText().length()).isBetween(LessonAutosave.MAX_OUTPUT_CHARS_PER_CELL - 100,
                LessonAutosave.MAX_OUTPUT_CHARS_PER_CELL + 100);
        assertThat(kept.outputs().get(0)).isInstanceOf(Output.Notice.class);
        assertThat(((Output.Notice) kept.outputs().get(0)).message())
                .endsWith("earlier outputs were left out of the recovery file");
        assertThat(kept.outputText()).endsWith("299999\n");
        assertThat(bounded.cell("small").orElseThrow()).isEqualTo(notebook.cell("small").orElseThrow());
    }
}
