package lessonbook.ui;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.testkit.Await;

/**
 * Presenter mode with output that lands after the class moved on: a cell's workers keep printing after Space
 * ran it and selected the next cell. The next cell must stay on the projector, where it was.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterLateOutputTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private NotebookWindow window;
    private final ScriptedKernel kernel = new ScriptedKernel();

    @Start
    void start(Stage stage) {
        window = new NotebookWindow(stage, () -> kernel, LessonStore.files(), FileDialogs.system());
        List<lessonbook.model.Cell> cells = new ArrayList<>();
        cells.add(new MarkdownCell("intro", "# Workers\n\nThey print after their cell ended."));
        cells.add(new CodeCell("start", "System.out.println(\"started\");"));
        cells.add(new CodeCell("next", "System.out.println(\"the cell the class reads next\");"));
        for (int i = 0; i < 6; i++) {
            cells.add(new MarkdownCell("prose" + i, "Some prose after the cells, paragraph " + i + "."));
        }
        window.document().replace(new Notebook(cells), Path.of("late-output.md"));
        stage.setWidth(1000);
        stage.setHeight(700);
        window.show();
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    /** Where the cell's top is, in the notebook's viewport (0 = its top edge); NaN when off screen. */
    private double topOnScreen(String cellId) throws Exception {
        return onFx(() -> {
            Node notebook = window.view();
            Bounds viewport = notebook.localToScene(window.view().getViewportBounds());
            Node cell = window.view().view(cellId);
            Bounds bounds = cell.localToScene(cell.getLayoutBounds());
            double top = bounds.getMinY() - notebook.localToScene(notebook.getLayoutBounds()).getMinY();
            boolean visible = bounds.getMinY() >= notebook.localToScene(notebook.getLayoutBounds()).getMinY() - 1
                    && bounds.getMaxY() <= notebook.localToScene(notebook.getLayoutBounds()).getMaxY() + 1;
            return visible && viewport != null ? top : Double.NaN;
        });
    }

    @Test
    void lateWorkerLinesAboveDoNotPushTheNextCellOffTheScreen(FxRobot robot) throws Exception {
        robot.interact(() -> window.view().select("start"));
        robot.type(KeyCode.F5);
        Await.until("window.presenter().isActive()", WAIT, () -> window.presenter().isActive());
        robot.type(KeyCode.SPACE);
        Await.until("the next cell selected and the start cell done", WAIT,
                () -> "next".equals(window.view().selectedId())
                && window.document().runtime("start").state() == lessonbook.model.CellState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        double before = topOnScreen("next");
        assertThat(before).as("the next cell is on screen after Space").isNotNaN();

        // The started workers print on, into the cell above, after it ended: 60 lines, in six writes.
        for (int batch = 0; batch < 6; batch++) {
            List<Output> lines = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                lines.add(new Output.WorkerLine("worker-" + (i % 3), 4000 + i % 3, StreamName.STDOUT,
                        "late line " + (batch * 10 + i) + "\n"));
            }
            kernel.late("start", lines);
        }
        Await.until("the 61 late lines in the start cell's pane", WAIT,
                () -> onFx(() -> ((CodeCellView) window.view().view("start")).hasOutputPane()
                && ((CodeCellView) window.view().view("start")).outputs().lines().size() == 61));
        WaitForAsyncUtils.waitForFxEvents();
        // The pane above grew by far more than the screen has room for below the next cell...
        double grown = onFx(() -> window.view().view("start").getHeight());
        assertThat(grown).isGreaterThan(onFx(() -> window.view().getViewportBounds().getHeight()) / 2);
        // ...and the next cell is still on screen, where it was.
        Await.until("Math.abs(topOnScreen(\"next\") - before) <= 2", WAIT,
                () -> Math.abs(topOnScreen("next") - before) <= 2);
        // The newest late line sits right above it, in view: the pane's last row.
        assertThat(onFx(() -> ((CodeCellView) window.view().view("start")).outputs().visibleRows()))
                .last().isEqualTo("[worker-0 4000] late line 59");

        // Out of presenter mode the notebook scrolls as it always did (no anchoring to the selection).
        robot.type(KeyCode.ESCAPE);
        Await.until("!window.presenter().isActive()", WAIT, () -> !window.presenter().isActive());
    }
}
