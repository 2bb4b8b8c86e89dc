package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Outputs the real kernel cannot be asked for on demand (worker lines before workers land, set stack frames). */
@ExtendWith(ApplicationExtension.class)
class ScriptedKernelOutputTest {
    private NotebookWindowFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = NotebookWindowFixture.withKernel(new ScriptedKernel()).waitingUpTo(20)
                .show(stage, SevenCellLesson.notebook(), SevenCellLesson.FILE);
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void workerLinesLandTaggedInTheirCellAndCanBeFiltered(FxRobot robot) throws Exception {
        fixture.run(robot, "workers");
        fixture.waitFor(() -> fixture.code("workers").hasOutputPane()
                && fixture.code("workers").outputs().lines().size() == 3);
        assertThat(fixture.code("workers").outputs().visibleText())
                .isEqualTo("[alpha 101] hi from alpha\n[beta 202] hi from beta\n[alpha 101] bye");
        assertThat(fixture.code("workers").outputs().workers()).containsExactly("alpha 101", "beta 202");
        assertThat(fixture.code("workers").outputs().lines().get(0).styleClass()).contains("out-worker-0");
        assertThat(fixture.code("workers").outputs().lines().get(1).styleClass()).contains("out-worker-1");
        robot.interact(() -> fixture.code("workers").outputs().showOnlyWorker("beta 202"));
        assertThat(fixture.code("workers").outputs().visibleText()).isEqualTo("[beta 202] hi from beta");
        assertThat(fixture.code("hello").hasOutputPane()).isFalse();
    }

    @Test
    void stackFramesCollapseWhenTheHeaderIsClicked(FxRobot robot) throws Exception {
        fixture.run(robot, "boom");
        fixture.waitFor(() -> fixture.code("boom").hasOutputPane()
                && fixture.code("boom").outputs().lines().size() == 4);
        assertThat(fixture.code("boom").outputs().visibleText()).contains("at g (#1:5)");
        // The rows exist in the model first; the list makes their cells on its next layout pulse.
        fixture.waitFor(() -> robot.lookup(".out-error-header").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".out-error-header").queryLabeled());
        fixture.waitFor(() -> !fixture.code("boom").outputs().visibleText().contains("at g (#1:5)"));
        assertThat(fixture.code("boom").outputs().visibleText()).contains("IllegalStateException: boom");
    }
}
