package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.format.files.LessonFiles;
import lessonbook.format.files.RecoveryStore;
import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.testkit.Await;
import lessonbook.testkit.Fx;

/**
 * The fuzz corpus of malformed and hostile files (src/test/resources/hostile, as HostileFilesTest runs and exports
 * them; plus the big ones found by trying, made here) opened in the window as File > Open does, over a lesson
 * with unsaved edits whose user answers "Don't Save". Each ends within {@link #BOUND} in a clear message shown to
 * the user (no stack trace in it) or in the notebook opened; the window answers at once afterwards; and a file
 * that is refused leaves the lesson with its edits, still unsaved, in the window.
 */
@ExtendWith(ApplicationExtension.class)
class HostileFilesWindowTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    static Path shared;
    private Path dir;
    private Path lesson;
    private final PathDialogs dialogs = new PathDialogs();
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    /** The files the readers refuse (with a reason); the others open, however odd (see HostileFilesTest). */
    private static final Set<String> REFUSED = Set.of("array.ipynb", "binary.md", "cells-not-list.ipynb",
            "truncated.ipynb", "unclosed-fence.md", "wrong-types.ipynb");

    static Stream<String> corpus() {
        return Stream.of("array.ipynb", "bad-output.ipynb", "binary.md", "cells-not-list.ipynb", "links.ipynb",
                "odd-output.md", "truncated.ipynb", "unclosed-fence.md", "wrong-types.ipynb", "workers-overflow.md",
                "workers-huge-seconds.md", "generated:quadratic.md", "generated:deep.md", "generated:long-code.md",
                "generated:long-prose.md", "generated:long-line.md");
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(shared, "hostile");
        lesson = dir.resolve("lesson.md");
        LessonFiles.write(lesson, new Notebook(List.of(new MarkdownCell("intro", "# Mine"),
                new CodeCell("code", "int mine = 1;"))));
        fixture = NotebookWindowFixture.withKernel(new ScriptedKernel()).dialogs(dialogs)
                .recovery(new RecoveryStore(dir.resolve("recovery")), javafx.util.Duration.minutes(10))
                .open(stage, lesson);
        window = fixture.window();
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void opensOrIsRefusedClearlyAndTheLessonWithUnsavedEditsIsKept(String name, FxRobot robot) throws Exception {
        Path file = corpusFile(name);
        String code = fixture.cellId(1);
        robot.interact(() -> window.document().editSource(code, "int mine = 2; // not saved"));
        assertThat(window.document().isDirty()).isTrue();
        dialogs.open = file;

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        Await.until("the question about unsaved changes", BOUND,
                () -> robot.lookup("Don't Save").tryQuery().isPresent());
        long start = System.nanoTime();
        robot.clickOn("Don't Save");
        String refusal = "Could not open " + file.getFileName();
        Await.until("an error shown or " + file.getFileName() + " opened", BOUND,
                () -> robot.lookup(refusal).tryQuery().isPresent() || file.equals(Fx.onFx(() -> window.document().file())));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("open of " + name).isLessThan(BOUND);

        Optional<DialogPane> error = robot.lookup(".dialog-pane").tryQueryAs(DialogPane.class)
                .filter(pane -> refusal.equals(pane.getHeaderText()));
        assertThat(error.isPresent()).as(name + " refused").isEqualTo(REFUSED.contains(name));
        if (error.isPresent()) {
            String message = Fx.onFx(() -> error.get().getContentText());
            assertThat(message).as(name + ": the reason, said plainly").isNotBlank()
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("java.")
                    .doesNotContain("[Source:").contains(file.getFileName().toString());
            robot.clickOn("OK");
            assertThat(window.document().file()).isEqualTo(lesson);
            assertThat(window.document().cells()).extracting(Cell::source)
                    .containsExactly("# Mine", "int mine = 2; // not saved");
            assertThat(window.document().isDirty()).as("the edits are still unsaved, not lost").isTrue();
        } else {
            assertThat(window.document().file()).isEqualTo(file);
            assertThat(window.stage().getTitle()).contains(file.getFileName().toString());
            assertThat(window.view().cellViews()).hasSameSizeAs(window.document().cells());
        }

        long answered = System.nanoTime();
        Fx.onFx(() -> window.view().cellViews().size());
        assertThat(Duration.ofNanos(System.nanoTime() - answered)).as("the window answers after " + name)
                .isLessThan(Duration.ofSeconds(2));
    }

    private Path corpusFile(String name) throws Exception {
        if (name.equals("generated:quadratic.md")) {
            // 20,000 lines that look like diagnostics: parsing them once took a minute (issue 12)
            return Files.writeString(dir.resolve("quadratic.md"), "```java\nint x = 1;\n```\n\n```output\n"
                    + "|  Error at line 01, column 1:\n".repeat(20_000) + "```\n", StandardCharsets.UTF_8);
        }
        if (name.equals("generated:deep.md")) {
            // 2,000 levels of quote, list and emphasis: once a StackOverflowError that kept the app from starting
            return Files.writeString(dir.resolve("deep.md"), "> ".repeat(2000) + "quoted\n\n" + "- ".repeat(2000)
                    + "listed\n\n" + "*".repeat(2000) + "emphasised" + "*".repeat(2000) + "\n\n```java\nint x = 1;\n```\n",
                    StandardCharsets.UTF_8);
        }
        if (name.equals("generated:long-code.md")) {
            // one code cell of 30,000 pasted lines: the editor grew to all of them, a node each, and froze the window
            return Files.writeString(dir.resolve("long-code.md"), "# Pasted\n\n```java\n"
                    + "int v = 1; // a line of pasted data\n".repeat(30_000) + "```\n", StandardCharsets.UTF_8);
        }
        if (name.equals("generated:long-line.md")) {
            // a string of 2 million characters pasted into one line: laying it out kept the window from answering
            return Files.writeString(dir.resolve("long-line.md"), "# Pasted\n\n```java\nString data = \""
                    + "x".repeat(2_000_000) + "\";\n```\n", StandardCharsets.UTF_8);
        }
        if (name.equals("generated:long-prose.md")) {
            // one prose cell of 20,000 paragraphs: the window never appeared
            return Files.writeString(dir.resolve("long-prose.md"), "# Pasted\n\n"
                    + "A paragraph with *emphasis* and `code`.\n\n".repeat(20_000) + "```java\nint x = 1;\n```\n",
                    StandardCharsets.UTF_8);
        }
        Path file = dir.resolve(name);
        try (InputStream in = HostileFilesWindowTest.class.getResourceAsStream("/hostile/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
