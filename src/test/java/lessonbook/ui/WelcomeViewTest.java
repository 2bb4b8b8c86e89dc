package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.format.files.BundledLessons;

/** The lesson library the app starts on without a file: what it lists and what choosing an entry opens. */
@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {
    @TempDir
    static Path dir;
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private final PathDialogs dialogs = new PathDialogs();
    private WelcomeView view;
    private Path lessons;
    private Path recent;

    @Start
    void start(Stage stage) throws Exception {
        lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.writeString(lessons.resolve("multiprocessing.md"),
                "# Multiprocessing in Java\n\nRun code on every core. More text.\n\n```java\n1\n```\n");
        Files.writeString(lessons.resolve("processes-that-talk.md"),
                "# Processes that talk\n\nPipes and sockets between processes.\n\n```java\n2\n```\n\n```java\n3\n```\n");
        recent = Files.writeString(dir.resolve("mine.md"), "# Mine\n");
        Path gone = dir.resolve("deleted-since.md");
        view = WelcomeView.show(stage, new BundledLessons(lessons).summaries(), List.of(recent, gone), dialogs,
                opened::add);
    }

    @Test
    void listsTheBundledLessonsWithSummaryAndLengthThenTheRecentFilesThatStillExist(FxRobot robot) {
        assertThat(robot.lookup(".welcome-lesson-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Multiprocessing in Java", "Processes that talk");
        assertThat(robot.lookup(".welcome-lesson-summary").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Run code on every core.", "Pipes and sockets between processes.");
        assertThat(robot.lookup(".welcome-lesson-length").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("1 code cell \u00b7 about 3 min", "2 code cells \u00b7 about 5 min");
        assertThat(robot.lookup(".welcome-recent-file").queryAllAs(Button.class)).extracting(Node::getUserData)
                .containsExactly(recent);
    }

    @Test
    void clickingALessonOrARecentFileOpensIt(FxRobot robot) {
        robot.clickOn("Processes that talk");
        robot.clickOn(robot.lookup(".welcome-recent-file").queryButton());

        assertThat(opened).containsExactly(lessons.resolve("processes-that-talk.md"), recent);
    }

    @Test
    void openAsksForAFileAndOpensThePickedOneOnly(FxRobot robot) {
        robot.clickOn(".welcome-open");
        assertThat(opened).isEmpty();

        dialogs.open = recent;
        robot.clickOn(".welcome-open");
        assertThat(opened).containsExactly(recent);
    }

    @Test
    void theKeyboardReachesTheLessons(FxRobot robot) {
        robot.interact(() -> view.lessons().getChildren().get(0).requestFocus());
        robot.type(KeyCode.ENTER);

        assertThat(opened).containsExactly(lessons.resolve("multiprocessing.md"));
    }
}
