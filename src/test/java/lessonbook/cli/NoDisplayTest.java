package lessonbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the app where no window can open (a server, a CI machine): one clear paragraph and exit code 1. */
class NoDisplayTest {
    @TempDir
    Path dir;

    @Test
    void theAppWithoutADisplaySaysWhyAndWhatToDoInsteadOfAStackTrace() throws Exception {
        Path lesson = Files.writeString(dir.resolve("lesson.md"), "# A lesson\n\n```java\n1 + 1\n```\n");

        LessonbookCli.Run run = LessonbookCli.runWithoutDisplay(dir, lesson.toString());

        assertEquals(1, run.exitCode(), run.stderr());
        // without a display, or on a machine without GTK: either way the user is told which and what to do
        assertTrue(run.stderr().contains("Lessonbook cannot open its window: "), run.stderr());
        assertTrue(run.stderr().contains("`lessonbook run FILE` runs a lesson"), run.stderr());
        assertFalse(run.stderr().contains("\tat "), "no stack trace: " + run.stderr());
        assertEquals(Files.readString(lesson), "# A lesson\n\n```java\n1 + 1\n```\n", "the lesson is untouched");
    }
}
