package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.RepeatedFrames;

/**
 * An exception's folded frames and its causes print without "at" (see {@link Output.Error#frameLine}); whatever
 * Lessonbook writes from them, it reads back as the same frames: the lesson file, the .ipynb, and lesson files
 * written before, which printed a cause as "at Caused by: ...".
 */
class FoldedFramesRoundTripTest {
    private static final Output.Error ERROR = new Output.Error("java.lang.IllegalStateException", "outer",
            List.of("wrap (#4:2)", Output.Error.CAUSE + "java.lang.StackOverflowError",
                    "countDown (#3:1)", "... the line above, repeated 1,023 more times"));

    @TempDir
    Path dir;

    @Test
    void aLessonFileAndANotebookKeepFoldedFramesAndCauses() throws Exception {
        assertThat(RepeatedFrames.isMarker(ERROR.frames().get(3))).isTrue();
        Notebook notebook = new Notebook(List.of(new MarkdownCell("m1", "# Recursion"),
                new CodeCell("c1", "wrap()", List.of(ERROR), 1, Map.of())));

        for (String name : List.of("saved.md", "saved.ipynb")) {
            Path file = dir.resolve(name);
            LessonFiles.write(file, notebook);
            Notebook again = LessonFiles.read(file);
            assertThat(again.codeCells().get(0).outputs()).as(name).containsExactly(ERROR);
        }
        assertThat(Files.readString(dir.resolve("saved.md")))
                .contains("|        at wrap (#4:2)\n|        Caused by: java.lang.StackOverflowError\n")
                .contains("|        ... the line above, repeated 1,023 more times\n");
    }

    /**
     * Such a block no longer prints back as it was read (a cause now prints without "at"), so the reader keeps it as
     * the text it is, as it does any output it cannot read back exactly: shown, saved again unchanged, nothing lost.
     */
    @Test
    void aLessonWrittenBeforeWithAtCausedByKeepsItsTextAsItWas() throws Exception {
        Path old = dir.resolve("old.md");
        Files.writeString(old, """
                ```java
                wrap()
                ```
                ```output
                |  Exception java.lang.IllegalStateException: outer
                |        at wrap (#4:2)
                |        at Caused by: java.lang.StackOverflowError
                |        at countDown (#3:1)
                ```
                """);

        Notebook read = LessonFiles.read(old);
        String text = read.codeCells().get(0).outputs().stream().map(Output::text).reduce("", String::concat);
        assertThat(text).isEqualTo("""
                |  Exception java.lang.IllegalStateException: outer
                |        at wrap (#4:2)
                |        at Caused by: java.lang.StackOverflowError
                |        at countDown (#3:1)
                """);

        Path again = dir.resolve("again.md");
        LessonFiles.write(again, read);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(old));
    }

    @Test
    void foldingLeavesALongTraceShortOnDisk() throws Exception {
        Output.Error runaway = new Output.Error("java.lang.StackOverflowError", null,
                RepeatedFrames.fold(Collections.nCopies(1024, "countDown (#3:1)")));
        Path file = dir.resolve("runaway.md");
        LessonFiles.write(file, new Notebook(List.of(new CodeCell("c1", "countDown(1)", List.of(runaway), 1, Map.of()))));

        assertThat(Files.readString(file).lines().filter(l -> l.contains("countDown (#3:1)"))).hasSize(1);
        assertThat(LessonFiles.read(file).codeCells().get(0).outputs()).containsExactly(runaway);
    }
}
