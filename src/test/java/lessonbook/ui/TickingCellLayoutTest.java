package lessonbook.ui;

import static lessonbook.testkit.Fx.onFx;
import static lessonbook.testkit.Fx.scrollAsUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
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
import lessonbook.model.Output.WorkerEvent.Phase;
import lessonbook.model.StreamName;

/**
 * While a cell runs, its elapsed time ticks and its workers' lanes grow twice a second, in the same frames. In
 * the app under software rendering these ticks cost the workers their cores when each one lays out the whole
 * window (a label's new text asks every parent up to the root for a layout) or, out of view, repaints all of it
 * (a frame whose changes are all off screen has no dirty region, and JavaFX then paints everything). So: a tick
 * lays out only itself, and nothing ticks out of sight.
 */
@ExtendWith(ApplicationExtension.class)
class TickingCellLayoutTest {
    private final ScriptedKernel kernel = new ScriptedKernel();
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new CodeCell("spin", "while (true) { }"));
        for (int i = 0; i < 12; i++) {
            cells.add(new MarkdownCell("prose" + i, "A paragraph of prose below the running cell, number " + i
                    + ", long enough to take a few lines of the page when it is rendered in the window."));
        }
        fixture = NotebookWindowFixture.withKernel(kernel).waitingUpTo(20).sized(1000, 700)
                .show(stage, new Notebook(cells), Path.of("ticking.md"));
        window = fixture.window();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTickingLabelAndGrowingLanesLayOutOnlyThemselves() throws Exception {
        startSpinningWithThreeWorkers();
        AtomicInteger rootLayouts = countLayoutRequests(window.stage().getScene().getRoot());
        AtomicInteger ticks = countChanges(() -> fixture.code("spin").statusText());
        AtomicInteger growths = countChanges(() -> barWidth());

        fixture.waitFor(() -> ticks.get() >= 4 && growths.get() >= 4);   // two seconds

        // Before: every tick and every lane frame laid out the window from its root (20 or more here), and later
        // each step of the axis (1 s, 2 s, 5 s: every grid line moves) did. What may remain is the lanes' times
        // growing a character wider, which widens their column: none in two seconds here, one at most.
        assertThat(rootLayouts.get()).as("layouts of the whole window during %d ticks and %d lane frames",
                ticks.get(), growths.get()).isLessThanOrEqualTo(1);
        interruptAndWait();
    }

    @Test
    void outOfSightNothingTicksGrowsOrPrintsUntilScrolledTo() throws Exception {
        startSpinningWithThreeWorkers();
        onFx(() -> {
            scrollAsUser(window.view(), 1.0);
            window.view().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> {
            javafx.scene.Node cell = fixture.code("spin");
            javafx.scene.Node notebook = window.view();
            return cell.localToScene(cell.getLayoutBounds()).getMaxY()
                    < notebook.localToScene(notebook.getLayoutBounds()).getMinY();
        })).as("the running cell is scrolled out of view, above it").isTrue();
        AtomicInteger rootLayouts = countLayoutRequests(window.stage().getScene().getRoot());
        AtomicInteger ticks = countChanges(() -> fixture.code("spin").statusText());
        AtomicInteger growths = countChanges(() -> barWidth());
        AtomicInteger beacons = countChanges(() -> window.beacon().getOpacity());
        kernel.alongside("spin", List.of(new Output.WorkerLine("w1", 101, StreamName.STDOUT, "out of sight")));
        fixture.waitFor(() -> onFx(() -> fixture.code("spin").outputs().lines().size() == 1));

        // Long enough for 5 ticks and 2 lane frames: 40 frames (each >= 16 ms; the counters keep them coming).
        awaitFrames(40);

        assertThat(ticks.get()).as("elapsed-time ticks out of sight").isZero();
        assertThat(growths.get()).as("lane frames out of sight").isZero();
        assertThat(rootLayouts.get()).as("layouts of the whole window out of sight").isZero();
        // a frame whose only changes are out of view would repaint the whole window: the beacon gives it a pixel
        int touchedBefore = beacons.get();
        onFx(() -> fixture.code("spin").setTranslateX(1));
        awaitFrames(3);
        assertThat(beacons.get()).as("frames with the beacon touched for a change out of view")
                .isGreaterThan(touchedBefore);
        onFx(() -> fixture.code("spin").setTranslateX(0));
        assertThat(onFx(() -> fixture.code("spin").outputs().visibleRows())).as("rows drawn out of sight")
                .isEmpty();

        onFx(() -> scrollAsUser(window.view(), 0));
        fixture.waitFor(() -> ticks.get() >= 2 && growths.get() >= 1);
        fixture.waitFor(() -> onFx(() -> fixture.code("spin").outputs().visibleRows())
                .equals(List.of("[w1 101] out of sight")));
        interruptAndWait();
    }

    @Test
    void aCaretHoldsStillWhileCellsRunAndBlinksAgainAfter() throws Exception {
        onFx(() -> fixture.code("spin").editor().focusEditor());
        // the caret's node joins the scene with the code area's next layout, not at once (CI found it missing)
        AtomicReference<org.fxmisc.richtext.CaretNode> found = new AtomicReference<>();
        fixture.waitFor(() -> onFx(() -> {
            found.set((org.fxmisc.richtext.CaretNode) ((JavaCellEditor) fixture.code("spin").editor()).component()
                    .getCodeArea().lookup(".caret"));
            return found.get() != null && found.get().getBlinkRate().toMillis() == 500.0;
        }));
        org.fxmisc.richtext.CaretNode caret = found.get();

        startSpinningWithThreeWorkers();
        // A blinking caret's timeline keeps JavaFX drawing 60 frames a second while the workers want the cores.
        fixture.waitFor(() -> onFx(() -> caret.getBlinkRate().toMillis()) == 0.0);
        AtomicInteger flips = countChanges(caret::isVisible);
        awaitFrames(40);   // more than a second: two blinks
        assertThat(flips.get()).as("times the caret appeared or vanished while the cell ran").isZero();

        interruptAndWait();
        fixture.waitFor(() -> onFx(() -> caret.getBlinkRate().toMillis()) == 500.0);
    }

    private void startSpinningWithThreeWorkers() throws Exception {
        onFx(() -> {
            window.view().select("spin");
            window.runInPlace();
        });
        fixture.waitFor(() -> fixture.shownState("spin") == CellState.RUNNING);
        long now = System.currentTimeMillis();
        List<Output> started = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            started.add(new Output.WorkerEvent("w" + i, 100 + i, Phase.STARTED, now, null, 0));
        }
        kernel.alongside("spin", started);
        fixture.waitFor(() -> onFx(() -> fixture.code("spin").hasOutputPane()
                && fixture.code("spin").outputs().lanes() != null
                && fixture.code("spin").outputs().lanes().laneCount() == 3 && barWidth() > 0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void interruptAndWait() throws Exception {
        onFx(window::interruptKernel);
        fixture.waitFor(() -> fixture.shownState("spin") == CellState.INTERRUPTED);
    }

    /**
     * The first worker's bar width, 0 before it is drawn: the lanes' bars are the ones in a track's layer (the
     * legend has swatches of the same class).
     */
    private double barWidth() {
        return fixture.code("spin").outputs().lanes().lookupAll(".lane-bar").stream()
                .filter(n -> n.getParent() != null && n.getParent().getParent() != null
                        && n.getParent().getParent().getStyleClass().contains("lane-track"))
                .map(Region.class::cast).findFirst().map(Region::getWidth).orElse(0.0);
    }

    /** How often a layout was asked of {@code node} itself (not only of something inside it) from now on. */
    private static AtomicInteger countLayoutRequests(Parent node) throws Exception {
        AtomicInteger count = new AtomicInteger();
        onFx(() -> node.needsLayoutProperty().addListener((o, was, now) -> {
            if (now) {
                count.incrementAndGet();
            }
        }));
        return count;
    }

    /** How many frames {@code value} changed in, from now on (read once a frame on the FX thread). */
    private static AtomicInteger countChanges(Callable<Object> value) throws Exception {
        AtomicInteger count = new AtomicInteger();
        Object first = onFx(value);
        onFx(() -> new AnimationTimer() {
            private Object last = first;

            @Override
            public void handle(long now) {
                try {
                    Object current = value.call();
                    if (!current.equals(last)) {
                        last = current;
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    stop();
                }
            }
        }.start());
        return count;
    }

    /** Waits for {@code frames} more pulses of the FX thread (this timer itself keeps them coming). */
    private void awaitFrames(int frames) throws Exception {
        AtomicInteger seen = new AtomicInteger();
        onFx(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (seen.incrementAndGet() >= frames) {
                    stop();
                }
            }
        }.start());
        fixture.waitFor(() -> seen.get() >= frames);
    }

}
