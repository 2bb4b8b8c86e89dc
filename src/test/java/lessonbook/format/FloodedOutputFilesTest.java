package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import lessonbook.format.files.Exporter;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.OutputBudget;
import lessonbook.model.StreamName;

/**
 * What a flooded cell writes, its reader reads back: the head, the marker of what was not kept and the tail,
 * in every format, with the control characters a cell printed; and the file stays small enough to open.
 */
class FloodedOutputFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LessonFiles.Format.class)
    void aFloodedCellWithControlCharactersSavesAndReopensAsItWasKept(LessonFiles.Format format) throws Exception {
        Notebook notebook = new Notebook(List.of(new CodeCell("c1", "while (true) System.out.println(i++);")
                .withOutputs(flooded())));
        Path file = dir.resolve(format == LessonFiles.Format.MARKDOWN ? "flood.md" : "flood.ipynb");

        LessonFiles.write(file, notebook);
        Notebook reread = LessonFiles.read(file);

        List<Output> outputs = ((CodeCell) reread.cells().get(0)).outputs();
        assertThat(text(outputs)).isEqualTo(text(((CodeCell) notebook.cells().get(0)).outputs()));
        assertThat(outputs).filteredOn(Output.Omitted.class::isInstance).hasSize(1);
        assertThat(text(outputs)).contains("\\u0000").contains("\\u001B[31m");
        assertThat(Files.size(file)).isLessThan(1024 * 1024);
        String saved = Files.readString(file);
        LessonFiles.write(file, reread);
        assertThat(Files.readString(file).equals(saved)).as("saving the reopened file gives the same text").isTrue();
    }

    @Test
    void theHtmlExportShowsTheMarkerAndTheEscapes() throws Exception {
        Notebook notebook = new Notebook(List.of(new CodeCell("c1", "x").withOutputs(flooded())));
        Path html = dir.resolve("flood.html");
        Exporter.export(notebook, "Flood", "html", html);
        String page = Files.readString(html);
        assertThat(page).contains("lines (").contains("not kept").contains("\\u0000 \\u001B[31mred").doesNotContain("\u0000");
    }

    /** What the document keeps of a million lines, some with a NUL and an escape sequence in them. */
    private static List<Output> flooded() {
        List<Output> kept = List.of();
        for (int batch = 0; batch < 1000; batch++) {
            List<Output> added = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                text.append("line ").append(batch * 1000 + i).append(i % 100 == 0 ? " \u0000 \u001b[31mred\n" : "\n");
            }
            added.add(new Output.Stream(StreamName.STDOUT, text.toString()));
            kept = OutputBudget.DEFAULT.append(kept, added);
        }
        return kept;
    }

    private static String text(List<Output> outputs) {
        StringBuilder text = new StringBuilder();
        outputs.forEach(o -> text.append(o.text()));
        return text.toString();
    }
}
