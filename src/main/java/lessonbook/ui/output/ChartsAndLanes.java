package lessonbook.ui.output;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Output;
import lessonbook.ui.richoutput.DisplayViews;
import lessonbook.ui.richoutput.WorkerLanesView;

/**
 * The drawn parts of an output pane: the cell's worker lanes, above its lines (made on the first worker
 * output), and its charts and tables, below them. On the FX thread.
 */
final class ChartsAndLanes {
    private final VBox pane;
    private final VBox displays = new VBox();
    private WorkerLanesView lanes;

    /** {@code pane} holds the header at 0 and the lines at 1; the lanes go in between. */
    ChartsAndLanes(VBox pane) {
        this.pane = pane;
        displays.getStyleClass().add("output-displays");
    }

    /** The box of charts and tables, for the pane to place under its lines. */
    VBox displays() {
        return displays;
    }

    /** Saved outputs (on open): worker lanes as a finished timeline. */
    void restore(List<Output> saved) {
        if (DisplayViews.hasWorkers(saved)) {
            showLanes(new WorkerLanesView(saved));
        }
    }

    /** Stops the live worker timeline (the kernel restarted or died: no more exits will come). */
    void freezeWorkers() {
        if (lanes != null) {
            lanes.freeze();
        }
    }

    /** A running worker's live CPU time or wait state (transient: shown in its lane, never a row of output). */
    void showWorkerActivity(KernelEvent.WorkerActivity activity) {
        if (lanes == null) {
            return;   // its start has not been applied yet; the next sample comes within half a second
        }
        if (activity instanceof KernelEvent.WorkerCpu cpu) {
            lanes.acceptCpu(cpu.worker(), cpu.pid(), cpu.cpuMillis());
        } else if (activity instanceof KernelEvent.WorkerWaits waits) {
            lanes.acceptWaits(waits.worker(), waits.pid(), waits.waitingOn(), waits.holding());
        }
    }

    /**
     * The batch's worker events and lines, handed to the lanes at once: one lanes update per batch. Out of sight
     * the lanes are made and fed but not put into the pane until {@link #attachLanes()}: a lanes view joining the
     * scene is styled and laid out whole (its header, legend, axis), 10-25 ms of the FX thread each time a worker
     * cell started or ended with its pane scrolled away (pulse logger, Run All of the lesson), while that cell's
     * workers need the cores.
     */
    void feedLanes(List<Output> workerOutputs, boolean inSight) {
        if (!workerOutputs.isEmpty()) {
            if (lanes == null) {
                lanes = new WorkerLanesView();
            }
            lanes.accept(workerOutputs, System.currentTimeMillis());
        }
        if (inSight) {
            attachLanes();
        }
    }

    /** Puts the lanes into the pane, if there are lanes and they are not there yet (the pane came into view). */
    void attachLanes() {
        if (lanes != null && lanes.getParent() == null) {
            pane.getChildren().add(1, lanes);
        }
    }

    /** A chart or a table, drawn below the lines; other outputs have no drawing. */
    void show(Output output) {
        if (output instanceof Output.Chart || output instanceof Output.Table) {
            DisplayViews.nodeFor(output).ifPresent(displays.getChildren()::add);
        }
    }

    /** Nodes shown under the lines as charts and tables are (a saved notebook's images); cleared with them. */
    void addDisplays(List<Node> nodes) {
        displays.getChildren().addAll(nodes);
    }

    void clear() {
        displays.getChildren().clear();
        if (lanes != null) {
            lanes.freeze();
            pane.getChildren().remove(lanes);
            lanes = null;
        }
    }

    boolean isEmpty() {
        return lanes == null && displays.getChildren().isEmpty();
    }

    WorkerLanesView lanes() {
        return lanes;
    }

    List<Node> displayNodes() {
        return List.copyOf(displays.getChildren());
    }

    private void showLanes(WorkerLanesView view) {
        lanes = view;
        attachLanes();
    }
}
