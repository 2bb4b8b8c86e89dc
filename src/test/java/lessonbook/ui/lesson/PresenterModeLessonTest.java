package lessonbook.ui.lesson;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.kernel.client.KernelStatus;
import lessonbook.testkit.Await;

/**
 * The classroom flow on the default lesson: F5, then one key (Space) per cell, from the first cell through
 * the timed sequential run, with the real kernel; Escape gives the normal window back.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterModeLessonTest {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final long CELL_SECONDS = 90;

    private LessonOnScreen lesson;

    @Start
    void start(Stage stage) {
        lesson = LessonOnScreen.open(stage, LessonOnScreen.smallLesson());
    }

    @AfterEach
    void closeKernel() {
        lesson.close();
    }

    @Tag("slow")
    @Test
    void spaceRunsTheCurrentCellAndMovesOnWhileTheProgressAdvances(FxRobot robot) {
        List<Node> cells = lesson.cells();
        int total = cells.size();
        Node sequential = lesson.codeCell("double sequential");
        int steps = cells.indexOf(sequential) + 1;
        assertThat(steps).isGreaterThan(3);

        // a key typed before the window has focus goes nowhere (seen once on a loaded machine)
        Await.until("the lesson window has focus", Duration.ofSeconds(10), () -> onFx(() -> lesson.stage.isFocused()));
        robot.type(KeyCode.F5);
        Await.until("presenter mode shows its progress", Duration.ofSeconds(10), 
                () -> progress().equals("cell 1 of " + total), this::progress);
        assertThat(toolbarShown()).as("toolbar hidden").isFalse();
        assertThat(onFx(() -> lesson.stage.isFullScreen())).isTrue();
        assertThat(LessonOnScreen.text(lesson.root(), ".presenter-kernel")).isNotBlank();

        List<String> counters = new ArrayList<>();
        for (int n = 1; n <= steps; n++) {
            Node current = cells.get(n - 1);
            assertThat(isSelected(current)).as("cell %d is the current cell", n).isTrue();
            // The class sees the cell about to run: its top (its heading) is on screen.
            int number = n;
            Await.until("cell " + number + " is in view", Duration.ofSeconds(10), () -> inViewport(current),
                    () -> where(current));
            robot.type(KeyCode.SPACE);
            String next = "cell " + (n + 1) + " of " + total;
            Await.until("the progress reads " + next, Duration.ofSeconds(10),
                    () -> progress().equals(next), this::progress);
            if (current.getStyleClass().contains("code-cell")) {
                Await.until("code cell " + n + " ran", Duration.ofSeconds(CELL_SECONDS), 
                        () -> LessonOnScreen.ranToCompletion(current));
                assertThat(LessonOnScreen.statusIs(current, "done"))
                        .as("cell %d: %s", n, LessonOnScreen.outputLines(current)).isTrue();
                counters.add(LessonOnScreen.counter(current));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= counters.size(); i++) {
            expected.add("In [" + i + "]:");
        }
        assertThat(counters).isEqualTo(expected);
        // its last line may reach the screen a pulse after the status says done
        Await.until("the sequential cell shows its elapsed time", Duration.ofSeconds(10), 
                () -> LessonOnScreen.outputLines(sequential).stream().anyMatch(l -> l.startsWith("elapsed time = ")),
                () -> LessonOnScreen.outputLines(sequential).toString());
        // The cells after the current one have not run: one key, one cell.
        assertThat(lesson.codeCells().stream().filter(LessonOnScreen::hasExecutionCount)).hasSize(counters.size());

        robot.type(KeyCode.ESCAPE);
        Await.until("Escape leaves presenter mode", Duration.ofSeconds(10), 
                () -> onFx(() -> !lesson.stage.isFullScreen()) && toolbarShown());
        assertThat(onFx(() -> lesson.root().lookup(".presenter-bar").isVisible())).isFalse();

        // After class: Kernel > Reset Lesson leaves the lesson as the next class should find it.
        long kernelBefore = lesson.kernel.pid();
        robot.clickOn("Kernel");
        robot.clickOn("Reset Lesson (clear outputs, restart)");
        Await.until("every output is cleared", Duration.ofSeconds(10), () -> lesson.codeCells().stream()
                .allMatch(c -> LessonOnScreen.outputLines(c).isEmpty() && !LessonOnScreen.hasExecutionCount(c)),
                () -> lesson.codeCells().stream().map(LessonOnScreen::counter).toList().toString());
        Await.until("a new kernel process is ready", Duration.ofSeconds(60), 
                () -> lesson.kernel.status() == KernelStatus.IDLE && lesson.kernel.pid() > 0
                        && lesson.kernel.pid() != kernelBefore,
                () -> lesson.kernel.status() + " pid " + lesson.kernel.pid());
        assertThat(isSelected(cells.get(0))).as("the first cell is current again").isTrue();
    }

    private boolean toolbarShown() {
        return onFx(() -> LessonOnScreen.shown(lesson.root().lookup("#tb-run-all")));
    }

    private String progress() {
        return onFx(() -> {
            Node bar = lesson.root().lookup(".presenter-bar");
            return bar != null && bar.isVisible() ? LessonOnScreen.text(bar, ".presenter-progress") : "";
        });
    }

    private String where(Node cell) {
        return onFx(() -> {
            ScrollPane notebook = (ScrollPane) lesson.root().lookup(".notebook");
            return "viewport " + notebook.localToScene(notebook.getLayoutBounds()) + ", cell "
                    + cell.localToScene(cell.getLayoutBounds()) + " " + cell.getStyleClass();
        });
    }

    private static boolean isSelected(Node cell) {
        return onFx(() -> cell.getPseudoClassStates().contains(SELECTED));
    }

    /** The top of the cell lies within the notebook's visible area. */
    private boolean inViewport(Node cell) {
        return onFx(() -> {
            ScrollPane notebook = (ScrollPane) lesson.root().lookup(".notebook");
            Bounds viewport = notebook.localToScene(notebook.getLayoutBounds());
            Bounds bounds = cell.localToScene(cell.getLayoutBounds());
            return bounds.getMinY() >= viewport.getMinY() - 1 && bounds.getMinY() < viewport.getMaxY();
        });
    }
}
