package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelLauncher;
import lessonbook.kernel.client.KernelStatus;
import lessonbook.model.CellState;

/**
 * The app opened on a Python notebook (to read it) starts no kernel JVM, as the app's own kernel would start after
 * the first frame; opening a Java lesson in the same window starts one, and its cells run.
 */
@ExtendWith(ApplicationExtension.class)
class NotebookInAnotherLanguageKernelTest {
    private static final Path PYTHON = Path.of("src", "test", "resources", "notebooks", "own", "python-4.0.ipynb");

    @TempDir
    Path dir;
    /** Stands for the window's first frame, after which the app's kernel process would start. */
    private final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
    private NotebookWindowFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = NotebookWindowFixture.withKernel(JvmKernel.startWhen(KernelLauncher.standard(), firstFrame))
                .open(stage, PYTHON);
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void noKernelJvmUntilANotebookThatRunsHereIsOpened(FxRobot robot) throws Exception {
        NotebookWindow window = fixture.window();
        Kernel kernel = fixture.kernel();
        assertThat(window.document().isReadOnly()).isTrue();

        firstFrame.complete(null);
        assertThat(kernel.pid()).as("no kernel process for a Python notebook").isEqualTo(-1);
        assertThat(kernel.status()).isEqualTo(KernelStatus.STARTING);
        // what asks the kernel (the variables pane, completion) is answered at once instead of waiting for ever
        assertThat(kernel.variables()).isCompletedExceptionally();
        assertThat(window.kernelStatus().text()).isEqualTo("Read-only  \u00B7  not run here");

        Path lesson = Files.writeString(dir.resolve("lesson.md"), "# Sums\n\n```java\nSystem.out.println(6 * 7);\n```\n");
        robot.interact(() -> assertThat(window.open(lesson)).isTrue());
        fixture.waitFor(() -> kernel.pid() > 0);
        assertThat(ProcessHandle.of(kernel.pid())).isPresent();
        String cell = window.document().notebook().codeCells().get(0).id();
        fixture.run(robot, cell);
        fixture.waitFor(() -> window.document().runtime(cell).state() == CellState.DONE);
        assertThat(window.document().notebook().cell(cell).orElseThrow()).extracting(c -> ((lessonbook.model.CodeCell) c).outputText())
                .isEqualTo("42\n");
    }
}
