package lessonbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.testkit.Await;

/**
 * A grown editor longer than {@link EditorSizing#MOST_LINES_GROWN} lines becomes a box that fits in the window and
 * scrolls inside, so that a cell of thousands of pasted lines makes nodes for the lines on show only (it froze the
 * window for minutes), and grows again when the text is short again. In a notebook-like page: a scroll pane around a column.
 */
@ExtendWith(ApplicationExtension.class)
class EditorSizingTest {
    private static final Duration T = Duration.ofSeconds(10);
    private JavaCodeEditor editor;

    @Start
    void start(Stage stage) {
        editor = new JavaCodeEditor();
        ScrollPane page = new ScrollPane(new VBox(editor));
        page.setFitToWidth(true);
        Scene scene = new Scene(page, 800, 600);
        // the app's stylesheet too: it draws scroll bars without arrows
        scene.getStylesheets().addAll(css("lessonbook.css"), css("light.css"));
        EditorTheme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String css(String name) {
        return EditorSizingTest.class.getResource("/lessonbook/ui/" + name).toExternalForm();
    }

    private static String lines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("int v").append(i).append(" = ").append(i).append(";\n");
        }
        return text.toString();
    }

    private <V> V onFx(FxRobot robot, Supplier<V> read) {
        AtomicReference<V> value = new AtomicReference<>();
        robot.interact(() -> value.set(read.get()));
        return value.get();
    }

    private int linesDrawn(FxRobot robot) {
        return onFx(robot, () -> editor.getCodeArea().lookupAll(".paragraph-box").size());
    }

    /** Shown, and wide enough to see and grab. */
    private boolean innerScrollBarShown(FxRobot robot) {
        return onFx(robot, () -> {
            for (Node node : editor.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()
                        && bar.getWidth() >= 6) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void aShortCellGrowsToItsText(FxRobot robot) {
        robot.interact(() -> editor.setText(lines(40)));
        Await.until("40 lines drawn", T, () -> linesDrawn(robot) >= 40);
        assertThat(onFx(robot, () -> editor.getCodeArea().getHeight())).isGreaterThan(40 * 12.0);
        assertThat(innerScrollBarShown(robot)).isFalse();
    }

    @Test
    void aCellOfThousandsOfLinesDrawsOnlyThoseOnShowScrollsInsideAndGrowsAgainWhenShort(FxRobot robot) {
        robot.interact(() -> {
            editor.setText(lines(3_000));
            editor.requestEditorFocus();
        });
        Await.until("capped", T, () -> onFx(robot, () -> editor.sizing().capped()));
        Await.until("an inner scroll bar", T, () -> innerScrollBarShown(robot));
        assertThat(linesDrawn(robot)).isBetween(1, EditorSizing.LINES_IN_A_BOX + 10);
        assertThat(onFx(robot, () -> editor.getHeight())).as("the box fits in the 600-pixel window")
                .isLessThan(600.0);
        assertThat(onFx(robot, () -> editor.getCodeArea().isFocused())).as("still focused").isTrue();

        robot.interact(() -> editor.setText(lines(12)));
        Await.until("grown again", T, () -> !onFx(robot, () -> editor.sizing().capped()));
        Await.until("no inner scroll bar", T, () -> !innerScrollBarShown(robot));
        assertThat(linesDrawn(robot)).isGreaterThanOrEqualTo(12);
        assertThat(onFx(robot, () -> editor.getCodeArea().isFocused())).as("still focused").isTrue();
    }
}
