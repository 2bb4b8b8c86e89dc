package lessonbook.ui;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.model.Cell;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.testkit.Fx;

/**
 * A cell that grows (its output arriving during Run All, its lanes, its results) must repaint itself and what it
 * moves on screen, not the whole visible notebook. JavaFX repaints all of a region whose size changes, background
 * or not, and all of a parent more than 12 of whose children changed in one frame. Before: the page and its cell
 * column were regions that grew with every cell, and the column held every cell, so a cell growing out of view
 * repainted the whole view in 26 frames of a Run All (seen in a debugger on the JavaFX peers). With 120 cells below,
 * one level of runs is not enough either (17 runs moved at once): the runs are in runs.
 */
@ExtendWith(ApplicationExtension.class)
class GrowingCellPageTest {
    /** Enough for more than 12 runs of cells: the runs themselves must be in runs. */
    private static final int PROSE_BELOW = 120;
    private final ScriptedKernel kernel = new ScriptedKernel();
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new MarkdownCell("intro", "A lesson's first paragraph, above the cell that grows."));
        cells.add(new CodeCell("grow", "System.out.println(\"first\");"));
        for (int i = 0; i < PROSE_BELOW; i++) {
            cells.add(new MarkdownCell("prose" + i, "A paragraph below the growing cell, number " + i + "."));
        }
        fixture = NotebookWindowFixture.withKernel(kernel).waitingUpTo(20).sized(1000, 700)
                .show(stage, new Notebook(cells), Path.of("growing.md"));
        window = fixture.window();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aGrowingCellResizesNoContainerAndMovesFewChildrenOfAny() throws Exception {
        onFx(() -> {
            window.view().select("grow");
            window.runInPlace();
        });
        fixture.waitFor(() -> fixture.shownState("grow") == CellState.DONE);
        fixture.waitFor(() -> onFx(() -> fixture.code("grow").outputs().lines().size() == 1));
        Fx.awaitPulses(onFx(() -> window.stage().getScene()), 3);

        AtomicInteger resized = watchContainerSizes();
        int[] mostMovedAtOnce = watchMovesPerFrame();
        List<Output> late = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            late.add(new Output.WorkerLine("w1", 101, StreamName.STDOUT, "late line " + i));
        }
        double before = onFx(() -> top("prose0"));
        kernel.late("grow", late);
        fixture.waitFor(() -> onFx(() -> fixture.code("grow").outputs().lines().size() == 6));
        Fx.awaitPulses(onFx(() -> window.stage().getScene()), 3);

        assertThat(onFx(() -> top("prose0"))).as("the cell below moved down as the cell grew").isGreaterThan(before);
        assertThat(resized.get()).as("size changes of regions that hold the cells").isZero();
        assertThat(mostMovedAtOnce[0]).as("most children of one parent moved in one frame (JavaFX repaints the "
                + "whole parent above 12)").isPositive().isLessThanOrEqualTo(12);
        assertCellsStackedInOrder();
    }

    @Test
    void thePaperLiesBehindTheCellsFromTopToBottomOfTheViewAtAnyWidthAndZoom() {
        assertPaperBehindCells();
        onFx(() -> window.stage().setWidth(700));
        Fx.awaitPulses(onFx(() -> window.stage().getScene()), 3);
        assertPaperBehindCells();
        onFx(() -> window.appearance().zoom(1));
        Fx.awaitPulses(onFx(() -> window.stage().getScene()), 3);
        assertPaperBehindCells();
    }

    private void assertPaperBehindCells() {
        onFx(() -> {
            ScrollPane notebook = window.view();
            Node paper = notebook.lookup(".paper");
            Bounds sheet = paper.localToScene(paper.getLayoutBounds());
            Bounds view = notebook.localToScene(notebook.getViewportBounds());
            Bounds cell = window.view().view("grow").localToScene(window.view().view("grow").getLayoutBounds());
            assertThat(sheet.getMinX()).as("paper's left edge against a cell's").isLessThanOrEqualTo(cell.getMinX());
            assertThat(sheet.getMaxX()).as("paper's right edge against a cell's")
                    .isGreaterThanOrEqualTo(cell.getMaxX());
            assertThat(sheet.getMinY()).as("paper's top against the view's").isLessThanOrEqualTo(view.getMinY());
            assertThat(sheet.getMaxY()).as("paper's bottom against the view's").isGreaterThanOrEqualTo(view.getMaxY());
            assertThat(sheet.getWidth()).as("paper no wider than the view").isLessThanOrEqualTo(view.getWidth());
        });
    }

    /** Counts, from now on, size changes of every region between the scroll pane and a cell. */
    private AtomicInteger watchContainerSizes() {
        AtomicInteger changes = new AtomicInteger();
        onFx(() -> {
            Map<Region, Boolean> watched = new IdentityHashMap<>();
            for (Node cell : cellViews()) {
                for (Parent p = cell.getParent(); p != null && !(p instanceof ScrollPane); p = p.getParent()) {
                    if (p instanceof Region region && watched.put(region, true) == null) {
                        region.widthProperty().addListener((o, was, now) -> changes.incrementAndGet());
                        region.heightProperty().addListener((o, was, now) -> changes.incrementAndGet());
                    }
                }
            }
        });
        return changes;
    }

    /**
     * From now on, after each frame's layout: of each parent between the page and the cells, how many children
     * changed place or size since the last frame; keeps the most.
     */
    private int[] watchMovesPerFrame() {
        int[] most = {0};
        Map<Node, Bounds> last = new HashMap<>();
        onFx(() -> {
            Runnable measure = () -> {
                for (Parent parent : pageParents()) {
                    int moved = 0;
                    for (Node child : parent.getChildrenUnmodifiable()) {
                        Bounds now = child.getBoundsInParent();
                        Bounds was = last.put(child, now);
                        if (was != null && !was.equals(now)) {
                            moved++;
                        }
                    }
                    most[0] = Math.max(most[0], moved);
                }
            };
            measure.run();
            most[0] = 0;
            window.stage().getScene().addPostLayoutPulseListener(measure);
        });
        return most;
    }

    /** The page (the scroll pane's content) and every parent inside it that holds cells, not the cells' insides. */
    private List<Parent> pageParents() {
        List<Parent> parents = new ArrayList<>();
        Parent page = (Parent) window.view().getContent();
        collect(page, parents);
        return parents;
    }

    private static void collect(Parent parent, List<Parent> into) {
        into.add(parent);
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!(child instanceof CellView) && child instanceof Parent p && holdsCells(p)) {
                collect(p, into);
            }
        }
    }

    private static boolean holdsCells(Parent parent) {
        return parent.getChildrenUnmodifiable().stream()
                .anyMatch(c -> c instanceof CellView || c instanceof Parent p && holdsCells(p));
    }

    private List<Node> cellViews() {
        List<Node> views = new ArrayList<>();
        for (Cell cell : window.document().cells()) {
            views.add(window.view().view(cell.id()));
        }
        return views;
    }

    /** A cell's top on the page. */
    private double top(String cellId) {
        Node page = window.view().getContent();
        Node cell = window.view().view(cellId);
        return page.sceneToLocal(cell.localToScene(cell.getLayoutBounds())).getMinY();
    }

    /** Each cell starts the same gap below the one before it: none overlaps, none is left behind. */
    private void assertCellsStackedInOrder() {
        List<Double> gaps = onFx(() -> {
            Node page = window.view().getContent();
            List<Double> found = new ArrayList<>();
            Bounds previous = null;
            for (Node cell : cellViews()) {
                Bounds b = page.sceneToLocal(cell.localToScene(cell.getLayoutBounds()));
                if (previous != null) {
                    found.add(Math.rint((b.getMinY() - previous.getMaxY()) * 100) / 100);
                }
                previous = b;
            }
            return found;
        });
        assertThat(gaps).hasSize(PROSE_BELOW + 1).allSatisfy(g -> assertThat(g).isEqualTo(gaps.get(0)))
                .allSatisfy(g -> assertThat(g).isPositive());
    }
}
