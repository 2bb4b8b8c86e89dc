package lessonbook.ui.richoutput;

import java.util.ArrayList;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** One worker's lane: its name and pid, a bar from start to exit on the shared time axis, and its times. */
final class LaneRow extends HBox {
    private static final List<PseudoClass> STATES = new ArrayList<>();
    private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
    private static final PseudoClass HOLDING = PseudoClass.getPseudoClass("holding");

    static {
        for (WorkerLane.State s : WorkerLane.State.values()) {
            STATES.add(PseudoClass.getPseudoClass(s.pseudoClass()));
        }
    }

    final WorkerLane lane;
    private final TickingLabel statsSlot = new TickingLabel();
    private final Label stats = statsSlot.label();
    private final Label name;
    private final Track track;

    LaneRow(WorkerLane lane, LaneScale scale) {
        this.lane = lane;
        this.track = new Track(lane, scale);
        getStyleClass().add("lane");
        name = new Label(lane.worker + " · pid " + lane.pid);
        name.getStyleClass().add("lane-name");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        stats.getStyleClass().add("lane-stats");
        HBox.setHgrow(track, Priority.ALWAYS);
        getChildren().addAll(name, track, statsSlot);
    }

    /**
     * Brings the text, the state colour and the bar up to {@code now}, laying out nothing around the row: the
     * bar is placed directly and the times are a {@link TickingLabel}.
     */
    void update(long now) {
        stats.setText(lane.describe(now));
        WorkerLane.State state = lane.state();
        for (WorkerLane.State s : WorkerLane.State.values()) {
            boolean active = s == state;
            PseudoClass pc = STATES.get(s.ordinal());
            pseudoClassStateChanged(pc, active);
            track.bar.pseudoClassStateChanged(pc, active);
        }
        pseudoClassStateChanged(WAITING, lane.waiting());
        track.bar.pseudoClassStateChanged(WAITING, lane.waiting());
        pseudoClassStateChanged(HOLDING, lane.holds());
        track.bar.pseudoClassStateChanged(HOLDING, lane.holds());
        track.place();
    }

    /** The axis changed its ticks or span: bars and grid lines move. */
    void placeTrack() {
        track.place();
    }

    Label nameLabel() {
        return name;
    }

    Label statsLabel() {
        return stats;
    }

    Region statsSlot() {
        return statsSlot;
    }

    Region bar() {
        return track.bar;
    }

    /** The bar, its CPU share, grid lines at the axis ticks and a marker per output line, placed by time. */
    private static final class Track extends Pane {
        private final WorkerLane lane;
        private final LaneScale scale;
        final Region bar = styled("lane-bar");
        private final Region cpu = styled("lane-cpu");
        private final List<Region> grid = new ArrayList<>();
        private final List<Region> markers = new ArrayList<>();
        private final List<Region> waits = new ArrayList<>();
        private final FreeLayer layer = new FreeLayer();

        Track(WorkerLane lane, LaneScale scale) {
            this.lane = lane;
            this.scale = scale;
            getStyleClass().add("lane-track");
            layer.getChildren().addAll(bar, cpu);
            getChildren().add(layer);
        }

        private static Region styled(String styleClass) {
            Region r = new Region();
            r.getStyleClass().add(styleClass);
            r.setManaged(false);
            return r;
        }

        @Override
        protected void layoutChildren() {
            layer.cover(this);
            place();
        }

        /** Everything is unmanaged in a {@link FreeLayer} and placed here, so it asks no one for a layout. */
        void place() {
            double w = getWidth();
            double h = getHeight();
            placeGrid(w, h);
            long start = lane.startMillis >= 0 ? lane.startMillis : scale.origin;
            long end = lane.exited() ? lane.exitMillis : Math.max(scale.now, start);
            double x0 = scale.x(start, w);
            double x1 = Math.max(scale.x(end, w), x0 + 2);
            bar.resizeRelocate(x0, h * 0.15, x1 - x0, h * 0.7);
            long wall = end - start;
            boolean cpuKnown = wall > 0 && lane.cpuMillis > 0;   // while running: the last sample
            cpu.setVisible(cpuKnown);
            if (cpuKnown) {
                double share = Math.min(1, lane.cpuMillis / (double) wall);
                cpu.resizeRelocate(x0, h * 0.6, (x1 - x0) * share, h * 0.25);
            }
            placeWaits(w, h, start, end);
            placeMarkers(w, h, start, end);
        }

        /** A hatched span over the bar for each wait, up to now for the one going on. */
        private void placeWaits(double w, double h, long start, long end) {
            int used = 0;
            for (long[] wait : lane.waits) {
                long from = Math.max(start, wait[0]);
                long to = Math.min(end, wait[1] < 0 ? end : wait[1]);
                if (to < from) {
                    continue;
                }
                if (used == waits.size()) {
                    Region span = styled("lane-wait");
                    waits.add(span);
                    layer.getChildren().add(layer.getChildren().indexOf(cpu), span);
                }
                Region span = waits.get(used++);
                double x0 = scale.x(from, w);
                span.setVisible(true);
                span.resizeRelocate(x0, h * 0.15, Math.max(2, scale.x(to, w) - x0), h * 0.45);
            }
            for (int i = used; i < waits.size(); i++) {
                waits.get(i).setVisible(false);
            }
        }

        private void placeGrid(double w, double h) {
            while (grid.size() < scale.ticks.size()) {
                Region line = styled("lane-grid");
                grid.add(line);
                layer.getChildren().add(0, line);
            }
            for (int i = 0; i < grid.size(); i++) {
                Region line = grid.get(i);
                line.setVisible(i < scale.ticks.size());
                if (i < scale.ticks.size()) {
                    double x = Math.round(scale.x(scale.origin + Math.round(scale.ticks.get(i)), w));
                    line.resizeRelocate(Math.min(x, w - 1), 0, 1, h);
                }
            }
        }

        private void placeMarkers(double w, double h, long start, long end) {
            int used = 0;
            double lastX = Double.NEGATIVE_INFINITY;
            for (long t : lane.lineMillis) {
                double x = scale.x(Math.max(start, Math.min(end, t)), w);
                if (x - lastX < 3) {
                    continue; // lines closer than a marker's width share one marker
                }
                if (used == markers.size()) {
                    Region marker = styled("lane-marker");
                    markers.add(marker);
                    layer.getChildren().add(marker);
                }
                Region marker = markers.get(used++);
                marker.setVisible(true);
                marker.resizeRelocate(Math.max(0, x - 1), h * 0.05, 2, h * 0.9);
                lastX = x;
            }
            for (int i = used; i < markers.size(); i++) {
                markers.get(i).setVisible(false);
            }
        }
    }
}
