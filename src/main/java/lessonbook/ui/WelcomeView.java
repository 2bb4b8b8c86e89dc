package lessonbook.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import lessonbook.format.LessonSummary;

/**
 * The lesson library the app opens on when it is started without a file: the bundled lessons (title, one-line
 * summary, length), the recent files, and Open.... Choosing any of them hands its path to {@code onOpen}, which
 * puts a notebook window on the same stage. A thin view: what a lesson is comes from {@link LessonSummary}.
 * FX thread only.
 */
final class WelcomeView {
    private final VBox lessons = new VBox();
    private final VBox recent = new VBox();
    private final Button open = new Button("Open\u2026");
    private final BorderPane root = new BorderPane();

    WelcomeView(List<LessonSummary> bundled, List<Path> recentFiles, FileDialogs dialogs, Consumer<Path> onOpen) {
        Label heading = new Label("Lessonbook");
        heading.getStyleClass().add("welcome-heading");
        java.net.URL icon = WelcomeView.class.getResource("/lessonbook/icon/lessonbook-64.png");
        if (icon != null) {
            javafx.scene.image.ImageView logo = new javafx.scene.image.ImageView(icon.toExternalForm());
            logo.setFitHeight(40);
            logo.setPreserveRatio(true);
            heading.setGraphic(logo);
            heading.setGraphicTextGap(12);
        }
        Label lessonsTitle = section("Lessons");
        lessons.getStyleClass().add("welcome-lessons");
        for (LessonSummary lesson : bundled) {
            lessons.getChildren().add(lessonEntry(lesson, onOpen));
        }
        if (bundled.isEmpty()) {
            lessons.getChildren().add(note("No bundled lessons were found next to the app."));
        }
        Label recentTitle = section("Recent");
        recent.getStyleClass().add("welcome-recent");
        List<Path> existing = recentFiles.stream().filter(Files::isRegularFile).toList();
        for (Path file : existing) {
            recent.getChildren().add(recentEntry(file, onOpen));
        }
        if (existing.isEmpty()) {
            recent.getChildren().add(note("Lessons you open appear here."));
        }
        open.getStyleClass().add("welcome-open");
        open.setOnAction(e -> dialogs.chooseLessonToOpen(root.getScene().getWindow(), null).ifPresent(onOpen));

        HBox actions = new HBox(open);
        actions.getStyleClass().add("welcome-actions");
        VBox content = new VBox(heading, lessonsTitle, lessons, recentTitle, recent, actions);
        content.getStyleClass().add("welcome");
        content.setPadding(new Insets(28, 36, 28, 36));
        content.setSpacing(10);
        content.setMaxWidth(900);
        VBox centred = new VBox(content);
        centred.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("welcome-scroll");
        root.setCenter(scroll);
        root.getStyleClass().addAll("lessonbook-root", "welcome-root");
        // Enter opens the focused entry, as in a list (a JavaFX button alone fires only on Space).
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && root.getScene() != null
                    && root.getScene().getFocusOwner() instanceof Button focused) {
                e.consume();
                focused.fire();
            }
        });
    }

    /** Shows the library on {@code stage}, in the app's light theme, at the notebook window's size. */
    static WelcomeView show(Stage stage, List<LessonSummary> bundled, List<Path> recentFiles, FileDialogs dialogs,
                            Consumer<Path> onOpen) {
        return show(stage, bundled, recentFiles, dialogs, onOpen, ViewSettings.DEFAULT);
    }

    /** As above, in the zoom and theme the teacher last chose. */
    static WelcomeView show(Stage stage, List<LessonSummary> bundled, List<Path> recentFiles, FileDialogs dialogs,
                            Consumer<Path> onOpen, ViewSettings look) {
        WelcomeView view = new WelcomeView(bundled, recentFiles, dialogs, onOpen);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root, Math.min(1180, screen.getWidth()), Math.min(860, screen.getHeight()));
        Appearance appearance = new Appearance();
        appearance.attach(scene);
        appearance.fontSize().set(look.fontSize());
        appearance.setDark(look.dark());
        stage.setScene(scene);
        stage.setTitle("Lessonbook");
        stage.show();
        view.open.requestFocus();
        return view;
    }

    Parent root() {
        return root;
    }

    VBox lessons() {
        return lessons;
    }

    VBox recent() {
        return recent;
    }

    Button openButton() {
        return open;
    }

    private static Button lessonEntry(LessonSummary lesson, Consumer<Path> onOpen) {
        Label title = new Label(lesson.title());
        title.getStyleClass().add("welcome-lesson-title");
        Label summary = new Label(lesson.summary());
        summary.getStyleClass().add("welcome-lesson-summary");
        // One line (cut with an ellipsis): a wrapping label inside a button asks for an unbounded height.
        summary.setWrapText(false);
        Label length = new Label(lesson.length());
        length.getStyleClass().add("welcome-lesson-length");
        HBox top = new HBox(title, spacer(), length);
        top.setSpacing(12);
        VBox box = new VBox(top, summary);
        box.setSpacing(4);
        Button entry = new Button();
        entry.setGraphic(box);
        entry.setMaxWidth(Double.MAX_VALUE);
        entry.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        entry.getStyleClass().add("welcome-lesson");
        entry.setAccessibleText(lesson.title() + ". " + lesson.summary() + " " + lesson.length());
        entry.setUserData(lesson.file());
        entry.setOnAction(e -> onOpen.accept(lesson.file()));
        box.prefWidthProperty().bind(entry.widthProperty().subtract(28));
        return entry;
    }

    private static Button recentEntry(Path file, Consumer<Path> onOpen) {
        Path parent = file.toAbsolutePath().getParent();
        Button entry = new Button(file.getFileName() + (parent == null ? "" : "   \u2014 " + parent));
        entry.getStyleClass().add("welcome-recent-file");
        entry.setMaxWidth(Double.MAX_VALUE);
        entry.setUserData(file);
        entry.setOnAction(e -> onOpen.accept(file));
        return entry;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("welcome-section");
        return label;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("welcome-note");
        return label;
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
