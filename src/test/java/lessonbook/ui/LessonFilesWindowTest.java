package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.format.files.LessonFiles;
import lessonbook.model.Cell;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.testkit.Await;

/** Opening the default lesson, running one of its cells, saving and reopening, with the real reader/writer. */
@ExtendWith(ApplicationExtension.class)
class LessonFilesWindowTest {
    private static final Path DEFAULT_LESSON = Path.of("lessons", "multiprocessing.md");

    @TempDir
    Path dir;
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) {
        fixture = NotebookWindowFixture.withTestKernel().show(stage);
        window = fixture.window();
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void opensTheDefaultLessonWithItsCellsAndTitle(FxRobot robot) throws Exception {
        Path copy = dir.resolve("multiprocessing.md");
        Files.copy(DEFAULT_LESSON, copy);
        Notebook expected = LessonFiles.read(copy);
        robot.interact(() -> assertThat(window.open(copy)).isTrue());
        assertThat(window.stage().getTitle()).isEqualTo("multiprocessing.md \u2014 Lessonbook");
        assertThat(window.document().cells()).extracting(Cell::source)
                .containsExactlyElementsOf(expected.cells().stream().map(Cell::source).toList());
        assertThat(window.view().cellViews()).hasSize(expected.cells().size());
        assertThat(window.view().cellViews().get(0)).isInstanceOf(MarkdownCellView.class);
        assertThat(((MarkdownCellView) window.view().cellViews().get(0)).rendered().getMarkdown())
                .startsWith("# Multiprocessing in Java");
    }

    @Test
    void editSaveAndReopenGivesTheSameCells(FxRobot robot) throws Exception {
        Path file = dir.resolve("lesson.md");
        LessonFiles.write(file, new Notebook(List.of(new MarkdownCell("m", "# Saved"),
                new CodeCell("c", "System.out.println(\"saved\");"))));
        robot.interact(() -> window.open(file));
        String code = window.document().cells().get(1).id();
        robot.interact(() -> window.view().select(code));
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        fixture.waitFor(() -> window.document().runtime(code).state() == CellState.DONE);
        robot.type(KeyCode.ESCAPE).type(KeyCode.B);
        String added = window.view().selectedId();
        robot.interact(() -> window.document().editSource(added, "int answer = 42;"));
        assertThat(window.stage().getTitle()).startsWith("\u2022 ");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertThat(window.document().isDirty()).isFalse();
        assertThat(window.stage().getTitle()).isEqualTo("lesson.md \u2014 Lessonbook");

        List<Cell> before = window.document().cells();
        Notebook onDisk = LessonFiles.read(file);
        assertThat(onDisk.cells()).extracting(Cell::source).containsExactlyElementsOf(
                before.stream().map(Cell::source).toList());
        assertThat(((CodeCell) onDisk.cells().get(1)).outputText()).isEqualTo("saved\n");

        robot.interact(() -> window.open(file));
        assertThat(window.document().cells()).extracting(c -> c.getClass().getSimpleName() + ":" + c.source())
                .containsExactlyElementsOf(before.stream().map(c -> c.getClass().getSimpleName() + ":" + c.source())
                        .toList());
        CodeCellView reopened = (CodeCellView) window.view().view(window.document().cells().get(1).id());
        assertThat(reopened.outputs().visibleText()).isEqualTo("saved");
    }

    @Test
    void aPythonNotebookOpensReadOnlyWithABannerAndDoesNotRun(FxRobot robot) throws Exception {
        Path python = Files.copy(Path.of("src", "test", "resources", "notebooks", "own", "python-4.0.ipynb"),
                dir.resolve("python-4.0.ipynb"));
        byte[] asWritten = Files.readAllBytes(python);
        robot.interact(() -> assertThat(window.open(python)).isTrue());
        assertThat(window.document().isReadOnly()).isTrue();
        javafx.scene.control.Label banner = robot.lookup(".notebook-banner").queryAs(javafx.scene.control.Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("Read-only: ").contains("python").doesNotContain("..");
        // what would change or run it is off, and the kernel's state is not shown as the notebook's
        assertThat(robot.lookup("#tb-run-all").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#tb-add").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#tb-save").queryButton().isDisabled()).isTrue();
        assertThat(menuItem(robot, "File", "Save").isDisable()).isTrue();
        assertThat(menuItem(robot, "File", "Save As\u2026").isDisable()).isFalse();
        assertThat(window.kernelStatus().text()).isEqualTo("Read-only  \u00B7  not run here");
        assertThat(menuItem(robot, "Run", "Run All Cells").isDisable()).isTrue();
        assertThat(menuItem(robot, "Edit", "Delete Cells").isDisable()).isTrue();
        assertThat(menuItem(robot, "Edit", "Copy Cells").isDisable()).isFalse();
        assertThat(menuItem(robot, "Kernel", "Restart Kernel").isDisable()).isFalse();
        String first = window.document().notebook().codeCells().get(0).id();
        robot.interact(() -> window.view().select(first));
        robot.interact(window::runInPlace);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().runtime(first).state()).isEqualTo(CellState.IDLE);
        robot.type(KeyCode.ESCAPE).type(KeyCode.D).type(KeyCode.D);
        assertThat(window.document().indexOf(first)).isGreaterThanOrEqualTo(0);
        assertThat(window.document().isDirty()).isFalse();
        // Ctrl+S does not rewrite someone else's notebook in Lessonbook's form
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readAllBytes(python)).isEqualTo(asWritten);

        // hiding its code is for the screen only, and a click shows it again
        CodeCellView view = (CodeCellView) window.view().view(first);
        robot.clickOn("View").clickOn("Hide or Show Cell Code");
        assertThat(view.hiddenCodeText()).startsWith("Code hidden (");
        assertThat(view.solutionShown()).isFalse();
        robot.clickOn(view.hiddenCodeText());
        assertThat(view.solutionShown()).isTrue();
        assertThat(window.document().isDirty()).isFalse();

        // a Java lesson opened in the same window runs again
        Path copy = dir.resolve("multiprocessing.md");
        Files.copy(DEFAULT_LESSON, copy);
        robot.interact(() -> assertThat(window.open(copy)).isTrue());
        assertThat(robot.lookup("#tb-run-all").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#tb-save").queryButton().isDisabled()).isFalse();
        assertThat(window.kernelStatus().text()).startsWith("Java  \u00B7  ");
        assertThat(menuItem(robot, "Run", "Run All Cells").isDisable()).isFalse();
        assertThat(menuItem(robot, "Edit", "Delete Cells").isDisable()).isFalse();
    }

    private static javafx.scene.control.MenuItem menuItem(FxRobot robot, String menu, String item) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().filter(m -> m.getText().equals(menu)).findFirst().orElseThrow()
                .getItems().stream().filter(i -> item.equals(i.getText())).findFirst().orElseThrow();
    }

    @Test
    void aFileThatCannotBeReadLosesNothing(FxRobot robot) throws Exception {
        Path missing = dir.resolve("nope.md");
        List<Cell> before = window.document().cells();
        robot.interact(() -> assertThat(window.open(missing)).isFalse());
        assertThat(window.document().cells()).isEqualTo(before);
        Await.until("robot.listWindows().size() > 1", Duration.ofSeconds(10), () -> robot.listWindows().size() > 1);
        assertThat(robot.lookup("Could not open nope.md").tryQuery()).isPresent();
        // the reason in words, not only the path that a NoSuchFileException's message is
        assertThat(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .startsWith("no such file or folder");
    }

    @Test
    void aJupyterNotebooksSavedPlotShowsAsTheImageNotItsTextStandIn(FxRobot robot) throws Exception {
        String png = java.util.Base64.getEncoder().encodeToString(
                lessonbook.testkit.TestImages.encoded("png", 320, 200));
        Path notebook = dir.resolve("plot.ipynb");
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "plot();",
                  "outputs": [{"output_type": "stream", "name": "stdout", "text": "plotting\\n"},
                              {"output_type": "display_data", "metadata": {},
                               "data": {"image/png": "%s", "text/plain": "<Figure size 320x200>"}},
                              {"output_type": "display_data", "metadata": {},
                               "data": {"image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg'/>",
                                        "text/plain": "<svg stand-in>"}}]}],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """.formatted(png));

        robot.interact(() -> assertThat(window.open(notebook)).isTrue());

        javafx.scene.image.ImageView image = robot.lookup(".output-image").queryAs(javafx.scene.image.ImageView.class);
        assertThat(image.getImage().getWidth()).isEqualTo(320);
        assertThat(image.getImage().getHeight()).isEqualTo(200);
        lessonbook.ui.output.OutputPane pane = robot.lookup(".output-pane").queryAs(lessonbook.ui.output.OutputPane.class);
        assertThat(pane.visibleText()).contains("plotting").doesNotContain("<Figure").doesNotContain("stand-in");
        assertThat(robot.lookup(".output-hidden-note").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .contains("[an SVG image: the HTML export shows it]");
    }
}
