package lessonbook.ui.richoutput;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Whether a node can be seen: in a showing window, visible with all its parents, and inside the window and
 * every clip above it (a scroll pane's viewport).
 *
 * <p>Why it matters: JavaFX paints a frame's changes by their dirty regions, but a frame whose every change
 * lies outside the window (a running cell scrolled out of view) has no dirty region at all, and Prism then
 * paints the <em>whole</em> window. Under software rendering that is ~25 ms of CPU for a frame that shows nothing
 * new. So anything that animates asks this first and leaves hidden nodes alone.
 */
public final class OnScreen {
    private OnScreen() {
    }

    /** Call on the FX thread. */
    public static boolean shows(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        Bounds own = node.localToScene(node.getLayoutBounds());
        if (own.getMaxX() <= 0 || own.getMaxY() <= 0 || own.getMinX() >= scene.getWidth()
                || own.getMinY() >= scene.getHeight()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
            Node clip = n.getClip();
            // A clip is in the coordinates of the node it clips.
            if (clip != null && !n.localToScene(clip.getBoundsInParent()).intersects(own)) {
                return false;
            }
        }
        return true;
    }
}
