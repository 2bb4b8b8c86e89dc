package lessonbook.ui;

import static lessonbook.testkit.Fx.onFx;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.format.files.RecoveryStore;
import lessonbook.kernel.client.Kernel;
import lessonbook.model.CellState;
import lessonbook.model.Notebook;
import lessonbook.testkit.Await;
import lessonbook.testkit.Fx;

/**
 * A notebook window on a TestFX stage with the kernel a test injects: built in {@code @Start}, ended in
 * {@code @AfterEach} by {@link #close()} (the kernel, then the window). Recent files go to a test-only
 * preferences node, and the file questions are answered by a {@link PathDialogs} that picks nothing unless the
 * test gives it a path. Waits poll with a deadline; they never sleep.
 */
public final class NotebookWindowFixture {
    /** Long enough for a real kernel JVM to start and run a cell on a shared, loaded machine. */
    private static final long REAL_KERNEL_SECONDS = 90;
    /** Surefire's number of this test JVM: forks run side by side, so each keeps its own files and preferences. */
    private static final String FORK = System.getProperty("lessonbook.test.fork", "1");

    private final Kernel kernel;
    private final NotebookWindow window;
    private final long waitSeconds;

    private NotebookWindowFixture(Kernel kernel, NotebookWindow window, long waitSeconds) {
        this.kernel = kernel;
        this.window = window;
        this.waitSeconds = waitSeconds;
    }

    /** Starts describing a window whose cells run on {@code kernel}; the fixture closes that kernel. */
    public static Builder withKernel(Kernel kernel) {
        return new Builder(kernel);
    }

    /** The real kernel JVM when this build has it, else the scripted one (see {@link TestKernels}). */
    static Builder withTestKernel() {
        return withKernel(TestKernels.create());
    }

    public static final class Builder {
        private final Kernel kernel;
        private FileDialogs dialogs = new PathDialogs();
        private RecoveryStore recovery = RecoveryStore.inUserHome();
        private Duration autosavePeriod = NotebookWindow.AUTOSAVE_PERIOD;
        private long waitSeconds = REAL_KERNEL_SECONDS;
        private double width;
        private double height;

        private Builder(Kernel kernel) {
            this.kernel = kernel;
        }

        /** Answers the file questions (open, save, export) in place of the native dialogs. */
        Builder dialogs(FileDialogs answers) {
            this.dialogs = answers;
            return this;
        }

        Builder recovery(RecoveryStore store, Duration period) {
            this.recovery = store;
            this.autosavePeriod = period;
            return this;
        }

        /** How long {@link #waitFor(Callable)} waits: a scripted kernel answers far sooner than a real one. */
        Builder waitingUpTo(long seconds) {
            this.waitSeconds = seconds;
            return this;
        }

        /**
         * The stage this size before the window shows: for a test of what is in view, or of layout, whose
         * figures must not depend on the screen's size.
         */
        Builder sized(double stageWidth, double stageHeight) {
            this.width = stageWidth;
            this.height = stageHeight;
            return this;
        }

        /** The window with an untitled lesson, not yet shown: for a test that shows it itself. */
        NotebookWindowFixture build(Stage stage) {
            if (width > 0) {
                stage.setWidth(width);
                stage.setHeight(height);
            }
            NotebookWindow window = new NotebookWindow(stage, () -> kernel, LessonStore.files(), dialogs,
                    new RecentFiles(new SettingsFile(Path.of("target", "test-settings", "fork-" + FORK, "recent.properties")
                            .toAbsolutePath())), recovery,
                    autosavePeriod);
            return new NotebookWindowFixture(kernel, window, waitSeconds);
        }

        /** Shows the window with an untitled lesson. */
        public NotebookWindowFixture show(Stage stage) {
            NotebookWindowFixture fixture = build(stage);
            fixture.window.show();
            return fixture;
        }

        /**
         * Shows the window with {@code notebook} as if it had been read from {@code file}; a relative {@code file}
         * lies under {@code target/test-lessons/fork-N}, so that what the window writes beside it (a recovery file of
         * unsaved changes) stays out of the project's own folders.
         */
        NotebookWindowFixture show(Stage stage, Notebook notebook, Path file) {
            NotebookWindowFixture fixture = build(stage);
            fixture.window.document().replace(notebook, file.isAbsolute() ? file
                    : Path.of("target", "test-lessons", "fork-" + FORK).toAbsolutePath().resolve(file));
            fixture.window.show();
            return fixture;
        }

        /** Opens {@code lesson} from disk and shows it; a lesson that does not open ends the kernel and fails. */
        public NotebookWindowFixture open(Stage stage, Path lesson) {
            NotebookWindowFixture fixture = build(stage);
            if (!fixture.window.open(lesson)) {
                kernel.close();
                throw new IllegalStateException("the window could not open " + lesson);
            }
            fixture.window.show();
            return fixture;
        }
    }

    public NotebookWindow window() {
        return window;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Ends the kernel, then closes the window if it still shows. Call from the test thread. */
    public void close() {
        try {
            kernel.close();
        } finally {
            onFx(() -> window.stage().close());
        }
    }

    // ----- what a test does and reads in the window -----

    CodeCellView code(String cellId) {
        return (CodeCellView) window.view().view(cellId);
    }

    /** True once the cell's output pane exists and shows exactly {@code text}. */
    boolean outputShows(String cellId, String text) {
        return code(cellId).hasOutputPane() && code(cellId).outputs().visibleText().equals(text);
    }

    /**
     * The run state the cell's view shows (queued, running, done, error), read on the FX thread: the view takes a
     * new state before it writes its status line, and a test that saw the one must then read the other.
     */
    CellState shownState(String cellId) {
        return Fx.onFx(() -> code(cellId).runtime().state());
    }

    String cellId(int index) {
        return window.document().cells().get(index).id();
    }

    /** Clicks into a cell's editor, as a user starting to type in it. */
    void edit(FxRobot robot, String cellId) {
        robot.clickOn(window.view().view(cellId).editor().node());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types {@code text} at the end of the cell at {@code index}. */
    void typeAtEnd(FxRobot robot, int index, String text) {
        robot.clickOn(window.view().view(cellId(index)).editor().node());
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write(text);
    }

    /** Selects the cell and runs it without moving on, as the toolbar's Run does. */
    void run(FxRobot robot, String cellId) {
        robot.interact(() -> window.view().select(cellId));
        robot.interact(window::runInPlace);
    }

    /** Waits up to this fixture's time-out (see {@link Builder#waitingUpTo}) for {@code condition}. */
    void waitFor(Await.Condition condition) {
        Await.until("a change in the window", java.time.Duration.ofSeconds(waitSeconds), condition);
    }

    /** The showing window (a dialog or a second stage) with this title. */
    static Optional<Window> showingWindowTitled(FxRobot robot, String title) {
        return robot.listWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s
                && title.equals(s.getTitle())).findFirst();
    }

}
