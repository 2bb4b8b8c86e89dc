package lessonbook.bench.demo;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import lessonbook.display.Chart;
import lessonbook.display.Table;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.ui.richoutput.ChartView;
import lessonbook.ui.richoutput.TableOutputView;
import lessonbook.ui.richoutput.WorkerLanesView;

/**
 * Shows the rich outputs as a lesson would: the closing bar chart, a table, and worker lanes fed with ten
 * simulated workers sharing two cores (a processor-sharing simulation, for looking at the views only).
 * Options: {@code --font=PX} root font size (26 for a projector), {@code --dark}, {@code --saved} (show the
 * finished timeline from saved events instead of live), {@code --states} (one worker fails, one is terminated), {@code --start-after=MS} (when the first worker starts),
 * {@code --slow=F} (stretch the simulated time by F), {@code --lanes-first}, {@code --width=PX}.
 */
public final class DisplayDemo {
    private static final int WORKERS = 10;
    private static final int CORES = 2;
    private static long startAfter = 500;
    private static double slow = 1;
    private static boolean lanesFirst;
    private static int width = 1400;

    private DisplayDemo() {
    }

    public static void main(String[] args) {
        double font = 13;
        boolean dark = false;
        boolean saved = false;
        boolean states = false;
        for (String a : args) {
            if (a.startsWith("--start-after=")) {
                startAfter = Long.parseLong(a.substring(14));
            }
            if (a.startsWith("--slow=")) {
                slow = Double.parseDouble(a.substring(7));
            }
            if (a.startsWith("--font=")) {
                font = Double.parseDouble(a.substring(7));
            }
            dark |= a.equals("--dark");
            saved |= a.equals("--saved");
            states |= a.equals("--states");
            lanesFirst |= a.equals("--lanes-first");
            if (a.startsWith("--width=")) {
                width = Integer.parseInt(a.substring(8));
            }
        }
        double fontSize = font;
        boolean darkTheme = dark;
        boolean savedView = saved;
        boolean withStates = states;
        Platform.startup(() -> show(fontSize, darkTheme, savedView, withStates));
    }

    private static void show(double font, boolean dark, boolean saved, boolean states) {
        Output.Chart chart = Chart.bar("Time per strategy").yLabel("seconds")
                .add("sequential", 2.97).add("10 workers", 1.61).add("pool of 2", 1.52).build();
        Output.Table table = Table.of("Timings on 2 cores", "strategy", "seconds", "speedup")
                .row("sequential", 2.97, 1.0).row("10 workers", 1.61, 1.84).row("pool of 2", 1.52, 1.95).build();
        long t0 = System.currentTimeMillis() + startAfter;
        List<Timed> events = simulate(t0, states);
        WorkerLanesView lanes;
        if (saved) {
            List<Output> outputs = new ArrayList<>();
            events.forEach(e -> outputs.add(e.output));
            lanes = new WorkerLanesView(outputs);
        } else {
            lanes = new WorkerLanesView();
            Timeline feed = new Timeline();
            long now = System.currentTimeMillis();
            for (Timed e : events) {
                feed.getKeyFrames().add(new KeyFrame(Duration.millis(Math.max(0, e.at - now)),
                        ev -> lanes.accept(e.output, e.at)));
            }
            feed.play();
        }
        VBox content = lanesFirst ? new VBox(lanes, new ChartView(chart), new TableOutputView(table))
                : new VBox(new ChartView(chart), new TableOutputView(table), lanes);
        content.setStyle("-fx-padding: 1em 1.5em; -fx-spacing: 1.2em; -fx-background-color: "
                + (dark ? "#0d1117" : "white") + ";");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("root-scroll");
        if (dark) {
            scroll.getStyleClass().add("dark");
        }
        scroll.setStyle("-fx-font-size: " + font + "px; -fx-background: " + (dark ? "#0d1117" : "white") + ";");
        Stage stage = new Stage();
        stage.setTitle("Lessonbook display demo");
        stage.setScene(new Scene(scroll, width, 900));
        stage.show();
    }

    private static Output stretched(Output o, long t0) {
        if (o instanceof Output.WorkerEvent) {
            Output.WorkerEvent e = (Output.WorkerEvent) o;
            return new Output.WorkerEvent(e.worker(), e.pid(), e.phase(), t0 + Math.round((e.epochMillis() - t0) * slow),
                    e.exitCode(), Math.round(e.cpuMillis() * slow));
        }
        return o;
    }

    private record Timed(long at, Output output) {
    }

    /**
     * Ten workers started 45 ms apart, each needing 0.42 s of CPU (JVM start and the tutorial's sum), sharing
     * two cores equally while they run; each prints its result just before it exits.
     */
    private static List<Timed> simulate(long t0, boolean states) {
        double[] needed = new double[WORKERS];
        double[] used = new double[WORKERS];
        long[] start = new long[WORKERS];
        long[] exit = new long[WORKERS];
        for (int i = 0; i < WORKERS; i++) {
            needed[i] = 420 + 15 * (i % 3);
            start[i] = 45L * i;
            exit[i] = -1;
        }
        if (states) {
            needed[6] = 150; // fails early
        }
        for (long t = 0; t < 60_000; t++) {
            int active = 0;
            for (int i = 0; i < WORKERS; i++) {
                if (start[i] <= t && exit[i] < 0) {
                    active++;
                }
            }
            if (active == 0 && t > start[WORKERS - 1]) {
                break;
            }
            double share = Math.min(1.0, CORES / (double) Math.max(1, active));
            for (int i = 0; i < WORKERS; i++) {
                if (start[i] <= t && exit[i] < 0) {
                    used[i] += share;
                    if (used[i] >= needed[i] || (states && i == 8 && t - start[i] >= 900)) {
                        exit[i] = t + 1;
                    }
                }
            }
        }
        List<Timed> events = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            String name = "Worker-" + (i + 1);
            long pid = 48_213 + 7L * i;
            int code = states && i == 6 ? 1 : states && i == 8 ? 143 : 0;
            events.add(new Timed(t0 + start[i], new Output.WorkerEvent(name, pid, Output.WorkerEvent.Phase.STARTED,
                    t0 + start[i], null, 0)));
            events.add(new Timed(t0 + start[i] + 150, new Output.WorkerLine(name, pid, StreamName.STDOUT,
                    "factorial(" + (10_000_000 + i) + ") starting")));
            if (code == 0) {
                events.add(new Timed(t0 + exit[i] - 6, new Output.WorkerLine(name, pid, StreamName.STDOUT,
                        Long.toString(1 + (10_000_000L + i) * (10_000_001L + i) / 2))));
            }
            events.add(new Timed(t0 + exit[i], new Output.WorkerEvent(name, pid, Output.WorkerEvent.Phase.EXITED,
                    t0 + exit[i], code, Math.round(used[i]))));
        }
        events.sort((a, b) -> Long.compare(a.at, b.at));
        if (slow != 1) {
            events.replaceAll(e -> new Timed(t0 + Math.round((e.at - t0) * slow), stretched(e.output, t0)));
        }
        return events;
    }
}
