package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.format.files.BundledLessons;
import lessonbook.format.files.RecoveryStore;
import lessonbook.kernel.client.ClassDataCache;
import lessonbook.model.CellState;
import lessonbook.model.CodeCell;

/**
 * The app installed read-only (an app image in /opt): a bundled lesson opened from the lesson library runs, its
 * unsaved edits go to the user's recovery folder, and Save says the folder is read-only and asks where to save a
 * copy (the user's Documents, suggested); cancelled, the edits stay. Nothing is written into the install.
 * The lessons folder is a read-only copy of the repository's {@code lessons/}: no write permission, and, for a
 * test run as root (whom permissions do not stop), the immutable attribute ({@code chattr +i}).
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyInstallWindowTest {
    @TempDir
    static Path dir;
    private final PathDialogs dialogs = new PathDialogs();
    private Path lessons;
    private RecoveryStore recovery;
    private NotebookWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Path install = Files.createDirectories(dir.resolve("opt").resolve("lessonbook"));
        lessons = install.resolve("lessons");
        copy(Path.of("lessons"), lessons);
        copy(Path.of("assets"), install.resolve("assets"));
        makeReadOnly(lessons);
        recovery = new RecoveryStore(Files.createDirectories(dir.resolve("home").resolve("recovery")));
        WelcomeView.show(stage, new BundledLessons(lessons).summaries(), List.of(), dialogs, chosen -> {
            fixture = NotebookWindowFixture.withTestKernel().dialogs(dialogs)
                    .recovery(recovery, javafx.util.Duration.millis(200)).build(stage);
            fixture.window().open(chosen);
            fixture.window().show();
        });
    }

    @AfterEach
    void closeAndMakeWritable() throws Exception {
        try {
            if (fixture != null) {
                fixture.close();
            }
        } finally {
            new ProcessBuilder("chattr", "-R", "-i", lessons.toString()).inheritIO().start().waitFor();
            try (Stream<Path> all = Files.walk(lessons)) {
                for (Path p : all.toList()) {
                    p.toFile().setWritable(true, true);
                }
            }
        }
    }

    @Test
    void aBundledLessonRunsAndItsEditsAreSavedElsewhereNeverLost(FxRobot robot) throws Exception {
        Path original = lessons.resolve("processes-that-talk.md");
        byte[] onDisk = Files.readAllBytes(original);
        List<String> installed = listing(lessons);

        robot.clickOn("Processes that talk");
        NotebookWindow window = fixture.window();
        assertThat(window.document().file()).isEqualTo(original);
        String first = window.document().notebook().codeCells().get(0).id();
        fixture.run(robot, first);
        fixture.waitFor(() -> window.document().runtime(first).state() == CellState.DONE);

        String edited = ((CodeCell) window.document().cell(first)).source() + "\n// my own note";
        robot.interact(() -> window.document().editSource(first, edited));
        fixture.waitFor(() -> recovery.find(original).isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        DialogPane question = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(question.getHeaderText()).isEqualTo("Cannot save processes-that-talk.md in " + lessons);
        assertThat(question.getContentText()).contains("read-only").contains("Your changes are kept");
        robot.clickOn("Cancel");
        assertThat(window.document().isDirty()).isTrue();
        assertThat(window.document().cell(first).source()).isEqualTo(edited);

        Path mine = Files.createDirectories(dir.resolve("home").resolve("Documents")).resolve("talk.md");
        dialogs.save = mine;
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        robot.clickOn("Save Elsewhere\u2026");

        assertThat(dialogs.suggestedSave).isEqualTo(LessonFileCommands.userFolder().resolve("processes-that-talk.md"));
        assertThat(window.document().file()).isEqualTo(mine);
        assertThat(window.document().isDirty()).isFalse();
        assertThat(Files.readString(mine)).contains("// my own note");
        assertThat(Files.readAllBytes(original)).isEqualTo(onDisk);
        assertThat(listing(lessons)).isEqualTo(installed);
        assertThat(ClassDataCache.inUserCache().archive().startsWith(lessons.getParent())).isFalse();
    }

    /** No write permission; as root, also immutable; the test is skipped where neither makes it read-only. */
    private static void makeReadOnly(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                p.toFile().setWritable(false, false);
            }
        }
        if (!canCreateIn(folder)) {
            return;
        }
        try {
            new ProcessBuilder("chattr", "-R", "+i", folder.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            // no chattr: the probe below says so
        }
        Assumptions.assumeFalse(canCreateIn(folder), "no way to make a folder read-only for this user here");
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.map(p -> folder.relativize(p) + " " + p.toFile().length()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
