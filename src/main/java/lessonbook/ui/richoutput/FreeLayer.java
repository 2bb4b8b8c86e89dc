package lessonbook.ui.richoutput;

import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A layer of hand-placed nodes over its host, outside the host's layout. JavaFX answers a node added to a parent,
 * or moved outside the parent's layout pass, by asking the parent's parent for a layout, and the request climbs to
 * the window's root: a lane's grid line moved as the axis stepped from 2 s to 5 s, or a lane's new output marker,
 * laid out the whole notebook page. The request stops at an unmanaged node, so the hand-placed nodes live in this
 * unmanaged layer, and the host only sizes the layer in its own layout pass.
 *
 * <p>Nodes put here must be unmanaged too: the layer lays out nothing, its host places them.
 */
final class FreeLayer extends Pane {
    FreeLayer() {
        setManaged(false);
    }

    /** From the host's {@code layoutChildren}: the layer covers the host. */
    void cover(Region host) {
        resizeRelocate(0, 0, host.getWidth(), host.getHeight());
    }
}
