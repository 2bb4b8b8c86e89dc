package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.kernel.client.KernelStatus;
import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/** View ▸ Variables with the real kernel: renewed after each run, emptied by a restart. */
@ExtendWith(ApplicationExtension.class)
class VariablesWindowTest {
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) {
        fixture = NotebookWindowFixture.withTestKernel().show(stage, new Notebook(List.of(
                new CodeCell("define", "List<Long> results = new ArrayList<>(List.of(55L, 210L));"),
                new CodeCell("grow", "results.add(465L);\nint count = results.size();"))), Path.of("vars.md"));
        window = fixture.window();
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void thePanelShowsEachVariableAfterTheCellThatChangedItAndNoneAfterARestart(FxRobot robot) throws Exception {
        robot.interact(window::toggleVariables);
        assertThat(window.variables().isShown()).isTrue();

        fixture.run(robot, "define");
        fixture.waitFor(() -> window.variables().rows().equals(List.of(
                new KernelEvent.Variable("results", "List<Long>", "ArrayList {55, 210}", "In [1], line 1"))));
        fixture.run(robot, "grow");
        fixture.waitFor(() -> window.variables().rows().equals(List.of(
                new KernelEvent.Variable("results", "List<Long>", "ArrayList {55, 210, 465}", "In [1], line 1"),
                new KernelEvent.Variable("count", "int", "3", "In [2], line 2"))));

        robot.interact(() -> window.view().select("define"));
        robot.doubleClickOn("count");
        assertThat(window.view().selectedId()).isEqualTo("grow");

        robot.interact(window.session()::restart);
        fixture.waitFor(() -> window.session().status() == KernelStatus.IDLE);
        fixture.waitFor(() -> window.variables().rows().isEmpty());
    }
}
