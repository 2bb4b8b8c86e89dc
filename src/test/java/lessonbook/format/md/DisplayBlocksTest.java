package lessonbook.format.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.LessonFiles;
import lessonbook.format.text.OutputBlocks;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/** Tables, charts and worker timelines saved in a lesson next to the cell's output block. */
class DisplayBlocksTest {
    private static final Output.Table TABLE = new Output.Table("Timings", List.of("strategy", "seconds"),
            List.of(List.of("sequential", "2.97"), List.of("pool", "1.52")));
    private static final Output.Chart CHART = new Output.Chart(Output.Chart.Kind.BAR, "Time per strategy", "",
            "seconds", List.of(new Output.Chart.Series("", List.of(new Output.Chart.Point("sequential", 2.97),
            new Output.Chart.Point("pool", 1.52)))));
    private static final List<Output> WORKERS = List.of(
            new Output.WorkerEvent("worker-1", 4101, Output.WorkerEvent.Phase.STARTED, 1_764_468_600_000L, null, 0),
            new Output.WorkerEvent("worker-1", 4101, Output.WorkerEvent.Phase.EXITED, 1_764_468_601_250L, 0, 1200));

    @TempDir
    Path dir;

    @Test
    void richOutputsAreWrittenInTheirOwnBlocksAndReadBackEqual() throws Exception {
        Path file = dir.resolve("lesson.md");
        CodeCell cell = new CodeCell("c1", "Display.table(...);", List.of(
                new Output.Stream(StreamName.STDOUT, "done\n"), TABLE, CHART, WORKERS.get(0), WORKERS.get(1)),
                1, java.util.Map.of());

        LessonFiles.write(file, new Notebook(List.of(new MarkdownCell("m1", "# Timings"), cell)));
        String text = Files.readString(file);
        Notebook reread = LessonFiles.read(file);

        assertThat(text).isEqualTo("# Timings\n\n```java\nDisplay.table(...);\n```\n```output\ndone\n```\n"
                + "```table\n" + OutputBlocks.body(TABLE) + "```\n```chart\n" + OutputBlocks.body(CHART) + "```\n"
                + "```workers\n" + OutputBlocks.workersBody(WORKERS) + "```\n");
        assertThat(((CodeCell) reread.cells().get(1)).outputs()).containsExactly(
                new Output.Stream(StreamName.STDOUT, "done\n"), TABLE, CHART, WORKERS.get(0), WORKERS.get(1));
        LessonFiles.write(file, reread);
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void handFormattedBlocksSurviveAnUneditedSaveAndARerunWithEqualResults() throws Exception {
        Path file = dir.resolve("lesson.md");
        String text = "```java\nshow();\n```\n\n```table\n" + OutputBlocks.body(TABLE) + "```\n\n\n"
                + "~~~~chart\n" + OutputBlocks.body(CHART) + "~~~~\n\nAfter.\n";
        Files.writeString(file, text);

        Notebook notebook = LessonFiles.read(file);
        CodeCell cell = (CodeCell) notebook.cells().get(0);
        LessonFiles.write(file, notebook.map(cell.id(), c -> ((CodeCell) c).withOutputs(List.of(TABLE, CHART))));

        assertThat(cell.outputs()).containsExactly(TABLE, CHART);
        assertThat(notebook.cells()).hasSize(2);
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void aMalformedBlockIsKeptAsTextWithANote() throws Exception {
        Path file = dir.resolve("broken.md");
        String text = "```java\nshow();\n```\n```output\nok\n```\n```chart\nnot a chart at all\n```\n";
        Files.writeString(file, text);

        Notebook notebook = LessonFiles.read(file);

        assertThat(((CodeCell) notebook.cells().get(0)).outputs())
                .containsExactly(new Output.Stream(StreamName.STDOUT, "ok\n"));
        assertThat(notebook.cells().get(1).source()).isEqualTo("```chart\nnot a chart at all\n```");
        assertThat(notebook.notes()).singleElement().asString().startsWith("broken.md, line 7: the chart block")
                .endsWith("it is kept as text.");
        LessonFiles.write(file, notebook);
        assertThat(Files.readString(file)).isEqualTo(text);
    }
}
