package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.kernel.client.Kernel;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;

/** Outputs the real kernel cannot be asked for on demand (worker lines before workers land, set stack frames). */
@ExtendWith(ApplicationExtension.class)
class ScriptedKernelOutputTest {
    private NotebookWindow window;
    private Kernel kernel;

    @Start
    void start(Stage stage) {
        kernel = new ScriptedKernel();
        window = new NotebookWindow(stage, () -> kernel, LessonStore.files(), new Dialogs(),
                new RecentFiles(Preferences.userRoot().node("lessonbook-test/recent")));
        window.document().replace(new Notebook(List.of(
                new MarkdownCell("intro", "# Processes\n\nA *lesson* with `code`."),
                new CodeCell("hello", "System.out.println(42);"),
                new CodeCell("broken", "int x = undefinedName;"),
                new CodeCell("runaway", "while (true) { }"),
                new CodeCell("workers", "worker(\"alpha\", 101, \"hi from alpha\");\n"
                        + "worker(\"beta\", 202, \"hi from beta\");\nworker(\"alpha\", 101, \"bye\");"),
                new CodeCell("flood", "for (int i = 0; i < 1_000_000; i++) System.out.println(i);"),
                new CodeCell("boom", "throw new IllegalStateException(\"boom\");"))), Path.of("test-lesson.md"));
        window.show();
    }

    @AfterEach
    void closeKernel() {
        kernel.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private CodeCellView code(String id) {
        return (CodeCellView) window.view().view(id);
    }

    private void editCell(FxRobot robot, String id) {
        robot.clickOn(window.view().view(id).editor().node());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void workerLinesLandTaggedInTheirCellAndCanBeFiltered(FxRobot robot) throws Exception {
        robot.interact(() -> window.view().select("workers"));
        robot.interact(window::runInPlace);
        waitFor(() -> code("workers").hasOutputPane() && code("workers").outputs().lines().size() == 3);
        assertThat(code("workers").outputs().visibleText())
                .isEqualTo("[alpha 101] hi from alpha\n[beta 202] hi from beta\n[alpha 101] bye");
        assertThat(code("workers").outputs().workers()).containsExactly("alpha 101", "beta 202");
        assertThat(code("workers").outputs().lines().get(0).styleClass()).contains("out-worker-0");
        assertThat(code("workers").outputs().lines().get(1).styleClass()).contains("out-worker-1");
        robot.interact(() -> code("workers").outputs().showOnlyWorker("beta 202"));
        assertThat(code("workers").outputs().visibleText()).isEqualTo("[beta 202] hi from beta");
        assertThat(code("hello").hasOutputPane()).isFalse();
    }

    @Test
    void stackFramesCollapseWhenTheHeaderIsClicked(FxRobot robot) throws Exception {
        robot.interact(() -> window.view().select("boom"));
        robot.interact(window::runInPlace);
        waitFor(() -> code("boom").hasOutputPane() && code("boom").outputs().lines().size() == 4);
        assertThat(code("boom").outputs().visibleText()).contains("at g (#1:5)");
        // The rows exist in the model first; the list makes their cells on its next layout pulse.
        waitFor(() -> robot.lookup(".out-error-header").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".out-error-header").queryLabeled());
        waitFor(() -> !code("boom").outputs().visibleText().contains("at g (#1:5)"));
        assertThat(code("boom").outputs().visibleText()).contains("IllegalStateException: boom");
    }

    /** Never asks: tests that need a file name call saveAs/open directly. */
    static final class Dialogs implements FileDialogs {
        @Override
        public Optional<Path> chooseLessonToOpen(Window owner, Path near) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseWhereToSave(Window owner, Path suggested) {
            return Optional.empty();
        }
    }
}
