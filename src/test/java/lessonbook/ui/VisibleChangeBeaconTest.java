package lessonbook.ui;

import static lessonbook.testkit.Fx.awaitPulses;
import static lessonbook.testkit.Fx.onFx;
import static lessonbook.testkit.Fx.scrollAsUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A frame whose changes all lie out of view must not repaint the whole window: the beacon gives it one dirty pixel.
 * Here the change is one that no document change or layout announces (a node far below the view moving), and the
 * beacon must still be in that frame, and in no frame that would not be drawn anyway (else it would keep the
 * window drawing frames of its own, sixty a second).
 */
@ExtendWith(ApplicationExtension.class)
class VisibleChangeBeaconTest {
    private Scene scene;
    private VisibleChangeBeacon beacon;
    private Region farBelow;
    private ScrollPane page;
    private final AtomicInteger touches = new AtomicInteger();

    @Start
    void start(Stage stage) {
        Region spacer = new Region();
        spacer.setMinHeight(3000);
        farBelow = new Region();
        farBelow.setMinSize(100, 20);
        farBelow.setStyle("-fx-background-color: steelblue;");
        page = new ScrollPane(new VBox(spacer, farBelow));
        beacon = new VisibleChangeBeacon();
        scene = new Scene(new StackPane(page, beacon), 400, 300);
        beacon.watch(scene, page);
        beacon.opacityProperty().addListener((o, was, now) -> touches.incrementAndGet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aFrameWithOnlyAChangeOutOfViewGetsThePixelAndAnIdleFrameDoesNot() {
        assertThat(VisibleChangeBeacon.canWatch()).as("the scene's changed nodes readable (JavaFX on the class path)")
                .isTrue();
        awaitPulses(scene, 5);
        int settled = touches.get();
        awaitPulses(scene, 30);
        assertThat(touches.get()).as("touches in 30 frames with nothing changed").isEqualTo(settled);

        onFx(() -> farBelow.setTranslateX(farBelow.getTranslateX() + 5));   // out of view, no layout
        awaitPulses(scene, 2);
        assertThat(onFx(() -> farBelow.localToScene(farBelow.getBoundsInLocal()).getMinY()))
                .as("the moved node lies below the window").isGreaterThan(300.0);
        assertThat(touches.get()).as("touches in the frame that moved a node out of view").isEqualTo(settled + 1);

        awaitPulses(scene, 30);
        assertThat(touches.get()).as("touches afterwards: the pixel asks for no frame of its own")
                .isEqualTo(settled + 1);
    }

    /**
     * A frame that scrolls the page is left to JavaFX: after a Run All, wheel scrolls of the notebook whose frames had
     * the pixel moved the notebook and painted nothing (the screen changed only when a zoom repainted it).
     */
    @Test
    void aFrameThatScrollsThePageDoesNotGetThePixel() {
        awaitPulses(scene, 5);
        int settled = touches.get();

        onFx(() -> scrollAsUser(page, 0.5));
        awaitPulses(scene, 3);
        assertThat(touches.get()).as("touches in the frames that scrolled the page").isEqualTo(settled);

        onFx(() -> farBelow.setTranslateX(farBelow.getTranslateX() + 5));   // out of view again, page still
        awaitPulses(scene, 2);
        assertThat(touches.get()).as("touches once the page stands still and a change lies out of view")
                .isEqualTo(settled + 1);
    }

    @Test
    void twoTouchesInOneFrameStillChangeThePixel() {
        double before = onFx(() -> beacon.getOpacity());
        double after = onFx(() -> {
            beacon.touch();
            beacon.touch();
            return beacon.getOpacity();
        });
        assertThat(after).as("opacity after two touches in one frame").isNotEqualTo(before);
        assertThat(after).as("still invisible").isLessThan(0.05);
    }
}
