package lessonbook.ui.editor;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.event.Event;
import javafx.scene.Parent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * How tall a {@link JavaCodeEditor} is. With autoGrow it is as tall as its text, wraps long lines and passes
 * mouse-wheel events to its parent, so the notebook scrolls; without, the area fills the height it is given
 * and scrolls inside a {@link VirtualizedScrollPane}. The find bar, when there is one, stays on top.
 */
final class EditorSizing {
    private final VBox editor;
    private final CodeArea area;
    private final BooleanProperty autoGrow;
    private VirtualizedScrollPane<CodeArea> scrollPane;

    EditorSizing(VBox editor, CodeArea area, BooleanProperty autoGrow) {
        this.editor = editor;
        this.area = area;
        this.autoGrow = autoGrow;
        autoGrow.addListener((o, a, b) -> apply());
        // The estimate changes during the area's layout pass, when a new pref height would not reach the
        // parents' layout; apply it just after the pass instead.
        area.totalHeightEstimateProperty().addListener((o, a, b) -> Platform.runLater(this::fitHeightToText));
        area.addEventFilter(ScrollEvent.SCROLL, this::passScrollToParent);
    }

    /** Puts the area (or its scroll pane) under the find bar for the current autoGrow setting. */
    void apply() {
        editor.getChildren().removeIf(child -> !(child instanceof FindReplaceBar));
        if (scrollPane != null) {
            scrollPane.removeContent();
            scrollPane = null;
        }
        if (autoGrow.get()) {
            area.setWrapText(true);
            VBox.setVgrow(area, Priority.NEVER);
            editor.getChildren().add(area);
            fitHeightToText();
        } else {
            area.setWrapText(false);
            area.setPrefHeight(Region.USE_COMPUTED_SIZE);
            area.setMinHeight(Region.USE_COMPUTED_SIZE);
            scrollPane = new VirtualizedScrollPane<>(area);
            VBox.setVgrow(scrollPane, Priority.ALWAYS);
            editor.getChildren().add(scrollPane);
        }
    }

    private void fitHeightToText() {
        if (!autoGrow.get()) {
            return;
        }
        Double estimate = area.getTotalHeightEstimate();
        // Until the area has laid out its first lines, guess from the line count rather than jump.
        double content = estimate != null ? estimate : area.getParagraphs().size() * EditorPopups.fontSize(area) * 1.4;
        double height = Math.ceil(content + area.snappedTopInset() + area.snappedBottomInset()) + 2;
        if (height != area.getPrefHeight()) {
            area.setPrefHeight(height);
            area.setMinHeight(height);
        }
    }

    private void passScrollToParent(ScrollEvent e) {
        Parent parent = editor.getParent();
        if (autoGrow.get() && parent != null) {
            e.consume();
            Event.fireEvent(parent, e.copyFor(parent, parent));
        }
    }
}
