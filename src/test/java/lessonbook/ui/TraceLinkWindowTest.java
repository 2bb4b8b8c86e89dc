package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;

/**
 * A stack trace in a cell's output names the cells its frames are in, as the screen labels them
 * ({@code at half (In [1], line 3)}), and a click on such a frame takes the student to that line of that cell:
 * the real kernel's trace, clicked as a user clicks it.
 */
@ExtendWith(ApplicationExtension.class)
class TraceLinkWindowTest {
    private NotebookWindowFixture fixture;

    @Start
    void start(Stage stage) {
        List<lessonbook.model.Cell> cells = List.of(
                new CodeCell("half", "// halves an even number\nint half(int x) {\n"
                        + "    if (x % 2 != 0) throw new IllegalArgumentException(\"odd: \" + x);\n    return x / 2;\n}"),
                new MarkdownCell("prose", "Some prose between the cells."),
                new CodeCell("calls", "int a = half(10);\nint b = half(a);\nSystem.out.println(a + \" \" + b);"));
        fixture = NotebookWindowFixture.withTestKernel().show(stage, new Notebook(cells), Path.of("traces.md"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void clickingAFrameSelectsTheCellItNamesWithTheCaretOnTheLine(FxRobot robot) throws Exception {
        runTheMethodThenItsCaller(robot);
        int defined = executionCount("half");
        assertThat(fixture.window().shownOutput("calls")).contains("at half (In [" + defined + "], line 3)")
                .contains("at (In [" + executionCount("calls") + "], line 2)");

        robot.clickOn(frameRow(robot, "at half ("));

        fixture.waitFor(() -> "half".equals(fixture.window().view().selectedId())
                && fixture.code("half").isEditing());
        String source = fixture.code("half").editor().text();
        int caret = fixture.code("half").editor().caretPosition();
        assertThat(source.substring(0, caret).split("\n", -1)).as("the caret is on line 3").hasSize(3);
        assertThat(source.substring(caret)).startsWith("if (x % 2 != 0)");
    }

    /** The cell ran again since: its old number names nothing now, and the status bar says so. */
    @Test
    void aFrameWhoseCellRanAgainSaysSoInsteadOfGoingAnywhere(FxRobot robot) throws Exception {
        runTheMethodThenItsCaller(robot);
        int before = executionCount("half");
        fixture.run(robot, "half");
        fixture.waitFor(() -> executionCount("half") != before && fixture.shownState("half") == CellState.DONE);
        robot.interact(() -> fixture.window().view().select("prose"));

        robot.clickOn(frameRow(robot, "at half ("));

        fixture.waitFor(() -> fixture.window().statusBar().message().startsWith("No cell shows In [" + before + "]"));
        // the click selects the cell it landed in, as any click does, and goes nowhere else
        assertThat(fixture.window().view().selectedId()).isEqualTo("calls");
        assertThat(fixture.code("half").isEditing()).isFalse();
    }

    /** Runs "half", then "calls", whose second call throws in "half". */
    private void runTheMethodThenItsCaller(FxRobot robot) {
        fixture.run(robot, "half");
        fixture.waitFor(() -> fixture.shownState("half") == CellState.DONE);
        fixture.run(robot, "calls");
        fixture.waitFor(() -> fixture.shownState("calls") == CellState.ERROR);
    }

    private int executionCount(String cellId) {
        Integer count = ((CodeCell) fixture.window().document().cell(cellId)).executionCount();
        return count == null ? -1 : count;
    }

    /** The drawn output row that starts with {@code start} (after its indent), once the list has drawn it. */
    private Node frameRow(FxRobot robot, String start) {
        java.util.function.Supplier<java.util.Optional<Node>> row = () -> robot.lookup(".out-frame-link").queryAll()
                .stream().filter(n -> ((ListCell<?>) n).getText() != null
                        && ((ListCell<?>) n).getText().strip().startsWith(start)).findFirst();
        fixture.waitFor(() -> row.get().isPresent());
        return row.get().orElseThrow();
    }
}
