package lessonbook.ui;

import static lessonbook.testkit.Fx.onFx;
import static lessonbook.testkit.Fx.scrollAsUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.model.Cell;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.testkit.Await;

/**
 * A teacher scrolled down to explain a later part while cells above still print (Run All going on above, or a
 * cell's workers printing late): the text on screen stays where it is, as a browser keeps it. Before, the scroll
 * pane kept its scroll fraction, and every output above slid the text in view.
 */
@ExtendWith(ApplicationExtension.class)
class ReadingPlaceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CODE = 300;
    private final ScriptedKernel kernel = new ScriptedKernel();
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new CodeCell("top", "System.out.println(\"started\");"));
        // long enough that the window draws only the cells near the view (the rest stand in at an estimated height)
        for (int i = 0; i < CODE; i++) {
            cells.add(new MarkdownCell("prose" + i, "A paragraph the teacher may be reading aloud, number " + i
                    + ", long enough to take a line or two of the page."));
            cells.add(new CodeCell("code" + i, "System.out.println(\"cell " + i + " says\\nits second line\");"));
        }
        fixture = NotebookWindowFixture.withKernel(kernel).waitingUpTo(20).sized(1000, 700)
                .show(stage, new Notebook(cells), Path.of("reading-place.md"));
        window = fixture.window();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void runningTheCellsAboveTheViewLeavesTheTextInViewWhereItIs() throws Exception {
        // the teacher moves down to a later paragraph (J, a click, the find bar: the view scrolls to show it)
        onFx(() -> {
            window.view().select("prose150");
            window.view().scrollToSelected();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String reading = firstProseInView();
        double before = topInView(reading);
        double pageBefore = onFx(() -> window.view().getContent().getLayoutBounds().getHeight());
        // mid-page: at the very bottom the scroll pane's kept fraction (1) would keep the text in place by itself
        assertThat(onFx(() -> window.view().getVvalue())).isBetween(0.1, 0.9);

        onFx(window::runAll);   // every cell above gets its run's line and its output

        Await.until("every code cell done", WAIT, () -> onFx(() -> {
            for (int i = 0; i < CODE; i++) {
                if (window.document().runtime("code" + i).state() != CellState.DONE) {
                    return false;
                }
            }
            return true;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> window.view().getContent().getLayoutBounds().getHeight()))
                .as("the page above the view grew")
                .isGreaterThan(pageBefore + 200);
        Await.until("the text in view where it was (" + reading + " at " + before + ")", WAIT,
                () -> Math.abs(topInView(reading) - before) <= 2);
    }

    @Test
    void atTheTopOfTheNotebookTheViewStaysAtTheTop() throws Exception {
        runCell("top");
        printLate("top", 60);
        awaitLateLinesShown("top");
        assertThat(onFx(() -> window.view().getVvalue())).isZero();
    }

    /**
     * The anchor gives way to the selected cell's own growth: the teacher shows a cell and runs it, its workers'
     * lines come, and the view follows them down until the whole cell is in sight (or, were it taller than the
     * window, its top at the view's top). Held in place by the paragraph above it, the new lines would stay below
     * the window.
     */
    @Test
    void theSelectedCellsOwnOutputComesIntoSight() throws Exception {
        onFx(() -> {
            window.view().select("code150");
            window.view().scrollToSelected();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double shownAt = topInView("code150");
        double viewport = onFx(() -> window.view().getViewportBounds().getHeight());
        runCell("code150");
        printLate("code150", 60);
        awaitLateLinesShown("code150");
        assertThat(heightOnScreen("code150"))
                .as("the cell grew past the view's bottom from where it was shown (%s)", shownAt)
                .isGreaterThan(viewport - shownAt + 100);
        Await.until("the cell's bottom in view, its top not above the view", WAIT, () -> {
            double top = topInView("code150");
            double height = heightOnScreen("code150");
            return top >= -2 && (top + height <= viewport + 2 || Math.abs(top) <= 2);
        });
    }

    /**
     * Scrolled to the end, the page's end is at the view's bottom: the page sits at the view's top, where the scroll
     * values the anchor computes with put it. (It sat 12 px low once, put there before its cells were laid out, and
     * its last 12 px could not be scrolled to.)
     */
    @Test
    void scrolledToTheEndThePagesEndIsInView() throws Exception {
        onFx(() -> scrollAsUser(window.view(), 1));
        // the cells that come into view are drawn a few per turn, and the page's height settles with them
        Await.until("the page's end at the view's bottom", WAIT, () -> Math.abs(pageEndBelowView()) <= 1);
    }

    /** How far the page's end lies below the viewport's bottom edge (negative: above it). */
    private double pageEndBelowView() {
        return onFx(() -> {
            Node page = window.view().getContent();
            Node notebook = window.view();
            return page.localToScene(page.getLayoutBounds()).getMaxY()
                    - notebook.localToScene(notebook.getLayoutBounds()).getMinY()
                    - window.view().getViewportBounds().getHeight();
        });
    }

    private void awaitLateLinesShown(String cellId) {
        Await.until("the late lines shown", WAIT, () -> onFx(() -> ((CodeCellView) window.view().view(cellId))
                .outputs().lines().size() >= 61));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void runCell(String cellId) {
        onFx(() -> window.run(cellId));
        Await.until(cellId + " done", WAIT, () -> window.document().runtime(cellId).state() == CellState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lines printed into a cell after it ended, in writes of ten, as a worker's late lines come. */
    private void printLate(String cellId, int count) {
        for (int batch = 0; batch < count / 10; batch++) {
            List<Output> lines = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                lines.add(new Output.WorkerLine("worker-1", 4001, StreamName.STDOUT,
                        "late line " + (batch * 10 + i) + "\n"));
            }
            kernel.late(cellId, lines);
        }
    }

    /** The first paragraph whose top is in view, among those around the one selected. */
    private String firstProseInView() throws Exception {
        for (int i = 130; i < 170; i++) {
            String id = "prose" + i;
            if (onFx(() -> window.view().view(id)) != null && topInView(id) >= 0) {
                return id;
            }
        }
        throw new AssertionError("no paragraph in view");
    }

    /**
     * Where the cell's top is below the viewport's top edge (negative: above it), as drawn: with the selected cell's
     * shadow, which the view keeps in sight with the cell.
     */
    private double topInView(String cellId) throws Exception {
        return onFx(() -> {
            Node notebook = window.view();
            return onScreen(cellId).getMinY() - notebook.localToScene(notebook.getLayoutBounds()).getMinY();
        });
    }

    private double heightOnScreen(String cellId) throws Exception {
        return onFx(() -> onScreen(cellId).getHeight());
    }

    private Bounds onScreen(String cellId) {
        Node cell = window.view().view(cellId);
        return cell.getParent().localToScene(cell.getBoundsInParent());
    }
}
