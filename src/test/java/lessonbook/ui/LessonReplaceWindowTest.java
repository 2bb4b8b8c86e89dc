package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.format.files.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;

/**
 * A teacher renaming a variable across the lesson: Ctrl+H, a replacement, Replace and Replace All from the bar, the
 * editors on screen showing the new text, Z taking it back, and the saved file.
 */
@ExtendWith(ApplicationExtension.class)
class LessonReplaceWindowTest {
    @TempDir
    static Path shared;

    private Path lesson;
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(shared, "replace");
        lesson = dir.resolve("lesson.md");
        LessonFiles.write(lesson, new Notebook(List.of(new MarkdownCell("intro", "# Adding up with COUNT"),
                new CodeCell("a", "int COUNT = 4;"),
                new CodeCell("b", "System.out.println(COUNT * COUNT);"))));
        fixture = NotebookWindowFixture.withTestKernel().open(stage, lesson);
        window = fixture.window();
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void ctrlHReplacesOneMatchThenAllAndZTakesThemBack(FxRobot robot) throws Exception {
        String a = fixture.cellId(1);
        String b = fixture.cellId(2);
        robot.interact(() -> window.view().select(fixture.cellId(0)));
        robot.interact(() -> window.view().requestFocus());

        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        assertThat(window.findBar().isOpen()).isTrue();
        robot.write("COUNT");
        assertThat(window.findBar().countText()).isEqualTo("1 of 4");
        robot.clickOn(".lesson-replace-field").write("TOTAL");
        robot.type(KeyCode.ENTER);   // Enter in the replacement field: Replace, then the next match

        assertThat(window.document().cell(fixture.cellId(0)).source()).isEqualTo("# Adding up with TOTAL");
        assertThat(window.findBar().countText()).isEqualTo("1 of 3");
        assertThat(window.view().selectedId()).isEqualTo(a);
        assertThat(window.findBar().replacedText()).isEqualTo("Replaced 1 in 1 cell (Z takes it back)");

        robot.clickOn("Replace All");
        assertThat(window.findBar().replacedText()).isEqualTo("Replaced 3 in 2 cells (Z takes it back)");
        assertThat(window.findBar().countText()).isEqualTo("No matches");
        assertThat(fixture.code(b).codeEditor().getCodeArea().getText()).as("the editor on screen")
                .isEqualTo("System.out.println(TOTAL * TOTAL);");

        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> window.view().requestFocus());
        robot.type(KeyCode.Z);
        assertThat(window.document().cell(b).source()).isEqualTo("System.out.println(COUNT * COUNT);");
        assertThat(fixture.code(a).codeEditor().getCodeArea().getText()).isEqualTo("int COUNT = 4;");
        assertThat(window.document().cell(fixture.cellId(0)).source()).as("the first Replace is a step of its own")
                .isEqualTo("# Adding up with TOTAL");

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        fixture.waitFor(() -> !window.document().isDirty());
        assertThat(Files.readString(lesson)).contains("# Adding up with TOTAL", "int COUNT = 4;");
    }
}
