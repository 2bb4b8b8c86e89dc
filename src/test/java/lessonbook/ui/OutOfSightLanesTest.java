package lessonbook.ui;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
import lessonbook.model.Output;
import lessonbook.model.Output.WorkerEvent.Phase;
import lessonbook.model.StreamName;
import lessonbook.ui.richoutput.OnScreen;
import lessonbook.ui.richoutput.WorkerLanesView;

/**
 * A cell whose workers run while the teacher looks elsewhere (Run All leaves the view where it is): its worker lanes
 * stay out of the window, which would style and lay them out for nobody while the workers need the cores, and
 * join it, whole, when the cell is scrolled into view.
 */
@ExtendWith(ApplicationExtension.class)
class OutOfSightLanesTest {
    private final ScriptedKernel kernel = new ScriptedKernel();
    private NotebookWindowFixture fixture;

    @Start
    void start(Stage stage) {
        List<lessonbook.model.Cell> cells = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cells.add(new MarkdownCell("prose" + i, "## Part " + i + "\n\nA paragraph of the lesson before the "
                    + "cell that starts the workers, long enough to fill a line or two of the window.\n\nAnd one more."));
        }
        cells.add(new CodeCell("far", "System.out.println(\"three workers\");"));
        fixture = NotebookWindowFixture.withKernel(kernel).waitingUpTo(20).sized(1000, 600)
                .show(stage, new Notebook(cells), Path.of("out-of-sight-lanes.md"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private WorkerLanesView lanes() throws Exception {
        return onFx(() -> fixture.code("far").outputs().lanes());
    }

    @Test
    void lanesOfACellOutOfSightJoinTheWindowWhenItIsScrolledIntoView(FxRobot robot) throws Exception {
        NotebookWindow window = fixture.window();
        robot.interact(() -> window.run("far"));   // runs it where it is, as Run All does: the view stays put
        fixture.waitFor(() -> onFx(() -> window.document().runtime("far").state() == CellState.DONE));
        assertThat(onFx(() -> OnScreen.shows(fixture.code("far")))).as("the cell is out of sight").isFalse();

        long now = System.currentTimeMillis();
        kernel.late("far", List.of(
                new Output.WorkerEvent("Worker-1", 81, Phase.STARTED, now - 900, null, 0),
                new Output.WorkerEvent("Worker-2", 82, Phase.STARTED, now - 800, null, 0),
                new Output.WorkerEvent("Worker-3", 83, Phase.STARTED, now - 700, null, 0),
                new Output.WorkerLine("Worker-2", 82, StreamName.STDOUT, "hello from 82\n"),
                new Output.WorkerEvent("Worker-1", 81, Phase.EXITED, now - 100, 0, 700)));
        fixture.waitFor(() -> lanes() != null && onFx(() -> lanes().getScene() == null
                && ((CodeCell) window.document().cell("far")).outputs().size() >= 5));
        assertThat(robot.lookup(".worker-lanes").queryAll()).as("no lanes in the window yet").isEmpty();

        robot.interact(() -> {
            window.view().select("far");
            window.view().scrollToSelected();
        });
        fixture.waitFor(() -> robot.lookup(".lane").queryAll().size() == 3);
        assertThat(onFx(() -> lanes().getScene() != null && OnScreen.shows(lanes()))).isTrue();
    }
}
