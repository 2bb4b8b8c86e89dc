package lessonbook.ui.editor;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** The small buttons of a find bar (previous, next, close): a tooltip, and no focus taken from the field. */
public final class BarButtons {
    private BarButtons() {
    }

    public static Button of(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
