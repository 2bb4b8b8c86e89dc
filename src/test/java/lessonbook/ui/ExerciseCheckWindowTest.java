package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.model.CellRole;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/**
 * The Check button with a real kernel: each check shows passed or failed with its values; an exercise that
 * calls System.exit does not break the next one (the lesson's plain cells run again on the fresh kernel); the
 * teacher hides and shows the solutions and checks, in presenter mode too.
 */
@ExtendWith(ApplicationExtension.class)
class ExerciseCheckWindowTest {
    @org.junit.jupiter.api.io.TempDir
    static Path shared;
    private final PathDialogs dialogs = new PathDialogs();
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) {
        Notebook lesson = new Notebook(List.of(
                new CodeCell("setup", "int base = 20;"),
                exercise("exits", "int twice(int x) {\n    System.exit(1);\n    return 0;\n}", "twice"),
                check("exits-check", "Check.equal(\"twice(21)\", 42, twice(21));", "twice"),
                exercise("plus", "int plusBase(int x) {\n    // BEGIN SOLUTION\n    return x + 1;\n"
                        + "    // END SOLUTION\n}", "plus-base"),
                check("plus-check", "Check.equal(\"plusBase(1)\", 21, plusBase(1));\n"
                        + "Check.that(\"plusBase(0) is base\", plusBase(0) == base);", "plus-base")));
        fixture = NotebookWindowFixture.withTestKernel().dialogs(dialogs).show(stage, lesson, Path.of("exercises.md"));
        window = fixture.window();
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void checkShowsEachResultAndAnExitingExerciseDoesNotBreakTheNext(FxRobot robot) throws Exception {
        fixture.run(robot, "setup");
        fixture.waitFor(() -> fixture.shownState("setup") == CellState.DONE);
        assertThat(fixture.code("plus").checkButton().isVisible()).isTrue();
        assertThat(fixture.code("setup").checkButton()).isNull();

        robot.clickOn(fixture.code("plus").checkButton());
        fixture.waitFor(() -> fixture.shownState("plus-check") == CellState.DONE);
        assertThat(fixture.code("plus-check").outputs().visibleText())
                .isEqualTo("[failed] plusBase(1): expected 21 but was 2\n[failed] plusBase(0) is base");

        robot.clickOn(fixture.code("exits").checkButton());
        fixture.waitFor(() -> fixture.code("exits-check").hasOutputPane()
                && fixture.code("exits-check").outputs().visibleText().contains("System.exit(1)"));

        robot.interact(() -> window.document().editSource("plus", "int plusBase(int x) {\n    // BEGIN SOLUTION\n"
                + "    return x + base;\n    // END SOLUTION\n}"));
        robot.clickOn(fixture.code("plus").checkButton());
        fixture.waitFor(() -> fixture.outputShows("plus-check", "[passed] plusBase(1): 21\n[passed] plusBase(0) is base"));
        assertThat(fixture.shownState("setup")).isEqualTo(CellState.DONE);

        robot.interact(window::toggleSolutions);
        assertThat(fixture.code("plus").solutionShown()).isFalse();
        assertThat(fixture.code("plus").hiddenCodeText()).contains("// YOUR CODE HERE").doesNotContain("x + base");
        assertThat(fixture.code("plus-check").solutionShown()).isFalse();
        assertThat(fixture.code("plus-check").outputs().visibleText()).contains("[passed] plusBase(1): 21");
        assertThat(fixture.code("setup").solutionShown()).isTrue();
        assertThat(window.document().cell("plus").source()).contains("x + base");

        robot.interact(window::togglePresenter);
        robot.press(KeyCode.F6).release(KeyCode.F6);
        assertThat(fixture.code("plus").solutionShown()).isTrue();
        robot.press(KeyCode.F6).release(KeyCode.F6);
        assertThat(fixture.code("plus-check").solutionShown()).isFalse();
        robot.interact(window::togglePresenter);
    }

    @Test
    void findInLessonLeavesOutTheSolutionsWhileTheyAreHidden(FxRobot robot) {
        robot.interact(() -> window.view().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("plusBase(");
        assertThat(window.findBar().countText()).isEqualTo("1 of 5");

        robot.interact(window::toggleSolutions);
        robot.interact(() -> window.view().select("setup"));
        robot.interact(() -> window.findBar().open());

        assertThat(window.findBar().countText()).isEqualTo("No matches");
        assertThat(window.view().selectedId()).isEqualTo("setup");
    }

    @Test
    void fileExportStudentsCopyWritesTheLessonWithItsSolutionsReplacedAndLeavesTheTeachersAsItIs(FxRobot robot)
            throws Exception {
        Path out = java.nio.file.Files.createTempDirectory(shared, "copy").resolve("exercises-student.md");
        dialogs.export = out;

        robot.clickOn("File").clickOn("Export Students' Copy\u2026");

        fixture.waitFor(() -> window.statusBar().message().startsWith("Wrote"));
        assertThat(window.statusBar().message())
                .isEqualTo("Wrote the students' copy (2 exercises, solutions replaced) to " + out);
        Notebook student = lessonbook.format.files.LessonFiles.read(out);
        String plus = student.codeCells().stream().map(CodeCell::source).filter(s -> s.contains("plusBase"))
                .findFirst().orElseThrow();
        assertThat(plus).contains("YOUR CODE HERE").doesNotContain("return x + 1");
        assertThat(window.document().cell("plus").source()).contains("return x + 1");
    }

    private static CodeCell exercise(String id, String source, String exercise) {
        return new CodeCell(id, source, List.of(), null, Map.of()).withRole(CellRole.exercise(exercise));
    }

    private static CodeCell check(String id, String source, String exercise) {
        return new CodeCell(id, source, List.of(), null, Map.of()).withRole(CellRole.check(exercise, 1));
    }
}
