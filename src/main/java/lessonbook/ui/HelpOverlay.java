package lessonbook.ui;

import java.util.List;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard shortcuts as a card over the notebook (H or F1; Escape or a click closes it). The card is built the
 * first time it is shown: its ~80 labels were a tenth of the nodes styled before a lesson's first frame.
 */
final class HelpOverlay extends StackPane {
    private final Map<String, List<Shortcut>> groups;

    HelpOverlay(Map<String, List<Shortcut>> groups) {
        this.groups = groups;
        getStyleClass().add("help-overlay");
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
        visibleProperty().addListener((o, was, now) -> {
            if (now && getChildren().isEmpty()) {
                getChildren().add(card());
            }
        });
    }

    private VBox card() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        int row = 0;
        for (Map.Entry<String, List<Shortcut>> group : groups.entrySet()) {
            Label title = new Label(group.getKey());
            title.getStyleClass().add("help-group");
            grid.add(title, 0, row++, 2, 1);
            for (Shortcut s : group.getValue()) {
                if (s == null || s.keysText().isEmpty()) {
                    continue;
                }
                Label keys = new Label(s.keysText());
                keys.getStyleClass().add("help-keys");
                Label what = new Label(s.label() + (s.mode() == Shortcut.Mode.COMMAND ? "  (command mode)" : ""));
                what.getStyleClass().add("help-what");
                grid.add(keys, 0, row);
                grid.add(what, 1, row++);
            }
        }
        Label heading = new Label("Keyboard Shortcuts");
        heading.getStyleClass().add("help-title");
        Label hint = new Label("Escape leaves a cell's editor (command mode); Enter goes back in. "
                + "Press Escape or click outside to close.");
        hint.getStyleClass().add("help-hint");
        hint.setWrapText(true);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("help-scroll");
        VBox card = new VBox(10, heading, hint, scroll);
        card.getStyleClass().add("help-card");
        card.setMaxWidth(760);
        card.setPrefWidth(760);
        hint.setMaxWidth(700);
        card.setMaxHeight(640);
        StackPane.setAlignment(card, Pos.CENTER);
        card.setOnMouseClicked(e -> e.consume());
        return card;
    }
}
