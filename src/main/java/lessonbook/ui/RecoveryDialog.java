package lessonbook.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** Asks what to do with unsaved changes found after a crash: restore them, discard them, or keep them for later. */
final class RecoveryDialog {
    enum Choice { RESTORE, DISCARD, KEEP }

    static final String TITLE = "Recovered changes";
    private static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    private static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    private static final ButtonType KEEP = new ButtonType("Keep for later", ButtonBar.ButtonData.CANCEL_CLOSE);

    private RecoveryDialog() {
    }

    static Choice ask(Stage owner, String fileName, Instant savedAt) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", RESTORE, DISCARD, KEEP);
        alert.initOwner(owner);
        alert.setTitle(TITLE);
        alert.setHeaderText("Lessonbook found unsaved changes to " + fileName + " from " + when(savedAt) + ".");
        alert.setContentText("Restore them?\n\nRestore opens them as unsaved changes. Discard deletes them. "
                + "Keep for later opens the saved file and asks again next time.");
        alert.getDialogPane().setPrefWidth(680);
        // In the order the question names them, whatever the platform's usual button order.
        ButtonBar buttons = (ButtonBar) alert.getDialogPane().lookup(".button-bar");
        if (buttons != null) {
            buttons.setButtonOrder("+YNC");
        }
        if (owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        ButtonType answer = alert.showAndWait().orElse(KEEP);
        return answer == RESTORE ? Choice.RESTORE : answer == DISCARD ? Choice.DISCARD : Choice.KEEP;
    }

    /** "today at 14:05", "yesterday at 09:30" or "3 Dec 2026 at 16:40", in the user's time zone. */
    static String when(Instant at) {
        ZonedDateTime time = at.atZone(ZoneId.systemDefault());
        LocalDate today = LocalDate.now(time.getZone());
        String clock = time.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
        if (time.toLocalDate().equals(today)) {
            return "today at " + clock;
        }
        if (time.toLocalDate().equals(today.minusDays(1))) {
            return "yesterday at " + clock;
        }
        return time.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)) + " at " + clock;
    }
}
