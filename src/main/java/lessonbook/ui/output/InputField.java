package lessonbook.ui.output;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The field a cell's output shows while the cell waits for a line of {@code System.in}, as Jupyter's input box:
 * focused when it appears, Enter sends the line (the kernel echoes it into the output, so the field goes at once),
 * Escape hands the keys back to the notebook (where I, I interrupts). A line may hold at most {@code maxChars}
 * characters; typing or pasting past that is refused and the field says so. FX thread only.
 */
public final class InputField extends HBox {
    public static final String STYLE_CLASS = "output-input";
    public static final String FIELD_STYLE_CLASS = "output-input-field";

    private final TextField field = new TextField();
    private final Label note = new Label();

    public InputField(int maxChars, Consumer<String> send) {
        getStyleClass().add(STYLE_CLASS);
        setSpacing(6);
        field.getStyleClass().add(FIELD_STYLE_CLASS);
        field.setPromptText("Input for the cell: Enter sends it");
        note.getStyleClass().add("output-input-note");
        field.setTextFormatter(new TextFormatter<String>(change -> {
            if (change.getControlNewText().length() > maxChars) {
                note.setText(String.format("A line holds at most %,d characters", maxChars));
                return null;
            }
            note.setText("");
            return change;
        }));
        field.setOnAction(e -> {
            field.setDisable(true);
            send.accept(field.getText());
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && getScene() != null) {
                e.consume();
                getScene().getRoot().requestFocus();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        getChildren().addAll(field, note);
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                // after this layout pass, when the field can take focus
                Platform.runLater(field::requestFocus);
            }
        });
    }

    public TextField field() {
        return field;
    }
}
