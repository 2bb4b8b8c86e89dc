package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.format.files.LessonFiles;
import lessonbook.format.files.RecoveryStore;
import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;

/**
 * Changing a lesson's cells in front of the class: a deleted cell comes back with Z, on screen and in the saved
 * file; cells are cut, copied and pasted; the rest of the lesson runs from the selected cell.
 */
@ExtendWith(ApplicationExtension.class)
class CellEditingWindowTest {
    @TempDir
    static Path shared;
    private Path lesson;
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(shared, "undo");
        lesson = dir.resolve("lesson.md");
        LessonFiles.write(lesson, new Notebook(List.of(new MarkdownCell("intro", "# Undo"),
                new CodeCell("print", "System.out.println(\"answer is \" + (6 * 7));"),
                new CodeCell("after", "int after = 1;"))));
        fixture = NotebookWindowFixture.withTestKernel()
                .recovery(new RecoveryStore(dir.resolve("user-recovery")), Duration.seconds(60)).open(stage, lesson);
        window = fixture.window();
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void zBringsBackADeletedCellWithItsOutputAndTheSaveKeepsIt(FxRobot robot) throws Exception {
        String print = fixture.cellId(1);   // a lesson file's cells get their ids when read
        fixture.run(robot, print);
        fixture.waitFor(() -> fixture.outputShows(print, "answer is 42"));
        robot.interact(() -> window.view().select(print));
        robot.interact(() -> window.view().requestFocus());

        robot.type(KeyCode.D, KeyCode.D);
        assertThat(window.document().indexOf(print)).isEqualTo(-1);
        robot.type(KeyCode.Z);

        assertThat(window.document().indexOf(print)).isEqualTo(1);
        assertThat(window.view().selectedId()).isEqualTo(print);
        assertThat(fixture.outputShows(print, "answer is 42")).isTrue();
        assertThat(window.statusBar().message()).isEqualTo("Undid Delete Cell");

        robot.press(KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT);
        assertThat(window.document().indexOf(print)).isEqualTo(-1);
        assertThat(window.statusBar().message()).isEqualTo("Redid Delete Cell");
        robot.type(KeyCode.Z);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        fixture.waitFor(() -> !window.document().isDirty());
        Notebook saved = LessonFiles.read(lesson);
        assertThat(saved.cells()).extracting(Cell::source).containsExactly("# Undo",
                "System.out.println(\"answer is \" + (6 * 7));", "int after = 1;");
        assertThat(((CodeCell) saved.cells().get(1)).outputText()).isEqualTo("answer is 42\n");
    }

    @Test
    void anUndoThatWouldThrowAwayTypingSaysSoAndChangesNothing(FxRobot robot) throws Exception {
        String after = fixture.cellId(2);
        robot.interact(() -> window.view().select(after));
        robot.interact(() -> window.view().requestFocus());
        robot.type(KeyCode.B);
        String inserted = window.view().selectedId();
        assertThat(window.document().indexOf(inserted)).isEqualTo(3);
        fixture.typeAtEnd(robot, 3, "int typed = 2;");
        robot.type(KeyCode.ESCAPE);

        robot.type(KeyCode.Z);

        assertThat(window.document().cell(inserted).source()).isEqualTo("int typed = 2;");
        assertThat(window.statusBar().message()).isEqualTo("Cannot undo Insert Cell: a cell it changed was edited"
                + " since. Press Z again for the change before it.");
    }

    @Test
    void cAndVPasteACopyWithItsOutputAndXThenVMovesACell(FxRobot robot) throws Exception {
        String print = fixture.cellId(1);
        String after = fixture.cellId(2);
        fixture.run(robot, print);
        fixture.waitFor(() -> fixture.outputShows(print, "answer is 42"));
        robot.interact(() -> window.view().select(print));
        robot.interact(() -> window.view().requestFocus());

        robot.type(KeyCode.C);
        robot.interact(() -> window.view().select(after));
        robot.type(KeyCode.V);

        String copy = window.view().selectedId();
        assertThat(copy).isNotIn(print, after);
        assertThat(window.document().indexOf(copy)).isEqualTo(3);
        assertThat(window.document().cell(copy).source()).isEqualTo(window.document().cell(print).source());
        assertThat(fixture.outputShows(copy, "answer is 42")).isTrue();
        robot.type(KeyCode.Z);
        assertThat(window.document().indexOf(copy)).isEqualTo(-1);
        assertThat(window.statusBar().message()).isEqualTo("Undid Paste Cell");

        robot.interact(() -> window.view().select(print));
        robot.type(KeyCode.X);
        assertThat(window.document().indexOf(print)).isEqualTo(-1);
        assertThat(window.view().selectedId()).isEqualTo(after);
        robot.type(KeyCode.V);
        String pasted = window.view().selectedId();
        robot.press(KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT);

        String printing = "System.out.println(\"answer is \" + (6 * 7));";
        assertThat(window.document().cells()).extracting(lessonbook.model.Cell::source)
                .containsExactly("# Undo", "int after = 1;", printing, printing);
        assertThat(window.document().indexOf(window.view().selectedId())).isEqualTo(2);
        assertThat(window.document().indexOf(pasted)).isEqualTo(3);
        assertThat(pasted).isNotEqualTo(print);
    }

    @Test
    void shiftJSelectsARunThatMovesDeletesAndRunsAsOne(FxRobot robot) throws Exception {
        String intro = fixture.cellId(0);
        String print = fixture.cellId(1);
        String after = fixture.cellId(2);
        robot.interact(() -> window.view().select(intro));
        robot.interact(() -> window.view().requestFocus());

        robot.press(KeyCode.SHIFT, KeyCode.J).release(KeyCode.J).press(KeyCode.J).release(KeyCode.J, KeyCode.SHIFT);
        assertThat(window.view().selectedIds()).containsExactly(intro, print, after);
        assertThat(List.of(intro, print, after)).allMatch(this::markedSelected);
        assertThat(window.document().cell(intro)).as("the type box shows the selection; it changes nothing")
                .isInstanceOf(MarkdownCell.class);
        assertThat(robot.lookup(".cell-type").queryComboBox().getValue()).as("Markdown and code selected").isNull();
        assertThat(window.statusBar().cellCount()).isEqualTo("3 cells · 3 selected");
        robot.press(KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT);
        assertThat(window.view().selectedIds()).containsExactly(intro, print);
        assertThat(markedSelected(after)).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(window.document().cells()).extracting(Cell::id).containsExactly(after, intro, print);
        assertThat(window.view().selectedIds()).as("the moved run stays selected").containsExactly(intro, print);

        robot.type(KeyCode.D, KeyCode.D);
        assertThat(window.document().cells()).extracting(Cell::id).containsExactly(after);
        robot.type(KeyCode.Z);
        assertThat(window.document().cells()).extracting(Cell::id).containsExactly(after, intro, print);
        assertThat(window.statusBar().message()).isEqualTo("Undid Delete 2 Cells");

        robot.interact(() -> window.view().select(after));
        robot.press(KeyCode.SHIFT).clickOn(fixture.code(print)).release(KeyCode.SHIFT);
        assertThat(window.view().selectedIds()).containsExactly(after, intro, print);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        fixture.waitFor(() -> fixture.outputShows(print, "answer is 42"));
        assertThat(((CodeCell) window.document().cell(after)).executionCount()).isEqualTo(1);
        assertThat(((CodeCell) window.document().cell(print)).executionCount()).isEqualTo(2);
        robot.type(KeyCode.J);
        assertThat(window.view().selectedIds()).as("J selects one cell again").hasSize(1);
        assertThat(window.statusBar().cellCount()).isEqualTo("3 cells");
    }

    private boolean markedSelected(String cellId) {
        return window.view().view(cellId).getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("selected"));
    }

    @Test
    void aLessonOpensAgainAtTheCellWhereItWasLeft(FxRobot robot) throws Exception {
        robot.interact(() -> window.view().select(fixture.cellId(2)));

        robot.interact(() -> window.open(lesson));

        fixture.waitFor(() -> window.view().selectedIndex() == 2);
        assertThat(window.statusBar().message()).isEqualTo("Back at cell 3 of 3, where this lesson was left (K or "
                + "the Outline goes up)");
        robot.interact(() -> window.view().select(fixture.cellId(1)));
        robot.interact(() -> window.open(lesson));
        fixture.waitFor(() -> window.view().selectedIndex() == 1);
        assertThat(window.statusBar().message()).startsWith("Back at cell 2 of 3");
    }

    @Test
    void hiddenCodeShowsALineInsteadRunsAsItIsAndEnterShowsItAgain(FxRobot robot) throws Exception {
        String print = fixture.cellId(1);
        robot.interact(() -> window.view().select(print));
        robot.interact(() -> window.view().requestFocus());

        robot.clickOn("View").clickOn("Hide or Show Cell Code");

        assertThat(((CodeCell) window.document().cell(print)).sourceHidden()).isTrue();
        assertThat(fixture.code(print).hiddenCodeText()).isEqualTo("Code hidden (1 line): a click shows it");
        assertThat(fixture.code(print).solutionShown()).isFalse();
        fixture.run(robot, print);
        fixture.waitFor(() -> fixture.outputShows(print, "answer is 42"));
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        fixture.waitFor(() -> !window.document().isDirty());
        assertThat(Files.readString(lesson)).contains("```java input=hidden\nSystem.out.println(");

        robot.interact(() -> window.view().select(print));
        robot.interact(() -> window.view().requestFocus());
        robot.type(KeyCode.ENTER);
        assertThat(((CodeCell) window.document().cell(print)).sourceHidden()).as("Enter shows it to edit").isFalse();
        assertThat(fixture.code(print).solutionShown()).isTrue();
        assertThat(window.view().isEditing()).isTrue();
    }

    @Test
    void theEditMenuMakesAnExerciseAndItsChecksThatTheFileKeeps(FxRobot robot) throws Exception {
        String print = fixture.cellId(1);
        String after = fixture.cellId(2);
        robot.interact(() -> window.view().select(after));
        robot.clickOn("Edit").clickOn("Make Checks");
        assertThat(window.statusBar().message()).startsWith("Checks check the exercise above them");

        robot.interact(() -> window.view().select(print));
        robot.clickOn("Edit").clickOn("Make Exercise");
        assertThat(fixture.code(print).checkButton().isVisible()).isTrue();
        assertThat(window.statusBar().message()).startsWith("Exercise exercise-1: put the solution between");
        robot.interact(() -> window.view().select(after));
        robot.clickOn("Edit").clickOn("Make Checks");

        assertThat(((CodeCell) window.document().cell(after)).role())
                .isEqualTo(lessonbook.model.CellRole.check("exercise-1", 1));
        assertThat(fixture.code(after).editable()).as("a new view, locked as checks are").isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        fixture.waitFor(() -> !window.document().isDirty());
        assertThat(Files.readString(lesson)).contains("```java exercise\nSystem.out.println(")
                .contains("```java check\nint after = 1;");
    }

    @Test
    void runSelectedCellAndAllBelowLeavesTheCellsAboveAsTheyWere(FxRobot robot) throws Exception {
        String print = fixture.cellId(1);
        String after = fixture.cellId(2);
        robot.interact(() -> window.view().select(after));

        robot.clickOn("Run").clickOn("Run Selected Cell and All Below");

        fixture.waitFor(() -> fixture.shownState(after) == lessonbook.model.CellState.DONE);
        assertThat(((CodeCell) window.document().cell(after)).executionCount()).isEqualTo(1);
        assertThat(((CodeCell) window.document().cell(print)).executionCount()).isNull();
        assertThat(fixture.code(print).hasOutputPane()).isFalse();
    }

    @Test
    void ctrlFFindsTextInEveryCellAndSelectsItWhileTheKeyboardStaysInTheBar(FxRobot robot) throws Exception {
        String print = fixture.cellId(1);
        robot.interact(() -> window.view().select(fixture.cellId(0)));
        robot.interact(() -> window.view().requestFocus());

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(window.findBar().isOpen()).isTrue();
        robot.write("ANSWER");

        assertThat(window.findBar().countText()).isEqualTo("1 of 1");
        assertThat(window.view().selectedId()).isEqualTo(print);
        assertThat(fixture.code(print).codeEditor().getCodeArea().getSelectedText()).isEqualTo("answer");
        assertThat(robot.lookup(".cell-type").queryComboBox().getValue()).isEqualTo("Code");

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("add dd");
        assertThat(window.findBar().countText()).isEqualTo("No matches");
        assertThat(window.document().cells()).hasSize(3);   // the D,D typed in the bar deleted nothing

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("t");
        assertThat(window.findBar().countText()).isEqualTo("1 of 5");
        robot.type(KeyCode.ENTER);
        assertThat(window.findBar().countText()).isEqualTo("2 of 5");
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        assertThat(window.findBar().countText()).isEqualTo("5 of 5");
        assertThat(window.view().selectedId()).isEqualTo(fixture.cellId(2));

        robot.type(KeyCode.ESCAPE);
        assertThat(window.findBar().isOpen()).isFalse();
        assertThat(window.view().isEditing()).isFalse();
    }

    @Test
    void theOutlineListsTheHeadingsGoesToOneOnClickAndMarksTheSelectedCellsSection(FxRobot robot) throws Exception {
        String after = fixture.cellId(2);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(window.outline().isShown()).isTrue();
        assertThat(window.outline().entries()).extracting(lessonbook.format.LessonOutline.Entry::text)
                .containsExactly("Undo");

        robot.interact(() -> window.document().insertCell(2,
                new MarkdownCell("later", "## Later on\n\nText.")));
        fixture.waitFor(() -> window.outline().entries().size() == 2);
        robot.interact(() -> window.view().select(after));
        assertThat(window.outline().marked().text()).isEqualTo("Later on");

        robot.clickOn("Undo");
        assertThat(window.view().selectedId()).isEqualTo(fixture.cellId(0));

        robot.interact(window::toggleVariables);
        robot.interact(window::togglePresenter);
        assertThat(window.outline().isShown()).isFalse();
        assertThat(window.variables().isShown()).isFalse();
        robot.interact(window::togglePresenter);
        assertThat(window.outline().isShown()).isTrue();
        assertThat(window.variables().isShown()).isTrue();
    }

    @Test
    void theViewComesBackAsTheTeacherLeftItAndEachChangeIsSavedButNotPresentersFont(FxRobot robot) {
        List<ViewSettings> saved = new java.util.ArrayList<>();
        robot.interact(() -> window.restoreView(new ViewSettings(21, true, true, false), saved::add));

        assertThat(window.appearance().zoomPercent()).isEqualTo(150);
        assertThat(window.appearance().isDark()).isTrue();
        assertThat(window.outline().isShown()).isTrue();
        assertThat(window.variables().isShown()).isFalse();
        assertThat(saved).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        robot.interact(window::toggleVariables);
        assertThat(saved).containsExactly(new ViewSettings(Appearance.BASE_FONT, true, true, false),
                new ViewSettings(Appearance.BASE_FONT, true, true, true));

        robot.interact(window::togglePresenter);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.interact(window::togglePresenter);
        assertThat(saved).hasSize(2);
    }

    @Test
    void oHidesACellsOutputARunKeepsItHiddenTheFileKeepsItAndAClickShowsIt(FxRobot robot) throws Exception {
        String print = fixture.cellId(1);
        fixture.run(robot, print);
        fixture.waitFor(() -> fixture.outputShows(print, "answer is 42"));
        robot.interact(() -> window.view().select(print));
        robot.interact(() -> window.view().requestFocus());

        robot.type(KeyCode.O);

        assertThat(fixture.code(print).outputHidden()).isTrue();
        assertThat(fixture.code(print).outputs().getParent().isVisible()).isFalse();
        assertThat(robot.lookup(".output-hidden-by-user").queryLabeled().isVisible()).isTrue();
        fixture.run(robot, print);
        fixture.waitFor(() -> fixture.shownState(print) == lessonbook.model.CellState.DONE);
        assertThat(fixture.code(print).outputs().getParent().isVisible()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        fixture.waitFor(() -> !window.document().isDirty());
        assertThat(Files.readString(lesson)).as("the file keeps it hidden")
                .contains("```java output=hidden\nSystem.out.println(");
        Notebook reopened = LessonFiles.read(lesson);
        robot.interact(() -> window.document().replace(reopened, lesson));
        String again = reopened.cells().get(1).id();
        assertThat(fixture.code(again).outputHidden()).as("opens hidden").isTrue();
        assertThat(robot.lookup(".output-hidden-by-user").queryLabeled().isVisible()).isTrue();

        robot.clickOn(".output-hidden-by-user");
        assertThat(fixture.code(again).outputHidden()).isFalse();
        assertThat(((CodeCell) window.document().cell(again)).outputHidden()).isFalse();
        assertThat(fixture.code(again).outputs().getParent().isVisible()).isTrue();
        assertThat(robot.lookup(".output-hidden-by-user").queryLabeled().isVisible()).isFalse();
        assertThat(((CodeCell) window.document().cell(again)).outputText()).isEqualTo("answer is 42\n");
        assertThat(window.document().isDirty()).isTrue();
    }
}
