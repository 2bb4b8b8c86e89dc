package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.format.files.LessonFiles;
import lessonbook.format.files.RecoveryStore;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelListener;
import lessonbook.kernel.client.KernelStatus;
import lessonbook.model.Cell;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;

/** The File menu with the real kernel: exports of the window's document, Save As .ipynb, IJava notebooks, crashes. */
@ExtendWith(ApplicationExtension.class)
class FileMenuWindowTest {
    @TempDir
    static Path shared;
    private Path dir;
    private Path lesson;
    private final PathDialogs dialogs = new PathDialogs();
    private NotebookWindowFixture fixture;
    private NotebookWindow window;
    private Kernel kernel;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(shared, "files");
        lesson = dir.resolve("lesson.md");
        LessonFiles.write(lesson, new Notebook(List.of(new MarkdownCell("intro", "# Exports"),
                new CodeCell("print", "System.out.println(\"answer is \" + (6 * 7));"),
                new CodeCell("exit", "System.exit(1);"))));
        fixture = NotebookWindowFixture.withTestKernel().dialogs(dialogs)
                .recovery(new RecoveryStore(dir.resolve("user-recovery")), Duration.seconds(1)).show(stage);
        window = fixture.window();
        kernel = fixture.kernel();
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    private String id(int index) {
        return fixture.cellId(index);
    }

    @Test
    void exportAsHtmlFromTheMenuWritesTheWindowsDocumentWithItsOutput(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        byte[] onDisk = Files.readAllBytes(lesson);
        fixture.run(robot, id(1));
        fixture.waitFor(() -> window.document().runtime(id(1)).state() == CellState.DONE);
        robot.interact(() -> window.document().editSource(id(0), "# Exports <not saved yet>"));
        Path page = dir.resolve("page.html");
        dialogs.export = page;
        robot.clickOn("File").clickOn("Export as HTML\u2026");
        fixture.waitFor(() -> window.statusBar().message().startsWith("Exported"));
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("answer is 42").contains("&lt;not saved yet&gt;");
        assertThat(window.statusBar().message()).isEqualTo("Exported HTML Page to " + page);
        // An export is a copy: the lesson is still unsaved and still the window's file.
        assertThat(window.document().isDirty()).isTrue();
        assertThat(window.document().file()).isEqualTo(lesson);
        assertThat(Files.readAllBytes(lesson)).isEqualTo(onDisk);
    }

    @Test
    void exportAsJupyterAndMarkdownFromTheMenu(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        Path notebook = dir.resolve("copy.ipynb");
        dialogs.export = notebook;
        robot.clickOn("File").clickOn("Export as Jupyter Notebook\u2026");
        fixture.waitFor(() -> window.statusBar().message().startsWith("Exported"));
        assertThat(LessonFiles.read(notebook).cells()).extracting(Cell::source)
                .containsExactlyElementsOf(window.document().cells().stream().map(Cell::source).toList());
        Path markdown = dir.resolve("copy.md");
        dialogs.export = markdown;
        robot.clickOn("File").clickOn("Export as Lesson Markdown\u2026");
        fixture.waitFor(() -> Files.exists(markdown) && window.statusBar().message().endsWith(markdown.toString()));
        assertThat(LessonFiles.read(markdown).cells()).extracting(Cell::source)
                .containsExactlyElementsOf(window.document().cells().stream().map(Cell::source).toList());
    }

    @Test
    void anExportThatCannotBeWrittenSaysSoAndChangesNothing(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        byte[] onDisk = Files.readAllBytes(lesson);
        dialogs.export = lesson.resolve("inside-a-file.html"); // a file is no folder
        robot.clickOn("File").clickOn("Export as HTML\u2026");
        fixture.waitFor(() -> robot.lookup("Could not export to inside-a-file.html").tryQuery().isPresent());
        assertThat(window.statusBar().message()).isEqualTo("Export failed");
        assertThat(Files.readAllBytes(lesson)).isEqualTo(onDisk);
        assertThat(window.document().isDirty()).isFalse();
    }

    @Test
    void saveAsIpynbWritesNbformat45ThatReopensWithTheSameCells(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        fixture.run(robot, id(1));
        fixture.waitFor(() -> window.document().runtime(id(1)).state() == CellState.DONE);
        List<String> sources = window.document().cells().stream().map(Cell::source).toList();
        Path saved = dir.resolve("lesson.ipynb");
        dialogs.save = saved;
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(window.document().file()).isEqualTo(saved);
        assertThat(window.document().isDirty()).isFalse();
        assertThat(window.stage().getTitle()).isEqualTo("lesson.ipynb \u2014 Lessonbook");

        JsonNode json = new ObjectMapper().readTree(saved.toFile());
        assertThat(json.get("nbformat").asInt()).isEqualTo(4);
        assertThat(json.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(json.at("/metadata/kernelspec/language").asText()).isEqualTo("java");
        assertThat(json.get("cells")).hasSize(3);
        for (JsonNode cell : json.get("cells")) {
            assertThat(cell.get("id").asText()).isNotBlank();
        }
        assertThat(json.at("/cells/1/outputs/0/output_type").asText()).isEqualTo("stream");
        assertThat(json.at("/cells/1/outputs/0/text").toString()).contains("answer is 42");

        robot.interact(() -> window.open(lesson));
        dialogs.open = saved;
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        assertThat(window.document().file()).isEqualTo(saved);
        assertThat(window.document().cells()).extracting(Cell::source).containsExactlyElementsOf(sources);
        assertThat(window.document().cells().get(0)).isInstanceOf(MarkdownCell.class);
        assertThat(((CodeCell) window.document().cells().get(1)).outputText()).isEqualTo("answer is 42\n");
    }

    @Test
    void aNotebookWrittenByIJavaOpensFromTheMenu(FxRobot robot) throws Exception {
        Path ijava = Path.of("src", "test", "resources", "notebooks", "public", "tribuo-anomaly-tribuo-v4.ipynb");
        Notebook expected = LessonFiles.read(ijava);
        dialogs.open = ijava;
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        assertThat(window.document().file()).isEqualTo(ijava);
        assertThat(window.document().isReadOnly()).isFalse();
        assertThat(window.document().cells()).extracting(Cell::source)
                .containsExactlyElementsOf(expected.cells().stream().map(Cell::source).toList());
        assertThat(window.view().cellViews()).hasSize(expected.cells().size());
        assertThat(window.stage().getTitle()).isEqualTo("tribuo-anomaly-tribuo-v4.ipynb \u2014 Lessonbook");
        assertThat(((MarkdownCellView) window.view().cellViews().get(0)).rendered().getMarkdown())
                .startsWith("# Anomaly Detection Tutorial");
    }

    @Tag("slow")
    @Test
    void systemExitInACellAndARestartLeaveTheEditsAndTheFileAlone(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        byte[] onDisk = Files.readAllBytes(lesson);
        fixture.typeAtEnd(robot, 1, " // edited before the crash");
        String edited = "System.out.println(\"answer is \" + (6 * 7)); // edited before the crash";
        assertThat(window.document().cells().get(1).source()).isEqualTo(edited);
        robot.type(KeyCode.ESCAPE);
        List<KernelStatus> seen = new CopyOnWriteArrayList<>();
        kernel.addListener(new KernelListener() {
            @Override
            public void onStatus(KernelStatus status, String detail) {
                seen.add(status);
            }
        });

        fixture.run(robot, id(2));
        fixture.waitFor(() -> window.document().runtime(id(2)).state() == CellState.ERROR);
        fixture.waitFor(() -> seen.contains(KernelStatus.DEAD) || seen.contains(KernelStatus.RESTARTING));
        fixture.waitFor(() -> window.session().status() == KernelStatus.IDLE);
        assertThat(window.document().cells().get(1).source()).isEqualTo(edited);
        assertThat(window.document().cells()).hasSize(3);
        assertThat(window.document().isDirty()).isTrue();
        assertThat(window.stage().getTitle()).startsWith("\u2022 ");
        assertThat(Files.readAllBytes(lesson)).isEqualTo(onDisk);

        // The kernel that came back runs the edited cell.
        fixture.run(robot, id(1));
        fixture.waitFor(() -> window.document().runtime(id(1)).state() == CellState.DONE);
        assertThat(((CodeCell) window.document().cells().get(1)).outputText()).isEqualTo("answer is 42\n");

        seen.clear();
        robot.clickOn("#tb-restart");
        fixture.waitFor(() -> seen.contains(KernelStatus.RESTARTING) && seen.get(seen.size() - 1) == KernelStatus.IDLE);
        fixture.waitFor(() -> window.session().status() == KernelStatus.IDLE);
        assertThat(window.document().cells().get(1).source()).isEqualTo(edited);
        assertThat(window.document().isDirty()).isTrue();
        assertThat(Files.readAllBytes(lesson)).isEqualTo(onDisk);
    }
}
