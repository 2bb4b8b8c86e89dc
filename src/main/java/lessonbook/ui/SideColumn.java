package lessonbook.ui;

import javafx.scene.layout.VBox;

/**
 * A column beside the cells that the View menu shows and hides ({@link OutlinePane}, {@link VariablesPane}):
 * hidden, it takes no room and does no work; shown, it renews what it lists first. On the FX thread.
 */
abstract class SideColumn extends VBox {
    SideColumn() {
        setVisible(false);
        setManaged(false);
    }

    final void toggle() {
        boolean show = !isVisible();
        setVisible(show);
        setManaged(show);
        if (show) {
            refresh();
        }
    }

    final boolean isShown() {
        return isVisible();
    }

    /** Reads again what the column lists (only called while it is shown). */
    abstract void refresh();
}
