package lessonbook.ui.richoutput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lessonbook.model.Output;

/**
 * The worker timeline under a cell that started workers: one lane per worker (name, pid) with a bar from
 * start to exit that grows while the worker runs, coloured by state (style pseudo-classes {@code :running},
 * {@code :done}, {@code :failed}, {@code :terminated}, {@code :unknown}), its CPU share drawn inside the bar,
 * "cpu 1.4 s / wall 2.9 s" beside it, a marker where each output line arrived, and a time axis. A summary
 * says how many ran at once and how many cores were busy on average, which is what ten workers on two cores
 * should make visible.
 *
 * <p>Live: create it empty and feed it {@link #accept(Output, long)} with every output of the cell as it
 * arrives (or the two typed methods); bars grow twice a second until every worker exited.
 * Reopened: {@link #WorkerLanesView(List)} with the cell's saved outputs shows the finished timeline.
 * Live CPU figures and wait states ({@link #acceptCpu}, {@link #acceptWaits}) are shown, never kept.
 * Methods may be called from any thread; the work happens on the FX thread. Sizes follow the font size,
 * so a root {@code -fx-font-size} scales it for a projector. What the events said is kept by a
 * {@link WorkerTimeline}; this view only draws it.
 */
public final class WorkerLanesView extends VBox {
    /**
     * How much wider than its texts the stats column may stay while workers run: more than a ticking time's digits
     * ever change it, less than a wait's text ("waiting for its JVM to start · ") that ended.
     */
    private static final double STATS_SHRINK_SLACK = 40;
    /**
     * Lanes drawn at most, the first workers' (a lane never moves); the summary still counts every worker. A loop
     * that started 300 workers one after another drew 300 lanes, and bringing them all up to date at every batch
     * took a third of the JavaFX thread by the 200th, more with each lane; a class reads a few dozen.
     */
    static final int MAX_LANES = 64;

    /** What the events said, per worker; the rows below are built from it only when the view can be seen. */
    private final WorkerTimeline timeline = new WorkerTimeline();
    private final Map<String, LaneRow> rows = new LinkedHashMap<>();
    private final VBox lanes = new VBox();
    private final TimeAxis axis;
    private final Label summary = new Label();
    /** Under the lanes, once there are more workers than {@link #MAX_LANES}. */
    private final Label notDrawn = new Label();
    private final LaneScale scale = new LaneScale();
    private final FxClock clock;
    private final LongSupplier wallClock = System::currentTimeMillis;
    private final Region nameSpace;
    private final Region statsSpace;
    private double nameWidth;
    private double statsWidth;
    /** Set when the stats column is to fit its texts again, narrower if they are (see {@link #refresh}). */
    private boolean fitStatsAgain;
    private boolean live;
    private boolean animating;
    /** Events or lines arrived while the view was out of sight: the next frame in sight draws them. */
    private boolean stale;
    private long refreshes;

    /** An empty, live view, fed as workers start, print and exit. */
    public WorkerLanesView() {
        this(List.of(), true);
    }

    /** A finished view of a cell's saved outputs (its worker events; other outputs are ignored). */
    public WorkerLanesView(List<? extends Output> savedOutputs) {
        this(savedOutputs, false);
    }

    private WorkerLanesView(List<? extends Output> outputs, boolean live) {
        this.live = live;
        getStyleClass().add("worker-lanes");
        getStylesheets().add(DisplayViews.STYLESHEET);
        axis = new TimeAxis(scale, () -> rows.values().forEach(LaneRow::placeTrack));
        summary.getStyleClass().add("lanes-summary");
        summary.setWrapText(true);
        lanes.getStyleClass().add("lanes");
        nameSpace = new Region();
        nameSpace.getStyleClass().add("lane-axis-spacer-name");
        statsSpace = new Region();
        statsSpace.getStyleClass().add("lane-axis-spacer-stats");
        HBox axisRow = new HBox(nameSpace, axis, statsSpace);
        axisRow.getStyleClass().add("lane-axis-row");
        HBox.setHgrow(axis, Priority.ALWAYS);
        notDrawn.getStyleClass().add("lanes-not-drawn");
        notDrawn.setManaged(false);
        notDrawn.setVisible(false);
        getChildren().addAll(header(), lanes, notDrawn, axisRow);
        // Out of sight, a frame would change nothing visible yet repaint the whole window (OnScreen).
        clock = new FxClock(FxClock.FRAME_MILLIS, () -> {
            if (OnScreen.shows(this)) {
                refresh();
            }
        });
        // A view fed while out of the scene (an output pane scrolled away, see ChartsAndLanes) draws what it was
        // told as it joins one, not at the clock's next frame.
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null && stale) {
                refresh();
            }
            updateClock();
        });
        for (Output o : outputs) {
            if (o instanceof Output.WorkerEvent event) {
                timeline.apply(event);
            }
        }
        if (!live) {
            timeline.freeze();
        }
        refresh();
    }

    private VBox header() {
        Label title = new Label("Workers");
        title.getStyleClass().add("lanes-title");
        VBox header = new VBox(title, summary, LanesLegend.of());
        header.getStyleClass().add("lanes-header");
        return header;
    }

    /**
     * Routes a batch of a cell's outputs, on the FX thread: worker events and lines are shown, everything else is
     * ignored. The view is brought up to date once per batch, never per line, so a flooding worker costs one
     * update per batch the document hands over; lines without a source time count as arrived now.
     */
    public void accept(List<? extends Output> batch, long arrivedEpochMillis) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("worker lanes are fed on the FX thread");
        }
        boolean any = false;
        for (Output output : batch) {
            if (output instanceof Output.WorkerEvent event) {
                timeline.apply(event);
                any = true;
            } else if (output instanceof Output.WorkerLine line) {
                timeline.line(line.worker(), line.pid(), line.epochMillis() > 0 ? line.epochMillis() : arrivedEpochMillis);
                any = true;
            }
        }
        if (any) {
            changed();
        }
    }

    /**
     * A running worker's CPU time so far (the worker runtime samples it about every half second): its lane shows it
     * before the exit brings the final figure.
     */
    public void acceptCpu(String worker, long pid, long cpuMillis) {
        onFx(() -> {
            if (timeline.cpu(worker, pid, cpuMillis)) {
                changed();
            }
        });
    }

    /**
     * What a running worker waits for now (null: nothing for over ~50 ms) and a lock it holds (null: none): its
     * bar is hatched while it waits and its text says for what ("waiting for lock 'counter lock' (held by
     * Worker-3)"), so a class sees contention as it happens. Live only; an exit clears it.
     */
    public void acceptWaits(String worker, long pid, String waitingOn, String holding) {
        onFx(() -> {
            if (timeline.waits(worker, pid, waitingOn, holding, wallClock.getAsLong())) {
                changed();
            }
        });
    }

    /** The text of a worker's lane as shown now (tests). FX thread. */
    String laneText(long pid) {
        for (LaneRow r : rows.values()) {
            if (r.lane.pid == pid) {
                return r.statsLabel().getText();
            }
        }
        throw new IllegalArgumentException("no lane for pid " + pid);
    }

    /** One worker event (tests, demos): a batch of one. */
    public void accept(Output output, long arrivedEpochMillis) {
        accept(List.of(output), arrivedEpochMillis);
    }

    /**
     * Draws what arrived now if the view can be seen, or once no worker runs (the final picture, seen or not);
     * else leaves it to the clock's next frame in sight. A view not in a scene yet draws nothing: it draws all it
     * was told as it joins one (building ten lanes' rows for nobody cost 5 ms of the FX thread at the end of the
     * lesson's worker cells).
     */
    private void changed() {
        if (getScene() != null && (!live || !timeline.anyRunning() || OnScreen.shows(this))) {
            refresh();
        } else {
            stale = true;
        }
        updateClock();
    }

    /**
     * Stops the clock: workers with no exit yet are shown as "no exit seen" (for a kernel that restarted or
     * died without telling how its workers ended).
     */
    public void freeze() {
        onFx(() -> {
            live = false;
            timeline.freeze();
            refresh();
            updateClock();
        });
    }

    /** How often the lanes were brought up to date (tests: once per batch, not per line). FX thread. */
    long refreshCount() {
        return refreshes;
    }

    /** The number of workers the view knows (lanes are drawn for the first {@link #MAX_LANES}). */
    public int laneCount() {
        return timeline.lanes().size();
    }

    /** The number of lanes drawn (tests). FX thread. */
    int drawnLaneCount() {
        return rows.size();
    }

    /** True while bars are growing (some worker runs and the view is in a scene). */
    public boolean isAnimating() {
        return animating;
    }

    /** A row for each worker that has none yet, up to {@link #MAX_LANES} (only drawn rows are nodes). */
    private void addRows() {
        for (Map.Entry<String, WorkerLane> w : timeline.lanes().entrySet()) {
            if (rows.size() == MAX_LANES) {
                break;
            }
            if (!rows.containsKey(w.getKey())) {
                LaneRow row = new LaneRow(w.getValue(), scale);
                rows.put(w.getKey(), row);
                lanes.getChildren().add(row);
                nameWidth = 0; // re-measure all columns at the next layout
                statsWidth = 0;
            }
        }
        int more = timeline.lanes().size() - rows.size();
        if (more > 0) {
            notDrawn.setText(String.format("… %,d more workers, not drawn: lanes for the first %d", more, MAX_LANES));
            notDrawn.setManaged(true);
            notDrawn.setVisible(true);
        }
    }

    private void updateClock() {
        boolean run = live && getScene() != null && (timeline.anyRunning() || stale);
        if (run && !animating) {
            clock.start();
        } else if (!run && animating) {
            clock.stop();
        }
        animating = run;
    }

    /**
     * Recomputes the scale from the lanes and the clock, then every lane's bar and text. While workers run this
     * is twice a second, and it lays out nothing around the view: bars and ticks are placed directly, the times
     * are {@link TickingLabel}s; only a new lane, a new summary or a times column grown wider does.
     */
    private void refresh() {
        refreshes++;
        stale = false;
        addRows();
        WorkerTimeline.Span span = timeline.span(wallClock.getAsLong(), live);
        boolean running = span.running();
        long now = span.now();
        long origin = span.origin();
        scale.origin = origin;
        scale.now = now;
        // While workers run the axis only steps up to round spans, so bars visibly grow between steps.
        scale.span = running ? TimeScale.roundSpanUp(Math.max(1000, now - origin)) : Math.max(1, now - origin);
        scale.fitTicks(axis.getWidth(), axis.labelWidth());
        double needed = 0;
        for (LaneRow r : rows.values()) {
            r.update(now);
            needed = Math.max(needed, textWidth(r.statsLabel()));
        }
        if (needed > statsWidth) {
            requestLayout(); // the times column grows (not back as times tick, so bars do not jump)...
        } else if (statsWidth - needed > (running ? STATS_SHRINK_SLACK : 0)) {
            fitStatsAgain = true;   // ...but a wait's long text that ended, or the end of the run, gives the room back
            requestLayout();
        }
        axis.place();
        summary.setText(LanesSummary.text(timeline.all(), scale.origin, now, running, timeline.kernelWaits()));
        if (!running) {
            updateClock();
        }
    }

    /**
     * The name and stats columns are as wide as their widest text so far (not narrower as times tick, so the bars
     * do not jump; see {@link #refresh} for when the stats column fits its texts again), and the axis is indented
     * by the same amounts to line up with the tracks.
     */
    @Override
    protected void layoutChildren() {
        double names = nameWidth;
        double stats = fitStatsAgain ? 0 : statsWidth;
        fitStatsAgain = false;
        for (LaneRow r : rows.values()) {
            names = Math.max(names, textWidth(r.nameLabel()));
            stats = Math.max(stats, textWidth(r.statsLabel()));
        }
        if (names != nameWidth || stats != statsWidth) {
            nameWidth = names;
            statsWidth = stats;
            for (LaneRow r : rows.values()) {
                fix(r.nameLabel(), names);
                fix(r.statsSlot(), stats);
            }
            fix(nameSpace, names);
            fix(statsSpace, stats);
        }
        super.layoutChildren();
    }

    /** The width a label's text needs (its preferred width may already be fixed by us). */
    private static double textWidth(Label label) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(label.getText());
        probe.setFont(label.getFont());
        return Math.ceil(probe.getLayoutBounds().getWidth() + label.snappedLeftInset() + label.snappedRightInset() + 1);
    }

    private static void fix(Region region, double width) {
        region.setMinWidth(width);
        region.setPrefWidth(width);
        region.setMaxWidth(width);
    }

    /** The bar of the lane of this worker (for tests and for tooling that highlights a worker). */
    Region barOf(long pid) {
        for (LaneRow r : rows.values()) {
            if (r.lane.pid == pid) {
                return r.bar();
            }
        }
        throw new IllegalArgumentException("no lane for pid " + pid);
    }

    private static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
