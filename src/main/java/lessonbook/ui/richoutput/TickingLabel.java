package lessonbook.ui.richoutput;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A one-line label whose text changes often (a running cell's elapsed time, a worker's wall time) without laying
 * out anything around it. A plain label's new text asks its parent for a layout, and the request climbs to the
 * window's root: each tick laid out the whole notebook page. Here the label is unmanaged (JavaFX stops a layout
 * request at an unmanaged node) inside this slot, which is one line of the label's font tall and as wide as its
 * parent makes it; text longer than the slot ends in an ellipsis. The slot itself asks for a layout only when the
 * font changes (zoom, presenter mode).
 */
public final class TickingLabel extends Region {
    private final Label label = new Label();

    public TickingLabel() {
        getStyleClass().add("ticking-label");
        label.setManaged(false);
        getChildren().add(label);
        label.fontProperty().addListener((o, was, now) -> requestLayout());
    }

    /** The label inside, for its style classes. */
    public Label label() {
        return label;
    }

    public void setText(String text) {
        label.setText(text);
    }

    public String getText() {
        return label.getText();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + label.snappedTopInset() + lineHeight(label.getFont()) + label.snappedBottomInset()
                + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    /** The text's width when the parent last asked; the parent decides (give the slot room to grow). */
    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + label.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        label.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()),
                Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset()));
    }

    /** One line of text in {@code font}, as tall as a label draws it. */
    static double lineHeight(Font font) {
        Text probe = new Text("Xg");
        probe.setFont(font);
        return Math.ceil(probe.getLayoutBounds().getHeight());
    }
}
