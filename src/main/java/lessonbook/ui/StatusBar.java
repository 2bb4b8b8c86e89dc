package lessonbook.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

import lessonbook.model.NotebookDocument;

/** The line under the cells: the file and its unsaved mark, a passing message (an export), cells, zoom. */
final class StatusBar extends HBox {
    private final Label file = new Label();
    private final Label message = new Label();
    private final Label cells = new Label();
    private final Label zoom = new Label();
    private final PauseTransition messageTimeout = new PauseTransition(Duration.seconds(12));

    StatusBar() {
        super(16);
        file.getStyleClass().add("status-file");
        message.getStyleClass().add("status-message");
        message.setMinWidth(0);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label modeHint = new Label("H: shortcuts");
        modeHint.getStyleClass().add("status-hint");
        getChildren().addAll(file, message, spacer, cells, zoom, modeHint);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        messageTimeout.setOnFinished(e -> message.setText(""));
    }

    /** {@code selected}: how many cells are selected; more than one is said beside the count. */
    void update(NotebookDocument document, int zoomPercent, int selected) {
        file.setText(document.file() == null ? "Not saved yet"
                : document.file().toAbsolutePath().toString() + (document.isDirty() ? "  (unsaved changes)" : ""));
        cells.setText(document.cells().size() + " cells" + (selected > 1 ? " · " + selected + " selected" : ""));
        zoom.setText(zoomPercent + " %");
    }

    /** Shows {@code text} for a while (it says what a background task did). */
    void showMessage(String text) {
        message.setText(text);
        messageTimeout.playFromStart();
    }

    /** The count of cells as shown, with the selected ones when more than one is ("33 cells · 3 selected"). */
    String cellCount() {
        return cells.getText();
    }

    String message() {
        return message.getText();
    }
}
