package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

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
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.format.LessonFiles;
import lessonbook.format.RecoveryStore;
import lessonbook.kernel.client.Kernel;
import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;

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
    private NotebookWindow window;
    private Kernel kernel;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(shared, "lesson");
        lesson = dir.resolve("lesson.md");
        recoveryFile = dir.resolve(".lesson.md.lbrecover");
        recovery = new RecoveryStore(dir.resolve("user-recovery"));
        kernel = TestKernels.create();
        window = new NotebookWindow(stage, () -> kernel, LessonStore.files(), dialogs,
                new RecentFiles(Preferences.userRoot().node("lessonbook-test/recent")), recovery, PERIOD);
        window.show();
    }

    @BeforeEach
    void writeLesson() throws Exception {
        LessonFiles.write(lesson, new Notebook(List.of(new MarkdownCell("intro", "# On disk"),
                new CodeCell("code", "int saved = 1;"))));
        // As after a crash: the recovery file written later than the last save.
        Files.setLastModifiedTime(lesson, FileTime.from(Instant.now().minusSeconds(600)));
    }

    @AfterEach
    void closeKernel() {
        kernel.close();
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private void typeInto(FxRobot robot, int index, String text) {
        String cellId = window.document().cells().get(index).id();
        robot.clickOn(window.view().view(cellId).editor().node());
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write(text);
    }

    @Test
    void anEditReachesTheRecoveryFileWithinItsPeriodAndASaveDeletesIt(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        byte[] onDisk = Files.readAllBytes(lesson);
        typeInto(robot, 1, " int edited = 2;");
        long editedAt = System.nanoTime();
        // One period plus slack for a shared, loaded machine; the printed figure is what it took.
        // Typing spans several periods: wait for the file to hold the last keystroke.
        waitFor(15, () -> "int saved = 1; int edited = 2;".equals(recoveredSource(1)));
        System.out.printf("autosave: recovery file up to date %.0f ms after the last edit (period %.0f ms)%n",
                (System.nanoTime() - editedAt) / 1e6, PERIOD.toMillis());
        assertThat(Files.readAllBytes(lesson)).isEqualTo(onDisk);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertThat(window.document().isDirty()).isFalse();
        waitFor(15, () -> !Files.exists(recoveryFile));
        assertThat(LessonFiles.read(lesson).cells().get(1).source())
                .isEqualTo("int saved = 1; int edited = 2;");
    }

    @Test
    void aLeftoverRecoveryFileIsOfferedOnOpenAndRestoreGivesTheEditedCellsUnsaved(FxRobot robot) throws Exception {
        recovery.save(lesson, edited());
        dialogs.open = lesson;
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(20, () -> recoveryDialog(robot).isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).startsWith("Lessonbook found unsaved changes to lesson.md from today at ");
        assertThat(pane.getContentText()).startsWith("Restore them?");
        robot.clickOn("Restore");
        waitFor(10, () -> recoveryDialog(robot).isEmpty());

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
        recovery.save(lesson, edited());
        dialogs.open = lesson;
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(20, () -> recoveryDialog(robot).isPresent());
        robot.clickOn("Discard");
        waitFor(10, () -> recoveryDialog(robot).isEmpty());
        assertThat(window.document().cells()).extracting(Cell::source).containsExactly("# On disk", "int saved = 1;");
        assertThat(window.document().isDirty()).isFalse();
        waitFor(10, () -> !Files.exists(recoveryFile));
        assertThat(recovery.recover(lesson)).isEmpty();
    }

    @Test
    void keepForLaterOpensTheSavedLessonAndAsksAgainNextTime(FxRobot robot) throws Exception {
        recovery.save(lesson, edited());
        dialogs.open = lesson;
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(20, () -> recoveryDialog(robot).isPresent());
        robot.clickOn("Keep for later");
        waitFor(10, () -> recoveryDialog(robot).isEmpty());
        assertThat(window.document().cells()).extracting(Cell::source).containsExactly("# On disk", "int saved = 1;");
        assertThat(window.document().isDirty()).isFalse();
        assertThat(recovery.recover(lesson)).isPresent();

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(20, () -> recoveryDialog(robot).isPresent());
        robot.clickOn("Restore");
        waitFor(10, () -> window.document().cells().size() == 3);
    }

    @Test
    void atStartUpTheQuestionComesWithItsWindowBehindIt(FxRobot robot) throws Exception {
        recovery.save(lesson, edited());
        Kernel second = TestKernels.create();
        try {
            NotebookWindow[] startUp = new NotebookWindow[1];
            robot.interact(() -> {
                // As DesktopApp does: the lesson is opened before the window is shown.
                startUp[0] = new NotebookWindow(new Stage(), () -> second, LessonStore.files(), dialogs,
                        new RecentFiles(Preferences.userRoot().node("lessonbook-test/recent")), recovery, PERIOD);
                javafx.application.Platform.runLater(() -> {
                    startUp[0].open(lesson);
                    startUp[0].show();
                });
            });
            waitFor(20, () -> recoveryDialog(robot).isPresent());
            assertThat(startUp[0].stage().isShowing()).isTrue();
            assertThat(startUp[0].document().cells()).hasSize(2); // the saved lesson, behind the question
            robot.clickOn("Restore");
            waitFor(10, () -> startUp[0].document().cells().size() == 3);
            assertThat(startUp[0].document().isDirty()).isTrue();
            robot.interact(() -> startUp[0].stage().close());
        } finally {
            second.close();
        }
    }

    @Test
    void quittingWithDontSaveDeletesTheRecoveryFile(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(lesson));
        typeInto(robot, 1, " int lost = 3;");
        waitFor(15, () -> Files.exists(recoveryFile));
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        waitFor(20, () -> robot.lookup("Don't Save").tryQuery().isPresent());
        robot.clickOn("Don't Save");
        waitFor(20, () -> !window.stage().isShowing());
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

    private static Optional<Window> recoveryDialog(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s
                && RecoveryDialog.TITLE.equals(s.getTitle())).findFirst();
    }
}
