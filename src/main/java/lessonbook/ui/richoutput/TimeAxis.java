package lessonbook.ui.richoutput;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** Seconds under the lanes, at the round steps the lanes draw their grid lines at. */
final class TimeAxis extends Pane {
    private final LaneScale scale;
    private final Runnable ticksChanged;
    private final List<Label> labels = new ArrayList<>();
    private final List<Region> ticks = new ArrayList<>();
    private final FreeLayer layer = new FreeLayer();

    TimeAxis(LaneScale scale, Runnable ticksChanged) {
        this.scale = scale;
        this.ticksChanged = ticksChanged;
        getStyleClass().add("lane-axis");
        getChildren().add(layer);
        ensureLabels(1);
        // The axis is as tall as a label in the labels' font, which comes with their style. Lanes that join the
        // window during a layout pass (scrolled into view) are measured before the style is applied, and a label
        // in the unmanaged layer tells no one when it gets it: the axis listens, or keeps its unstyled height, 0.
        Label first = labels.get(0);
        first.fontProperty().addListener((o, was, now) -> requestLayout());
        first.paddingProperty().addListener((o, was, now) -> requestLayout());
    }

    private void ensureLabels(int count) {
        while (labels.size() < count) {
            Label label = new Label("0 s");
            label.getStyleClass().add("lane-axis-label");
            label.setManaged(false);
            Region tick = new Region();
            tick.getStyleClass().add("lane-axis-tick");
            tick.setManaged(false);
            labels.add(label);
            ticks.add(tick);
            layer.getChildren().addAll(tick, label);
        }
    }

    @Override
    protected void layoutChildren() {
        layer.cover(this);
        place();
    }

    /**
     * Labels and ticks are unmanaged in a {@link FreeLayer} and placed here, so the lanes move them without a
     * layout.
     */
    void place() {
        double w = getWidth();
        if (scale.fitTicks(w, labelWidth())) {
            ticksChanged.run(); // the lanes draw grid lines at the ticks
        }
        ensureLabels(scale.ticks.size());
        double tickHeight = 0;
        double freeFrom = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            Region tick = ticks.get(i);
            boolean shown = i < scale.ticks.size();
            label.setVisible(shown);
            tick.setVisible(shown);
            if (!shown) {
                continue;
            }
            double t = scale.ticks.get(i);
            double x = Math.round(scale.x(scale.origin + Math.round(t), w));
            label.setText(TimeScale.label(t, scale.step));
            double lw = label.prefWidth(-1);
            double lh = label.prefHeight(lw);
            tickHeight = lh * 0.3;
            tick.resizeRelocate(Math.min(x, w - 1), 0, 1, tickHeight);
            double lx = Math.max(0, Math.min(w - lw, x - lw / 2));
            label.resizeRelocate(lx, tickHeight, lw, lh);
            // never let labels overlap, whatever the font and width
            label.setVisible(lx >= freeFrom);
            if (label.isVisible()) {
                freeFrom = lx + lw + lh * 0.5;
            }
        }
    }

    /** About how wide a tick label is in the current font ("1.5 s"). */
    double labelWidth() {
        Label probe = labels.get(0);
        javafx.scene.text.Text text = new javafx.scene.text.Text("10.5 s");
        text.setFont(probe.getFont());
        return text.getLayoutBounds().getWidth();
    }

    /** A label's height and a tick's above it; from the font, not the label, which may not be styled yet. */
    @Override
    protected double computePrefHeight(double width) {
        Label first = labels.get(0);
        double lh = first.snappedTopInset() + TickingLabel.lineHeight(first.getFont()) + first.snappedBottomInset();
        return snappedTopInset() + lh * 1.3 + snappedBottomInset();
    }
}
