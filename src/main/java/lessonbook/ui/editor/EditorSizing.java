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
 * How tall a {@link JavaCodeEditor} is. With autoGrow it is as tall as its text, up to {@link #MOST_LINES_GROWN}
 * lines, wraps long lines and passes mouse-wheel events to its parent, so the notebook scrolls. A longer text is
 * shown in a box {@link #LINES_IN_A_BOX} lines tall that scrolls inside (a {@link VirtualizedScrollPane}), whole
 * in the window with its scroll bar, and passes the wheel on once it reached its top or bottom, as Jupyter shows
 * a long output. Without autoGrow the area fills the height it is given and scrolls inside. The find bar, when
 * there is one, stays on top.
 * <p>
 * Why the cap: the area makes a node for every line it shows, and a grown area shows all of them. A lesson with
 * one cell of 60,000 pasted lines (5 MB, under the 10 MB an opened file may have) froze the window for minutes
 * while those nodes were made (2 GB of memory); one of 3,000 lines took 13 s of the window's CPU and 1.9 GB.
 * The code editor and the Markdown cell's source editor are both sized by it. Threading: FX thread only.
 */
public final class EditorSizing {
    /** A grown editor's tallest, in lines: longer than a lesson's cells, and 150 nodes at most. */
    public static final int MOST_LINES_GROWN = 150;
    /** The height of the box a longer text scrolls in: it fits in the window beside the toolbar, on a laptop too. */
    public static final int LINES_IN_A_BOX = 30;

    private final VBox editor;
    private final CodeArea area;
    private final BooleanProperty autoGrow;
    private VirtualizedScrollPane<CodeArea> scrollPane;
    /** Longer than the cap: the area scrolls inside a box. */
    private boolean capped;

    /**
     * Sizes {@code area}, which it puts into {@code editor} (below a find bar, if there is one) at each
     * {@link #apply()}; {@code autoGrow} may change later.
     */
    public EditorSizing(VBox editor, CodeArea area, BooleanProperty autoGrow) {
        this.editor = editor;
        this.area = area;
        this.autoGrow = autoGrow;
        autoGrow.addListener((o, a, b) -> apply());
        // The estimate changes during the area's layout pass, when a new pref height would not reach the
        // parents' layout; apply it just after the pass instead.
        area.totalHeightEstimateProperty().addListener((o, a, b) -> Platform.runLater(this::fitHeightToText));
        area.addEventFilter(ScrollEvent.SCROLL, this::passScrollToParent);
    }

    /** Whether the text is longer than {@link #MOST_LINES_GROWN} lines and scrolls inside a box. */
    boolean capped() {
        return capped;
    }

    /** Puts the area (or its scroll pane) under the find bar for the current autoGrow setting. */
    public void apply() {
        boolean hadFocus = area.isFocused();
        editor.getChildren().removeIf(child -> !(child instanceof FindReplaceBar));
        if (scrollPane != null) {
            scrollPane.removeContent();
            scrollPane = null;
        }
        area.setWrapText(autoGrow.get());
        if (autoGrow.get() && !capped) {
            VBox.setVgrow(area, Priority.NEVER);
            editor.getChildren().add(area);
        } else {
            area.setPrefHeight(Region.USE_COMPUTED_SIZE);
            area.setMinHeight(Region.USE_COMPUTED_SIZE);
            scrollPane = new VirtualizedScrollPane<>(area);
            VBox.setVgrow(scrollPane, autoGrow.get() ? Priority.NEVER : Priority.ALWAYS);
            editor.getChildren().add(scrollPane);
        }
        fitHeightToText();
        if (hadFocus) {
            area.requestFocus();   // taken out of the scene and back: the caret stays, the focus would not
        }
    }

    private void fitHeightToText() {
        if (!autoGrow.get()) {
            return;
        }
        double line = EditorPopups.fontSize(area) * 1.4;
        Double estimate = area.getTotalHeightEstimate();
        // Until the area has laid out its first lines, guess from the line count rather than jump.
        double content = estimate != null ? estimate : area.getParagraphs().size() * line;
        double cap = MOST_LINES_GROWN * line;
        // A line's worth between the two: a text at the cap does not switch back and forth as its estimate moves.
        boolean over = capped ? content > cap - line : content > cap;
        if (over != capped) {
            capped = over;
            apply();
            return;
        }
        double shown = capped ? LINES_IN_A_BOX * line : content;
        double height = Math.ceil(shown + area.snappedTopInset() + area.snappedBottomInset()) + 2;
        Region sized = capped ? scrollPane : area;
        if (height != sized.getPrefHeight()) {
            sized.setPrefHeight(height);
            sized.setMinHeight(height);
        }
    }

    private void passScrollToParent(ScrollEvent e) {
        Parent parent = editor.getParent();
        if (!autoGrow.get() || parent == null || (capped && canScrollFurther(e.getDeltaY()))) {
            return;
        }
        e.consume();
        Event.fireEvent(parent, e.copyFor(parent, parent));
    }

    /** Whether a capped area still has text above (a wheel up, deltaY > 0) or below (down) its view. */
    private boolean canScrollFurther(double deltaY) {
        double top = area.getEstimatedScrollY();
        if (deltaY > 0) {
            return top > 0.5;
        }
        Double total = area.getTotalHeightEstimate();
        return deltaY < 0 && total != null && top + area.getHeight() < total - 0.5;
    }
}
