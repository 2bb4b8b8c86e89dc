package lessonbook.ui;

import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * A transparent pixel in the window's corner that changes in every frame JavaFX is about to draw.
 * <p>
 * Why: JavaFX draws a frame whenever some node of the scene changed, and paints only the dirty regions of it that
 * intersect the window; but when none does (the changes all lie out of view, or changed only bounds), it paints
 * the whole window. Out of view a lot changes while cells run: a cell scrolled away starting, its output pane or
 * worker lanes laid out again, the notebook's column growing. Under software rendering each such frame costs
 * 25-70 ms of a core (the pulse log of a Run All counted 18-21 of them during the worker cells), while the workers
 * need the cores. With the pixel changed in the same frame, the frame has one dirty region, this pixel, and paints
 * only it.
 * <p>
 * Whether a frame will be drawn is the scene's list of changed nodes being non-empty, which JavaFX keeps private:
 * it is read by reflection (JavaFX on the class path, as the app and the tests run it). Where it cannot be read,
 * the beacon stays still and JavaFX paints as it would without it. Touching the pixel only in frames that draw
 * anyway means it never asks for a frame of its own. FX thread only.
 */
final class VisibleChangeBeacon extends Region {
    private static final Logger LOG = Logger.getLogger(VisibleChangeBeacon.class.getName());
    private static final Field DIRTY_NODES = dirtyNodesSize();
    /**
     * Opacities the pixel steps through, all invisible. Not two that alternate: JavaFX redraws a node only if its
     * value at the end of a frame differs from the last one drawn, and two touches in one frame would end where
     * they began.
     */
    private static final double LOWEST = 0.01;
    private static final double STEP = 0.0002;
    private static final int STEPS = 50;
    private int touches;
    private ViewPlace lastPlace;

    VisibleChangeBeacon() {
        getStyleClass().add("visible-change-beacon");
        setManaged(false);
        setMouseTransparent(true);
        setFocusTraversable(false);
        resizeRelocate(0, 0, 1, 1);
        setOpacity(LOWEST);
    }

    /**
     * From now on, touches the pixel after the layout pass of each frame of {@code scene} that will be drawn, except
     * in a frame where {@code view} (the notebook's scroll pane) scrolled or changed size. JavaFX finds no dirty
     * region in view for some such frames (seen after a Run All: wheel scrolls moved the notebook and nothing on the
     * screen changed until a zoom repainted it): there it must paint the whole window as it would without the pixel.
     */
    void watch(Scene scene, ScrollPane view) {
        if (DIRTY_NODES != null) {
            scene.addPostLayoutPulseListener(() -> {
                ViewPlace now = new ViewPlace(view.getVvalue(), view.getHvalue(), view.getViewportBounds());
                boolean moved = !now.equals(lastPlace);
                lastPlace = now;
                if (!moved && willDraw(scene)) {
                    touch();
                }
            });
        }
    }

    /** Where the notebook's view stood at the end of a frame's layout. */
    private record ViewPlace(double vvalue, double hvalue, Bounds viewport) {
    }

    /** Whether a frame can be kept from painting the whole window here (false: JavaFX's internals differ). */
    static boolean canWatch() {
        return DIRTY_NODES != null;
    }

    /** Marks the pixel dirty for this frame (a change in opacity, which draws nothing one can see). */
    void touch() {
        touches = (touches + 1) % STEPS;
        setOpacity(LOWEST + touches * STEP);
    }

    private static boolean willDraw(Scene scene) {
        try {
            return DIRTY_NODES.getInt(scene) > 0;
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }

    private static Field dirtyNodesSize() {
        try {
            Field field = Scene.class.getDeclaredField("dirtyNodesSize");
            field.setAccessible(true);
            return field.getType() == int.class ? field : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "no access to the scene's changed nodes; frames with all changes out of view "
                    + "will repaint the whole window", e);
            return null;
        }
    }
}
