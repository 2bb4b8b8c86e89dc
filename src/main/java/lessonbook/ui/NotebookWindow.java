package lessonbook.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.fxmisc.richtext.GenericStyledArea;

import lessonbook.format.files.RecoveryStore;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelStatus;
import lessonbook.model.CodeCell;
import lessonbook.model.DocumentChange;
import lessonbook.model.NotebookDocument;
import lessonbook.session.ExerciseChecks;
import lessonbook.session.NotebookSession;

/**
 * One lesson in one window: menus, toolbar, the cells, a status bar, and the file commands around them.
 * Everything here runs on the FX thread; the kernel's events reach it through {@link NotebookSession}.
 */
public final class NotebookWindow implements WindowActions {
    /** How often unsaved edits go to the recovery file. */
    static final Duration AUTOSAVE_PERIOD = Duration.seconds(5);
    private final Stage stage;
    private final NotebookDocument document = NotebookDocument.untitled();
    private final NotebookSession session;
    private final ExerciseChecks exercises;
    private final LessonFileCommands files;
    private final ExportCommands exports;
    private final FileWork fileWork = new FileWork();
    private final LessonAutosave autosave;
    private final Appearance appearance = new Appearance();
    private final NotebookView view;
    private final NotebookCommands commands;
    private final RunCommands runs;
    private final KernelStatusView kernelStatus = new KernelStatusView();
    private final StatusBar statusBar = new StatusBar();
    private final LessonFindBar findBar;
    private final SidePanes panes;
    private final KeptView kept;
    private final VisibleChangeBeacon beacon = new VisibleChangeBeacon();
    /**
     * On the window's root while a cell runs or waits to: carets hold still then (lessonbook.css). A blinking caret
     * keeps JavaFX drawing 60 frames a second for its timeline and repaints twice a second, CPU the workers need.
     */
    static final javafx.css.PseudoClass CELLS_BUSY = javafx.css.PseudoClass.getPseudoClass("cells-busy");
    private final StackPane root;
    private final ComboBox<String> cellType = new ComboBox<>();
    private NotebookToolbar toolbar;
    private LessonPlace place;
    private final Menu recentMenu = new Menu("Open Recent");
    private final HelpOverlay help;
    private final NotebookBanner banner = new NotebookBanner();
    private final PresenterMode presenter;
    /** The running cells' elapsed times, at the window's one cadence ({@code FxClock.FRAME_MILLIS}). */
    private final lessonbook.ui.richoutput.FxClock ticker = new lessonbook.ui.richoutput.FxClock(
            lessonbook.ui.richoutput.FxClock.FRAME_MILLIS, this::tick);

    public NotebookWindow(Stage stage, Supplier<Kernel> kernels, LessonStore store, FileDialogs dialogs) {
        this(stage, kernels, store, dialogs, RecentFiles.forUser());
    }

    NotebookWindow(Stage stage, Supplier<Kernel> kernels, LessonStore store, FileDialogs dialogs,
                   RecentFiles recent) {
        this(stage, kernels, store, dialogs, recent, RecoveryStore.inUserHome(), AUTOSAVE_PERIOD);
    }

    NotebookWindow(Stage stage, Supplier<Kernel> kernels, LessonStore store, FileDialogs dialogs,
                   RecentFiles recent, RecoveryStore recovery, Duration autosavePeriod) {
        this.stage = stage;
        this.autosave = new LessonAutosave(document, recovery, fileWork, autosavePeriod);
        this.files = new LessonFileCommands(stage, document, store, dialogs, recent, autosave, this::restartKernel,
                () -> place.opening(), () -> place.opened());
        this.exports = new ExportCommands(stage, document, dialogs, fileWork, statusBar::showMessage);
        this.session = new NotebookSession(document, kernels.get(), Platform::runLater);
        this.view = new NotebookView(document, appearance.fontSize(), KernelAssist.of(session), this::openLink);
        this.place = new LessonPlace(document, view, recent, statusBar::showMessage);
        this.exercises = new ExerciseChecks(document, session);
        this.panes = new SidePanes(document, view, session);
        CellEditCommands edits = new CellEditCommands(document, view);
        this.runs = new RunCommands(document, view, session, exercises, edits);
        view.setOnCheck(runs::checkExercise);
        this.commands = new NotebookCommands(this, runs, edits, files, exports, appearance);
        this.help = new HelpOverlay(commands.groups());

        BorderPane main = new BorderPane();
        main.getStyleClass().add("main");
        Node menus = commands.menuBar(() -> files.fillRecentMenu(recentMenu), recentMenu);
        toolbar = new NotebookToolbar(runs, edits, files, appearance, cellType, kernelStatus);
        Node tools = toolbar;
        presenter = new PresenterMode(stage, appearance, menus, tools, statusBar);
        this.kept = new KeptView(appearance, panes, presenter::isActive);
        presenter.setOnActive(active -> {
            view.setKeepSelectedInPlace(active);
            panes.presenterActive(active);
        });
        main.setTop(new VBox(menus, tools, presenter.bar()));
        this.findBar = new LessonFindBar(document, view);
        VBox center = new VBox(banner, findBar, view);
        VBox.setVgrow(view, Priority.ALWAYS);
        main.setCenter(center);
        panes.placeIn(main);
        main.setBottom(statusBar);
        root = new StackPane(main, help, beacon);
        root.getStyleClass().add("lessonbook-root");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1180, screen.getWidth()), Math.min(860, screen.getHeight()));
        appearance.attach(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        beacon.watch(scene, view);   // changes out of view must not repaint the whole window
        // A stage hidden or given another scene no longer shows this lesson: its autosave must not outlive it.
        stage.sceneProperty().addListener((o, was, now) -> {
            if (now != scene) {
                autosave.close();
            }
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> autosave.close());
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose();
        });

        view.setOnSelect(() -> {
            updatePresenter();
            toolbar.showKindOf(view.selectedCells());   // the Code/Markdown box names the selection's kind
            updateStatusBar();
            panes.selectionMoved();
            place.selectionMoved();
        });
        view.setOnMessage(statusBar::showMessage);
        session.setStatusListener((kernelState, detail) -> {
            kernelStatus.show(kernelState, detail);
            updatePresenter();
            if (kernelState == KernelStatus.RESTARTING || kernelState == KernelStatus.DEAD) {
                view.freezeWorkers();
            }
            panes.kernelStatus(kernelState);
        });
        session.setInputPrompts(new CellInputPrompts(view));
        session.setWorkerActivityListener(activity -> {
            if (view.view(activity.cellId()) instanceof CodeCellView code && code.hasOutputPane()) {
                code.outputs().showWorkerActivity(activity);
            }
        });
        document.addListener(this::onDocumentChange);
        appearance.fontSize().addListener((o, was, now) -> updateStatusBar());
        updateTitle();
        updateStatusBar();
        showWhetherItRuns();
    }

    /**
     * The banner's reason, the change and run buttons and the kernel label follow the notebook shown, and its kernel
     * JVM starts only for a notebook that runs here (a Python notebook opened to read costs no ~250 MB JVM).
     */
    private void showWhetherItRuns() {
        session.kernel().setNeeded(!document.isReadOnly());
        banner.update(document);
        toolbar.showReadOnly(document.isReadOnly());
        commands.showReadOnly(document.isReadOnly());
        kernelStatus.showReadOnly(document.notebook().readOnlyReason().orElse(null));
    }

    private void onKey(KeyEvent event) {
        if (help.isVisible() && (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.H
                || event.getCode() == KeyCode.F1)) {
            help.setVisible(false);
            event.consume();
            return;
        }
        Node focus = stage.getScene().getFocusOwner();
        boolean editing = view.isEditing();
        if (presenter.isActive() && !editing && !event.isShortcutDown()) {
            if (event.getCode() == KeyCode.SPACE) {
                event.consume();
                runs.runAndAdvance();
                return;
            }
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                presenter.leave();
                return;
            }
        }
        boolean typingElsewhere = !editing && (focus instanceof javafx.scene.control.TextInputControl
                || focus instanceof GenericStyledArea || focus instanceof ComboBox);
        commands.handle(event, editing, typingElsewhere);
    }

    private void onDocumentChange(DocumentChange change) {
        if (change instanceof DocumentChange.DirtyChanged || change instanceof DocumentChange.FileChanged) {
            updateTitle();
            updateStatusBar();
            showWhetherItRuns();
        } else if (change instanceof DocumentChange.Structure) {
            updateStatusBar();
            updatePresenter();
        } else if (change instanceof DocumentChange.RuntimeChanged) {
            boolean running = false;
            boolean queued = false;
            for (var cell : document.cells()) {
                lessonbook.model.CellState state = document.runtime(cell.id()).state();
                running |= state == lessonbook.model.CellState.RUNNING;
                queued |= state == lessonbook.model.CellState.QUEUED;
            }
            if (running && !ticker.isRunning()) {
                ticker.start();
            } else if (!running) {
                ticker.stop();
            }
            // queued counts too, so that a Run All does not toggle the carets (a CSS pass) between its cells
            root.pseudoClassStateChanged(CELLS_BUSY, running || queued);
        }
        // the toolbar's Code/Markdown box follows the view's onSelect, which every change of the cells' kinds
        // (a Structure change, after which the view selects again) runs: not here, on every output and keystroke
    }

    private void tick() {
        view.tick(Instant.now());
    }

    private void updateTitle() {
        stage.setTitle((document.isDirty() ? "\u2022 " : "") + displayName() + " \u2014 Lessonbook");
    }

    private String displayName() {
        return files.displayName();
    }

    private void updateStatusBar() {
        statusBar.update(document, appearance.zoomPercent(), view.selectedIds().size());
    }

    private java.util.function.Consumer<String> linkOpener = link -> { };

    /** How links in Markdown cells open: the system browser, given by the application. */
    public void setLinkOpener(java.util.function.Consumer<String> opener) {
        this.linkOpener = opener;
    }

    private void openLink(String link) {
        linkOpener.accept(link);
    }

    // ----- files -----

    public void show() {
        stage.show();
        view.requestFocus();
    }

    /** Opens a lesson in this window (offering recovered changes); a file that cannot be read is reported. */
    public boolean open(Path file) {
        return files.open(file);
    }

    public boolean saveAs(Path file) {
        return files.saveAs(file);
    }

    @Override
    public void requestClose() {
        if (files.confirmDiscard()) {
            ticker.stop();
            autosave.close();
            fileWork.close(); // a discard or export just asked for still happens
            session.close();
            stage.close();
        }
    }

    // ----- what the commands ask of the window (running cells is RunCommands') -----

    /** Run All, as the menu, the toolbar and F9 do; public for the app bench, which drives a real window. */
    public void runAll() {
        runs.runAll();
    }

    /** A new or reopened lesson starts on a fresh kernel. */
    private void restartKernel() {
        runs.restartKernel();
    }

    /** Runs the selected cell, as Ctrl+Enter does. */
    void runInPlace() {
        runs.runInPlace();
    }

    @Override
    public void toggleSolutions() {
        view.setSolutionsShown(!view.solutionsShown());
        statusBar.showMessage(view.solutionsShown() ? "Solutions and checks shown" : "Solutions and checks hidden");
    }

    @Override
    public void togglePresenter() {
        if (presenter.isActive()) {
            presenter.leave();
        } else {
            view.commandMode();
            presenter.enter();
            updatePresenter();
            // The larger font moves everything: bring the current cell back into view once laid out.
            Platform.runLater(view::scrollToSelected);
        }
    }

    private void updatePresenter() {
        if (presenter != null && presenter.isActive()) {
            presenter.update(view.selectedIndex() + 1, document.cells().size(), kernelStatus.text());
        }
    }

    PresenterMode presenter() {
        return presenter;
    }

    @Override
    public void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    @Override
    public void toggleOutline() {
        kept.toggleOutline();
    }

    @Override
    public void toggleVariables() {
        kept.toggleVariables();
    }

    /** Shows the window as the teacher last set it up; from now on each change of zoom, theme or column is saved. */
    void restoreView(ViewSettings settings, java.util.function.Consumer<ViewSettings> saver) {
        kept.restore(settings, saver);
    }

    OutlinePane outline() {
        return panes.outline();
    }

    VariablesPane variables() {
        return panes.variables();
    }

    @Override
    public void findInLesson() {
        findBar.open();
    }

    @Override
    public void replaceInLesson() {
        findBar.openReplace();
    }

    // ----- driving an open window from outside the package (the benchmark, scripted demos) -----
    // On the FX thread, like everything here. Kept to what a user can do: run, interrupt, read, close.

    /** Selects the cell and runs it, as a click on it and Ctrl+Enter do. */
    public void run(String cellId) {
        view.select(cellId);
        runs.runInPlace();
    }

    /** Interrupt, as the toolbar's button does. */
    public void interruptKernel() {
        runs.interrupt();
    }

    /** The text a cell's output pane shows now (its visible lines, not the whole saved output); "" without one. */
    public String shownOutput(String cellId) {
        return view.view(cellId) instanceof CodeCellView code && code.hasOutputPane()
                ? code.outputs().visibleText() : "";
    }

    /** Ends the kernel and closes the window without asking about unsaved changes. */
    public void closeWithoutSaving() {
        ticker.stop();
        autosave.close();
        fileWork.close();
        session.close();
        stage.close();
    }

    /** The lesson this window shows, with each cell's run state and outputs. */
    public NotebookDocument document() {
        return document;
    }

    // ----- for tests and presenter mode -----

    NotebookView view() {
        return view;
    }

    NotebookSession session() {
        return session;
    }

    KernelStatusView kernelStatus() {
        return kernelStatus;
    }

    Appearance appearance() {
        return appearance;
    }

    boolean helpShown() {
        return help.isVisible();
    }

    public Stage stage() {
        return stage;
    }

    VisibleChangeBeacon beacon() {
        return beacon;
    }

    LessonFindBar findBar() {
        return findBar;
    }

    StatusBar statusBar() {
        return statusBar;
    }
}
