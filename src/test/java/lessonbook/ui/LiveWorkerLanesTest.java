package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.Output.WorkerEvent.Phase;
import lessonbook.testkit.Await;

/** The window's worker lanes show a running worker's CPU time and who waits on and holds a lock, live. */
@ExtendWith(ApplicationExtension.class)
class LiveWorkerLanesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
    private NotebookWindow window;
    private final ScriptedKernel kernel = new ScriptedKernel();

    @Start
    void start(Stage stage) {
        window = new NotebookWindow(stage, () -> kernel, LessonStore.files(), FileDialogs.system());
        window.document().replace(new Notebook(List.of(new CodeCell("contend",
                "System.out.println(\"two workers, one lock\");"))), Path.of("live-lanes.md"));
        stage.setWidth(1100);
        stage.setHeight(700);
        window.show();
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    private static String laneText(FxRobot robot, long pid) {
        return robot.lookup(".lane").queryAll().stream()
                .filter(lane -> ((Label) lane.lookup(".lane-name")).getText().endsWith("pid " + pid))
                .map(lane -> ((Label) lane.lookup(".lane-stats")).getText()).findFirst().orElse("");
    }

    /** Whether the lane's bar has a hatched wait span that is shown, and its pseudo-class says it waits now. */
    private static boolean barWaiting(FxRobot robot, long pid) {
        return robot.lookup(".lane").queryAll().stream()
                .filter(lane -> ((Label) lane.lookup(".lane-name")).getText().endsWith("pid " + pid))
                .anyMatch(lane -> lane.lookup(".lane-bar").getPseudoClassStates().contains(WAITING)
                        && lane.lookupAll(".lane-wait").stream().anyMatch(n -> n.isVisible() && n.getLayoutBounds().getWidth() > 1));
    }

    @Test
    void lanesShowLiveCpuAndWhoWaitsOnTheLockWhileWorkersRun(FxRobot robot) throws Exception {
        robot.interact(() -> window.run("contend"));
        long now = System.currentTimeMillis();
        kernel.late("contend", List.of(
                new Output.WorkerEvent("Worker-1", 71, Phase.STARTED, now - 2_000, null, 0),
                new Output.WorkerEvent("Worker-2", 72, Phase.STARTED, now - 1_900, null, 0)));
        Await.until("two lanes", WAIT,
                () -> robot.lookup(".lane").queryAll().size() == 2);
        assertThat(laneText(robot, 71)).startsWith("running · wall");

        kernel.activity(new KernelEvent.WorkerCpu("contend", "Worker-1", 71, 1_300));
        kernel.activity(new KernelEvent.WorkerWaits("contend", "Worker-1", 71, null, "lock 'counter lock'"));
        kernel.activity(new KernelEvent.WorkerWaits("contend", "Worker-2", 72, "lock 'counter lock' (held by pid 71)", null));
        Await.until("worker 71's lane to show it holds the lock, 72's whom it waits for", WAIT,
                () -> laneText(robot, 71).startsWith("holds lock 'counter lock' · cpu 1.3 s / wall")
                && laneText(robot, 72).startsWith("waiting for lock 'counter lock' (held by Worker-1) · wall"));
        // the hatch is placed on the lane's track, which a lane built in this frame gets at the frame's layout
        Await.until("the waiter's bar to be hatched", WAIT, () -> barWaiting(robot, 72));
        assertThat(barWaiting(robot, 71)).as("the holder's bar is not").isFalse();

        // the kernel's own cell has no lane: the summary says what it waits on
        kernel.activity(new KernelEvent.WorkerWaits("contend", KernelEvent.WorkerWaits.KERNEL_PROCESS, 70,
                "barrier #1 (1 of 3 arrived)", null));
        Await.until("the lanes' summary", WAIT,
                () -> robot.lookup(".lanes-summary").queryAs(Label.class).getText()
                .endsWith("the notebook waits for barrier #1 (1 of 3 arrived)"));
        // a lock the notebook holds is held by "the notebook"; an unknown pid stays a pid
        kernel.activity(new KernelEvent.WorkerWaits("contend", "Worker-1", 71, "lock #2 (held by pid 70)", null));
        Await.until("worker 71 waiting for the notebook's lock", WAIT,
                () -> laneText(robot, 71).startsWith("waiting for lock #2 (held by the notebook) · "));
        kernel.activity(new KernelEvent.WorkerWaits("contend", "Worker-1", 71, "lock #2 (held by pid 99999)", null));
        Await.until("worker 71 waiting for a lock held by a pid without a lane", WAIT,
                () -> laneText(robot, 71).startsWith("waiting for lock #2 (held by pid 99999) · "));
        assertThat(robot.lookup(".lane").queryAll()).hasSize(2);

        // the wait ends: the lane says so; and nothing of it was kept in the document
        kernel.activity(new KernelEvent.WorkerWaits("contend", "Worker-2", 72, null, "lock 'counter lock'"));
        Await.until("worker 72 to hold the lock and wait no more", WAIT,
                () -> laneText(robot, 72).startsWith("holds lock 'counter lock'") && !barWaiting(robot, 72));
        List<Output> kept = window.document().cell("contend") instanceof CodeCell code ? code.outputs() : List.of();
        assertThat(kept).allMatch(o -> o instanceof Output.WorkerEvent || o instanceof Output.Stream);
        assertThat(kept).hasSize(3);
    }
}
