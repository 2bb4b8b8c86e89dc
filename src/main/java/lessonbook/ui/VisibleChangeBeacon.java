package lessonbook.ui;

import javafx.scene.layout.Region;

/**
 * A transparent pixel in the window's corner that changes whenever something may have changed out of view.
 * <p>
 * Why: JavaFX paints only the dirty regions of a frame that intersect the window, but a frame whose changes all
 * lie outside it (a cell scrolled away starting, getting its worker lanes or its results, the notebook's column
 * growing with it) has no dirty region left, and JavaFX then paints the whole window. Under software rendering
 * that is a quarter of a second of a core, several times per cell during a Run All, while the workers need the
 * cores. With the beacon in the same frame the frame has one dirty region, this pixel, and paints only it.
 * <p>
 * FX thread only. {@link #touch()} is cheap; call it from the places that change the notebook out of view.
 */
final class VisibleChangeBeacon extends Region {
    private static final double QUIET = 0.01;
    private static final double TOUCHED = 0.02;

    VisibleChangeBeacon() {
        getStyleClass().add("visible-change-beacon");
        setManaged(false);
        setMouseTransparent(true);
        setFocusTraversable(false);
        resizeRelocate(0, 0, 1, 1);
        setOpacity(QUIET);
    }

    /** Marks the pixel dirty for the next frame (a change in opacity, which draws nothing one can see). */
    void touch() {
        setOpacity(getOpacity() == QUIET ? TOUCHED : QUIET);
    }
}
