package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.ui.output.InputField;

/**
 * A cell that reads System.in in the window, as in Jupyter: a field appears in its output, focused; what the user
 * types and sends with Enter is echoed into the output and read by the cell; Interrupt ends the wait.
 */
@ExtendWith(ApplicationExtension.class)
class CellInputWindowTest {
    private NotebookWindowFixture fixture;

    @Start
    void start(Stage stage) {
        List<lessonbook.model.Cell> cells = List.of(new CodeCell("ask", """
                Scanner in = new Scanner(System.in);
                System.out.print("Your name? ");
                String name = in.nextLine();
                System.out.println("Hello, " + name + "!");"""));
        fixture = NotebookWindowFixture.withTestKernel().show(stage, new Notebook(cells), Path.of("stdin.md"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theLineTypedIntoTheFieldIsEchoedAndReadByTheCell(FxRobot robot) throws Exception {
        fixture.run(robot, "ask");
        fixture.waitFor(() -> inputField() != null && inputField().isFocused());
        assertThat(fixture.window().shownOutput("ask")).isEqualTo("Your name? ");

        // Clicked as a user would: keys go to the focused window, and a window left by an earlier test may hold it.
        robot.clickOn(inputField());
        robot.write("Ada");
        fixture.waitFor(() -> "Ada".equals(inputField().getText()));
        robot.type(KeyCode.ENTER);

        fixture.waitFor(() -> fixture.shownState("ask") == CellState.DONE);
        fixture.waitFor(() -> fixture.outputShows("ask", "Your name? Ada\nHello, Ada!"));
        assertThat(inputField()).isNull();
    }

    @Test
    void interruptWhileTheCellWaitsEndsTheRunAndTakesTheFieldAway(FxRobot robot) throws Exception {
        fixture.run(robot, "ask");
        fixture.waitFor(() -> inputField() != null);

        robot.interact(fixture.window()::interruptKernel);

        fixture.waitFor(() -> fixture.shownState("ask") == CellState.INTERRUPTED);
        fixture.waitFor(() -> inputField() == null);
        // "Interrupted." or, when the niced kernel of a loaded machine answers later than the 1 s grace, the
        // restart notice: which one is the kernel's business (CellStdinTest shows the wait ends in place)
        assertThat(fixture.window().shownOutput("ask")).startsWith("Your name? \n");
    }

    private TextField inputField() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            if (!fixture.code("ask").hasOutputPane()) {
                return null;
            }
            javafx.scene.Node node = fixture.code("ask").outputs().lookup("." + InputField.FIELD_STYLE_CLASS);
            return node instanceof TextField field ? field : null;
        }).get(10, TimeUnit.SECONDS);
    }
}
