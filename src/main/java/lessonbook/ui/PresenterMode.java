package lessonbook.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * The classroom view (F5): full screen, a large font, no menus or toolbar; one key runs the current cell
 * and moves on; a small bar keeps the progress ("cell 4 of 12") and the kernel status in sight.
 */
final class PresenterMode {
    static final double FONT_SIZE = 24;

    private final Stage stage;
    private final Appearance appearance;
    private final Node[] chrome;
    private final HBox bar = new HBox(18);
    private final Label progress = new Label();
    private final Label kernel = new Label();
    private boolean active;
    private double fontBefore;
    private java.util.function.Consumer<Boolean> onActive = on -> { };

    PresenterMode(Stage stage, Appearance appearance, Node... chrome) {
        this.stage = stage;
        this.appearance = appearance;
        this.chrome = chrome;
        progress.getStyleClass().add("presenter-progress");
        kernel.getStyleClass().add("presenter-kernel");
        Label hint = new Label("Space: run and next  \u00B7  Esc: leave");
        hint.getStyleClass().add("presenter-hint");
        bar.getStyleClass().add("presenter-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getChildren().addAll(progress, kernel, hint);
        bar.setVisible(false);
        bar.setManaged(false);
    }

    /** Told true on entering, false on leaving (the notebook then keeps the current cell in place). */
    void setOnActive(java.util.function.Consumer<Boolean> listener) {
        onActive = listener;
    }

    Node bar() {
        return bar;
    }

    boolean isActive() {
        return active;
    }

    void enter() {
        if (active) {
            return;
        }
        active = true;
        fontBefore = appearance.fontSize().get();
        appearance.fontSize().set(Math.max(FONT_SIZE, fontBefore));
        show(false);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        onActive.accept(true);
    }

    void leave() {
        if (!active) {
            return;
        }
        active = false;
        appearance.fontSize().set(fontBefore);
        show(true);
        stage.setFullScreen(false);
        onActive.accept(false);
    }

    private void show(boolean normalChrome) {
        for (Node node : chrome) {
            node.setVisible(normalChrome);
            node.setManaged(normalChrome);
        }
        bar.setVisible(!normalChrome);
        bar.setManaged(!normalChrome);
    }

    void update(int cellNumber, int cells, String kernelText) {
        progress.setText("cell " + cellNumber + " of " + cells);
        kernel.setText(kernelText);
    }

    String progressText() {
        return progress.getText();
    }
}
