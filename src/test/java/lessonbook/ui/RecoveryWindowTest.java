package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.format.files.LessonFiles;
import lessonbook.format.files.RecoveryStore;
import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.testkit.Await;

/** Unsaved edits reach the recovery file on their own, and a leftover one is offered when the lesson opens. */
@ExtendWith(ApplicationExtension.class)
class RecoveryWindowTest {
    private static final Duration PERIOD = Duration.seconds(1);

    @TempDir
    static Path shared;
    private Path dir;
    private Path lesson;
    private Path recoveryFile;
    private RecoveryStore recovery;
    private final PathDialogs dialogs = new PathDialogs();
    private NotebookWindowFixture fixture;
    private NotebookWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(shared, "lesson");
        lesson = dir.resolve("lesson.md");
        recoveryFile = dir.resolve(".lesson.md.lbrecover");
        recovery = new RecoveryStore(dir.resolve("user-recovery"));
        fixture = NotebookWindowFixture.withTestKernel().dialogs(dialogs).recovery(recovery, PERIOD).show(stage);
        window = fixture.window();
    }

    @BeforeEach
    void writeLesson() throws Exception {
        LessonFiles.write(lesson, new Notebook(List.of(new MarkdownCell("intro", "# On disk"),
                new CodeCell("code", "int saved = 1;"))));
        // As after a crash: the recovery file written later than the last save.
        Files.setLastModifiedTime(lesson, FileTime.from(Instant.now().minusSeconds(600)));
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void anEditReachesTheRecoveryFileWithinItsPeriodAndASaveDeletesIt(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        byte[] onDisk = Files.readAllBytes(lesson);
        fixture.typeAtEnd(robot, 1, " int edited = 2;");
        long editedAt = System.nanoTime();
        // One period plus slack for a shared, loaded machine; the printed figure is what it took.
        // Typing spans several periods: wait for the file to hold the last keystroke.
        Await.until("\"int saved = 1; int edited = 2;\".equals(recoveredSource(1))", java.time.Duration.ofSeconds(15),
                () -> "int saved = 1; int edited = 2;".equals(recoveredSource(1)));
        System.out.printf("autosave: recovery file up to date %.0f ms after the last edit (period %.0f ms)%n",
                (System.nanoTime() - editedAt) / 1e6, PERIOD.toMillis());
        assertThat(Files.readAllBytes(lesson)).isEqualTo(onDisk);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertThat(window.document().isDirty()).isFalse();
        Await.until("!Files.exists(recoveryFile)", java.time.Duration.ofSeconds(15), () -> !Files.exists(recoveryFile));
        assertThat(LessonFiles.read(lesson).cells().get(1).source())
                .isEqualTo("int saved = 1; int edited = 2;");
    }

    @Test
    void aLeftoverRecoveryFileIsOfferedOnOpenAndRestoreGivesTheEditedCellsUnsaved(FxRobot robot) throws Exception {
        openWithLeftoverRecovery(robot);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).startsWith("Lessonbook found unsaved changes to lesson.md from today at ");
        assertThat(pane.getContentText()).startsWith("Restore them?");
        answerRecovery(robot, "Restore");

        assertThat(window.document().file()).isEqualTo(lesson);
        assertThat(window.document().cells()).extracting(Cell::source)
                .containsExactly("# On disk", "int saved = 1;", "System.out.println(\"recovered\");");
        assertThat(window.document().isDirty()).isTrue();
        assertThat(window.stage().getTitle()).isEqualTo("\u2022 lesson.md \u2014 Lessonbook");
        assertThat(window.view().cellViews()).hasSize(3);
        assertThat(recoveryFile).exists(); // still the only copy of those changes until they are saved
    }

    @Test
    void discardDeletesTheRecoveryFileAndOpensTheSavedLesson(FxRobot robot) throws Exception {
        openWithLeftoverRecovery(robot);
        answerRecovery(robot, "Discard");
        assertThat(window.document().cells()).extracting(Cell::source).containsExactly("# On disk", "int saved = 1;");
        assertThat(window.document().isDirty()).isFalse();
        Await.until("!Files.exists(recoveryFile)", java.time.Duration.ofSeconds(10), () -> !Files.exists(recoveryFile));
        assertThat(recovery.recover(lesson)).isEmpty();
    }

    @Test
    void keepForLaterOpensTheSavedLessonAndAsksAgainNextTime(FxRobot robot) throws Exception {
        openWithLeftoverRecovery(robot);
        answerRecovery(robot, "Keep for later");
        assertThat(window.document().cells()).extracting(Cell::source).containsExactly("# On disk", "int saved = 1;");
        assertThat(window.document().isDirty()).isFalse();
        assertThat(recovery.recover(lesson)).isPresent();

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        Await.until("recoveryDialog(robot).isPresent()", java.time.Duration.ofSeconds(20),
                () -> recoveryDialog(robot).isPresent());
        robot.clickOn("Restore");
        Await.until("window.document().cells().size() == 3", java.time.Duration.ofSeconds(10),
                () -> window.document().cells().size() == 3);
    }

    @Test
    void atStartUpTheQuestionComesWithItsWindowBehindIt(FxRobot robot) throws Exception {
        recovery.save(lesson, edited());
        NotebookWindowFixture[] startUpFixture = new NotebookWindowFixture[1];
        NotebookWindow[] startUp = new NotebookWindow[1];
        try {
            robot.interact(() -> {
                // As DesktopApp does: the lesson is opened before the window is shown.
                startUpFixture[0] = NotebookWindowFixture.withTestKernel().dialogs(dialogs).recovery(recovery, PERIOD)
                        .build(new Stage());
                startUp[0] = startUpFixture[0].window();
                javafx.application.Platform.runLater(() -> {
                    startUp[0].open(lesson);
                    startUp[0].show();
                });
            });
            Await.until("recoveryDialog(robot).isPresent()", java.time.Duration.ofSeconds(20),
                    () -> recoveryDialog(robot).isPresent());
            assertThat(startUp[0].stage().isShowing()).isTrue();
            assertThat(startUp[0].document().cells()).hasSize(2); // the saved lesson, behind the question
            robot.clickOn("Restore");
            Await.until("startUp[0].document().cells().size() == 3", java.time.Duration.ofSeconds(10),
                    () -> startUp[0].document().cells().size() == 3);
            assertThat(startUp[0].document().isDirty()).isTrue();
        } finally {
            if (startUpFixture[0] != null) {
                startUpFixture[0].close();
            }
        }
    }

    @Test
    void quittingWithDontSaveDeletesTheRecoveryFile(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        fixture.typeAtEnd(robot, 1, " int lost = 3;");
        Await.until("Files.exists(recoveryFile)", java.time.Duration.ofSeconds(15), () -> Files.exists(recoveryFile));
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        Await.until("robot.lookup(\"Don't Save\").tryQuery().isPresent()", java.time.Duration.ofSeconds(20),
                () -> robot.lookup("Don't Save").tryQuery().isPresent());
        robot.clickOn("Don't Save");
        Await.until("!window.stage().isShowing()", java.time.Duration.ofSeconds(20), () -> !window.stage().isShowing());
        assertThat(recoveryFile).doesNotExist();
        assertThat(LessonFiles.read(lesson).cells().get(1).source()).isEqualTo("int saved = 1;");
    }

    /** The source of a cell in the recovery file, or null while there is none that reads. */
    private String recoveredSource(int index) {
        try {
            return Files.exists(recoveryFile)
                    ? LessonFiles.read(recoveryFile, LessonFiles.Format.MARKDOWN).cells().get(index).source() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Notebook edited() {
        return new Notebook(List.of(new MarkdownCell("intro", "# On disk"), new CodeCell("code", "int saved = 1;"),
                new CodeCell("added", "System.out.println(\"recovered\");")));
    }

    /** Ctrl+O on the lesson while a recovery file from a crash is left over: the question shows. */
    private void openWithLeftoverRecovery(FxRobot robot) throws Exception {
        recovery.save(lesson, edited());
        dialogs.open = lesson;
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        Await.until("recoveryDialog(robot).isPresent()", java.time.Duration.ofSeconds(20),
                () -> recoveryDialog(robot).isPresent());
    }

    private static void answerRecovery(FxRobot robot, String button) throws Exception {
        robot.clickOn(button);
        Await.until("recoveryDialog(robot).isEmpty()", java.time.Duration.ofSeconds(10),
                () -> recoveryDialog(robot).isEmpty());
    }

    private static Optional<Window> recoveryDialog(FxRobot robot) {
        return NotebookWindowFixture.showingWindowTitled(robot, RecoveryDialog.TITLE);
    }
}
