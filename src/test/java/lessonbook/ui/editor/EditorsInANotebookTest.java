package lessonbook.ui.editor;

import static lessonbook.ui.editor.JavaCodeEditorTest.onFx;
import static lessonbook.ui.editor.JavaCodeEditorTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;

import lessonbook.model.Diagnostic;

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
            waitUntil(() -> onFx(() -> editor.getCodeArea().getStyleOfChar(editor.getText().indexOf("int")).contains("keyword")));
        }
    }

    @Test
    void theMouseWheelOverACellScrollsTheNotebook(FxRobot robot) {
        waitUntil(() -> editors.get(15).getCodeArea().getHeight() > 30);
        // The robot's wheel direction differs between platforms: start mid-way and expect any movement.
        robot.interact(() -> notebook.setVvalue(0.5));
        JavaCodeEditor middle = editors.get(15);
        Bounds cell = onFx(() -> middle.getCodeArea().localToScreen(middle.getCodeArea().getBoundsInLocal()));
        robot.moveTo(new Point2D(cell.getCenterX(), cell.getCenterY()), Motion.DIRECT);
        robot.scroll(5, javafx.geometry.VerticalDirection.DOWN);
        waitUntil(() -> notebook.getVvalue() != 0.5);
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
