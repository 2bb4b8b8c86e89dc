package lessonbook.ui.editor;

import static lessonbook.testkit.Fx.onFx;
import static lessonbook.testkit.Fx.scrollAsUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.model.Diagnostic;
import lessonbook.testkit.Await;

/** Many auto-growing editors stacked in a scrolling notebook, the way the shell uses them. */
@ExtendWith(ApplicationExtension.class)
class EditorsInANotebookTest {

    private final List<JavaCodeEditor> editors = new ArrayList<>();
    private ScrollPane notebook;

    @Start
    void start(Stage stage) {
        VBox cells = new VBox(8);
        for (int i = 0; i < 30; i++) {
            JavaCodeEditor editor = new JavaCodeEditor("// cell " + i + "\nint x" + i + " = " + i + ";\nreturn;");
            editors.add(editor);
            cells.getChildren().add(editor);
        }
        notebook = new ScrollPane(cells);
        notebook.setFitToWidth(true);
        Scene scene = new Scene(notebook, 600, 400);
        EditorTheme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void everyCellIsHighlightedInTheBackground() {
        for (JavaCodeEditor editor : editors) {
            Await.until("'int' highlighted as a keyword", Duration.ofSeconds(5),
                    () -> onFx(() -> editor.getCodeArea().getStyleOfChar(editor.getText().indexOf("int"))
                            .contains("keyword")));
        }
    }

    @Test
    void theMouseWheelOverACellScrollsTheNotebook(FxRobot robot) {
        Await.until("editors.get(15).getCodeArea().getHeight() > 30", Duration.ofSeconds(5),
                () -> editors.get(15).getCodeArea().getHeight() > 30);
        robot.interact(() -> scrollAsUser(notebook, 0.5));
        // A wheel turn as JavaFX reports it on every platform (a negative delta moves the page down), sent where
        // the mouse is: over the middle cell. The robot's own wheel direction differs between platforms.
        robot.interact(() -> wheelOver(editors.get(15), -3));
        double down = notebook.getVvalue();
        assertThat(down).as("the notebook moved down").isGreaterThan(0.5);
        robot.interact(() -> wheelOver(editors.get(15), 6));
        assertThat(notebook.getVvalue()).as("the notebook moved up again").isLessThan(down).isLessThan(0.5);
    }

    /** Turns the wheel {@code notches} (negative: towards the reader) with the mouse over the editor's middle. */
    private static void wheelOver(JavaCodeEditor editor, int notches) {
        CodeArea area = editor.getCodeArea();
        Bounds local = area.getBoundsInLocal();
        Point2D screen = area.localToScreen(local.getCenterX(), local.getCenterY());
        double delta = notches * 40.0;
        Event.fireEvent(area, new ScrollEvent(ScrollEvent.SCROLL, local.getCenterX(), local.getCenterY(),
                screen.getX(), screen.getY(), false, false, false, false, false, false, 0, delta, 0, delta,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES, notches,
                0, null));
    }

    @Test
    void staleDiagnosticsAreNotShown(FxRobot robot) {
        JavaCodeEditor editor = editors.get(1);
        String compiled = editor.getText();
        robot.interact(() -> {
            editor.requestEditorFocus();
            editor.moveCaretTo(0);
        });
        robot.write("x");
        List<Diagnostic> errors = List.of(new Diagnostic(true, 0, 2, 1, 1, "old"));
        assertThat(onFx(() -> editor.showDiagnostics(errors, compiled))).isFalse();
        assertThat(editor.getDiagnostics()).isEmpty();
        assertThat(onFx(() -> editor.showDiagnostics(errors, editor.getText()))).isTrue();
        assertThat(editor.getDiagnostics()).containsExactlyElementsOf(errors);
        robot.type(KeyCode.BACK_SPACE);
        assertThat(editor.getDiagnostics()).isEmpty();
    }
}
