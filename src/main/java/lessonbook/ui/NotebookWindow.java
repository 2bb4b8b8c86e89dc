package lessonbook.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.fxmisc.richtext.GenericStyledArea;

import lessonbook.format.LessonFormatException;
import lessonbook.kernel.client.Kernel;
import lessonbook.model.Cell;
import lessonbook.model.CellIds;
import lessonbook.model.CodeCell;
import lessonbook.model.DocumentChange;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.NotebookDocument;

/**
 * One lesson in one window: menus, toolbar, the cells, a status bar, and the file commands around them.
 * Everything here runs on the FX thread; the kernel's events reach it through {@link NotebookSession}.
 */
public final class NotebookWindow {
    private final Stage stage;
    private final NotebookDocument document = NotebookDocument.untitled();
    private final NotebookSession session;
    private final LessonStore store;
    private final FileDialogs dialogs;
    private final RecentFiles recent;
    private final Appearance appearance = new Appearance();
    private final NotebookView view;
    private final NotebookCommands commands;
    private final KernelStatusView kernelStatus = new KernelStatusView();
    private final Label fileLabel = new Label();
    private final Label zoomLabel = new Label();
    private final Label cellsLabel = new Label();
    private final ComboBox<String> cellType = new ComboBox<>();
    private final Menu recentMenu = new Menu("Open Recent");
    private final HelpOverlay help;
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(100), e -> tick()));

    public NotebookWindow(Stage stage, Supplier<Kernel> kernels, LessonStore store, FileDialogs dialogs) {
        this(stage, kernels, store, dialogs, RecentFiles.forUser());
    }

    NotebookWindow(Stage stage, Supplier<Kernel> kernels, LessonStore store, FileDialogs dialogs,
                   RecentFiles recent) {
        this.stage = stage;
        this.store = store;
        this.dialogs = dialogs;
        this.recent = recent;
        this.session = new NotebookSession(document, kernels.get(), Platform::runLater);
        this.view = new NotebookView(document, appearance.fontSize(), session, this::openLink);
        this.commands = new NotebookCommands(this);
        this.help = new HelpOverlay(commands.groups());

        BorderPane main = new BorderPane();
        main.getStyleClass().add("main");
        main.setTop(new VBox(commands.menuBar(this::refreshRecent, recentMenu), toolbar()));
        main.setCenter(view);
        main.setBottom(statusBar());
        StackPane root = new StackPane(main, help);
        root.getStyleClass().add("lessonbook-root");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1180, screen.getWidth()), Math.min(860, screen.getHeight()));
        appearance.attach(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose();
        });

        session.setStatusListener((status, detail) -> {
            kernelStatus.show(status, detail);
            if (status == lessonbook.kernel.client.KernelStatus.RESTARTING
                    || status == lessonbook.kernel.client.KernelStatus.DEAD) {
                view.freezeWorkers();
            }
        });
        document.addListener(this::onDocumentChange);
        ticker.setCycleCount(Animation.INDEFINITE);
        appearance.fontSize().addListener((o, was, now) -> updateStatusBar());
        updateTitle();
        updateStatusBar();
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
        boolean typingElsewhere = !editing && (focus instanceof javafx.scene.control.TextInputControl
                || focus instanceof GenericStyledArea || focus instanceof ComboBox);
        commands.handle(event, editing, typingElsewhere);
    }

    private void onDocumentChange(DocumentChange change) {
        if (change instanceof DocumentChange.DirtyChanged || change instanceof DocumentChange.FileChanged) {
            updateTitle();
            updateStatusBar();
        } else if (change instanceof DocumentChange.Structure) {
            updateStatusBar();
        } else if (change instanceof DocumentChange.RuntimeChanged) {
            boolean running = document.cells().stream()
                    .anyMatch(c -> document.runtime(c.id()).state() == lessonbook.model.CellState.RUNNING);
            if (running && ticker.getStatus() != Animation.Status.RUNNING) {
                ticker.play();
            } else if (!running) {
                ticker.stop();
            }
        }
        syncCellType();
    }

    private void tick() {
        view.tick(Instant.now());
    }

    // ----- layout -----

    private ToolBar toolbar() {
        cellType.getItems().setAll("Code", "Markdown");
        cellType.getStyleClass().add("cell-type");
        cellType.setOnAction(e -> {
            if (cellType.getValue() != null) {
                changeType("Code".equals(cellType.getValue()));
            }
        });
        cellType.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(
                button(Icons.SAVE, null, "Save (Ctrl+S)", "save", this::save),
                new Separator(),
                button(Icons.ADD, null, "Insert cell below (B)", "add", () -> insertCell(true)),
                button(Icons.UP, null, "Move cell up", "move-up", () -> moveCell(-1)),
                button(Icons.DOWN, null, "Move cell down", "move-down", () -> moveCell(1)),
                button(Icons.DELETE, null, "Delete cell (D, D)", "delete", this::deleteCell),
                new Separator(),
                button(Icons.RUN, "Run", "Run cell and select below (Shift+Enter)", "run", this::runAndAdvance),
                button(Icons.RUN_ABOVE, null, "Run all above", "run-above", this::runAllAbove),
                button(Icons.RUN_ALL, "Run All", "Run all cells", "run-all", this::runAll),
                button(Icons.STOP, null, "Interrupt the kernel (I, I)", "interrupt", this::interrupt),
                button(Icons.RESTART, null, "Restart the kernel (0, 0)", "restart", this::restartKernel),
                button(Icons.RESTART_RUN, null, "Restart the kernel and run all cells", "restart-run-all",
                        this::restartAndRunAll),
                button(Icons.CLEAR, null, "Clear all outputs", "clear", this::clearOutputs),
                new Separator(),
                cellType,
                spacer,
                kernelStatus);
    }

    private Button button(String icon, String text, String tip, String id, Runnable action) {
        javafx.scene.shape.SVGPath glyph = Icons.of(icon);
        glyph.scaleXProperty().bind(appearance.fontSize().divide(Appearance.BASE_FONT));
        glyph.scaleYProperty().bind(glyph.scaleXProperty());
        Button b = new Button(text, new javafx.scene.Group(glyph));
        b.setId("tb-" + id);
        b.getStyleClass().add("tool");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node statusBar() {
        fileLabel.getStyleClass().add("status-file");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label modeHint = new Label("H: shortcuts");
        modeHint.getStyleClass().add("status-hint");
        HBox bar = new HBox(16, fileLabel, spacer, cellsLabel, zoomLabel, modeHint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void updateTitle() {
        stage.setTitle((document.isDirty() ? "\u2022 " : "") + displayName() + " \u2014 Lessonbook");
    }

    private String displayName() {
        return document.file() == null ? "Untitled.md" : document.file().getFileName().toString();
    }

    private void updateStatusBar() {
        fileLabel.setText(document.file() == null ? "Not saved yet"
                : document.file().toAbsolutePath().toString() + (document.isDirty() ? "  (unsaved changes)" : ""));
        cellsLabel.setText(document.cells().size() + " cells");
        zoomLabel.setText(appearance.zoomPercent() + " %");
    }

    private void syncCellType() {
        String id = view.selectedId();
        if (id == null || document.indexOf(id) < 0) {
            return;
        }
        String kind = document.cell(id) instanceof CodeCell ? "Code" : "Markdown";
        if (!kind.equals(cellType.getValue())) {
            cellType.setValue(kind);
        }
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path path : recent.list()) {
            MenuItem item = new MenuItem(path.getFileName() + "  \u2014  " + path.getParent());
            item.setOnAction(e -> {
                if (confirmDiscard()) {
                    open(path);
                }
            });
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
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

    /** Opens a lesson in this window; a file that cannot be read is reported and nothing is lost. */
    public boolean open(Path file) {
        Notebook notebook;
        try {
            notebook = store.read(file);
        } catch (LessonFormatException | IOException | RuntimeException e) {
            error("Could not open " + file.getFileName(), e.getMessage());
            return false;
        }
        document.replace(notebook, file);
        recent.remember(file);
        view.selectIndex(0);
        return true;
    }

    void newLesson() {
        if (confirmDiscard()) {
            document.replace(new Notebook(List.of(new CodeCell(CellIds.next(), ""))), null);
            session.restart();
        }
    }

    void chooseAndOpen() {
        if (!confirmDiscard()) {
            return;
        }
        dialogs.chooseLessonToOpen(stage, document.file()).ifPresent(this::open);
    }

    /** Saves to the current file (asks where for a new lesson). Returns false if not saved. */
    boolean save() {
        if (document.file() == null) {
            return chooseAndSaveAs();
        }
        return saveAs(document.file());
    }

    boolean chooseAndSaveAs() {
        Optional<Path> target = dialogs.chooseWhereToSave(stage,
                document.file() == null ? Path.of("Untitled.md") : document.file());
        return target.isPresent() && saveAs(target.get());
    }

    public boolean saveAs(Path file) {
        try {
            store.write(file, document.notebook());
        } catch (IOException | RuntimeException e) {
            error("Could not save " + file.getFileName(), e.getMessage());
            return false;
        }
        document.markSaved(file);
        recent.remember(file);
        return true;
    }

    /** Asks about unsaved changes; true when it is fine to throw the current lesson away. */
    boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save changes to " + displayName() + "?");
        alert.setContentText("Your changes will be lost if you don't save them.");
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == saveButton) {
            return save();
        }
        return answer == discard;
    }

    /** Quit: asks about unsaved changes, then ends the kernel and closes the window. */
    public void requestClose() {
        if (confirmDiscard()) {
            ticker.stop();
            session.close();
            stage.close();
        }
    }

    private void error(String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR, detail == null ? "" : detail, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        alert.show();
    }

    // ----- cell commands -----

    void runAndAdvance() {
        String id = runSelected();
        if (id == null) {
            return;
        }
        int index = document.indexOf(id);
        if (index + 1 >= document.cells().size()) {
            insertAt(index + 1, new CodeCell(CellIds.next(), ""), false);
        }
        view.selectIndex(index + 1);
        if (document.cell(view.selectedId()).source().isEmpty()) {
            view.editSelected();
        }
    }

    void runInPlace() {
        runSelected();
    }

    void runAndInsert() {
        String id = runSelected();
        if (id != null) {
            insertAt(document.indexOf(id) + 1, new CodeCell(CellIds.next(), ""), true);
        }
    }

    /** Runs (or renders) the selected cell and leaves its editor. */
    private String runSelected() {
        String id = view.selectedId();
        if (id == null) {
            return null;
        }
        view.commandMode();
        session.run(id);
        return id;
    }

    void runAll() {
        view.commandMode();
        renderAllMarkdown();
        session.runAll();
    }

    void runAllAbove() {
        view.commandMode();
        session.runAllAbove(Math.max(0, view.selectedIndex()));
    }

    void interrupt() {
        session.interrupt();
    }

    void restartKernel() {
        session.restart();
    }

    void restartAndRunAll() {
        session.restart().whenComplete((v, e) -> Platform.runLater(this::runAll));
    }

    void clearOutputs() {
        session.clearAllOutputs();
    }

    void insertCell(boolean below) {
        int index = Math.max(0, view.selectedIndex() + (below ? 1 : 0));
        insertAt(index, new CodeCell(CellIds.next(), ""), false);
    }

    private void insertAt(int index, Cell cell, boolean edit) {
        document.insertCell(index, cell);
        view.select(cell.id());
        view.scrollToSelected();
        if (edit) {
            view.editSelected();
        }
    }

    void deleteCell() {
        String id = view.selectedId();
        if (id == null) {
            return;
        }
        int index = document.indexOf(id);
        document.deleteCell(id);
        view.selectIndex(Math.min(index, document.cells().size() - 1));
        view.requestFocus();
    }

    void moveCell(int delta) {
        String id = view.selectedId();
        if (id != null && document.moveCell(id, delta)) {
            view.select(id);
            view.scrollToSelected();
        }
    }

    void splitCell() {
        String id = view.selectedId();
        if (id == null) {
            return;
        }
        String next = document.splitCell(id, view.view(id).editor().caretPosition());
        view.select(next);
        view.editSelected();
    }

    void mergeBelow() {
        String id = view.selectedId();
        if (id != null) {
            document.mergeWithNext(id);
            view.select(id);
        }
    }

    void changeType(boolean toCode) {
        String id = view.selectedId();
        if (id != null) {
            document.changeType(id, toCode);
            view.select(id);
        }
    }

    void editSelected() {
        view.editSelected();
    }

    void commandMode() {
        view.commandMode();
    }

    void moveSelection(int delta) {
        view.selectIndex(view.selectedIndex() + delta);
    }

    void zoom(int direction) {
        appearance.zoom(direction);
    }

    void toggleTheme() {
        appearance.setDark(!appearance.isDark());
    }

    void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    private void renderAllMarkdown() {
        for (CellView cell : view.cellViews()) {
            if (cell instanceof MarkdownCellView md && md.isEditingSource()
                    && !(document.cell(cell.cellId()) instanceof MarkdownCell m && m.source().isBlank())) {
                md.stopEditing();
            }
        }
    }

    // ----- for tests, the benchmark and presenter mode -----

    NotebookDocument document() {
        return document;
    }

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

    Stage stage() {
        return stage;
    }
}
