package lessonbook.ui.output;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.DoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lessonbook.model.Diagnostic;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.ui.display.DisplayViews;
import lessonbook.ui.display.WorkerLanesView;

/**
 * The output of one code cell as it arrives. Lines live in a virtualized list so only the visible ones
 * have nodes; the pane keeps only the last {@link #MAX_LINES} lines and says how many it hid (the
 * document keeps everything for saving). Worker lines get their worker's colour and can be filtered.
 */
public final class OutputPane extends VBox {
    public static final int MAX_LINES = 2000;
    static final int MAX_VISIBLE_ROWS = 24;
    private static final int WORKER_COLOURS = 8;
    private static final String ALL_WORKERS = "All output";

    private final ObservableList<OutputLine> lines = FXCollections.observableArrayList();
    private final FilteredList<OutputLine> shown = new FilteredList<>(lines);
    private final ListView<OutputLine> list = new ListView<>(shown);
    private final Label hiddenLabel = new Label();
    private final ComboBox<String> workerFilter = new ComboBox<>();
    private final HBox header = new HBox(8);
    private final VBox displays = new VBox();
    private WorkerLanesView lanes;
    private boolean restoring;
    private final Map<String, Integer> workerColours = new LinkedHashMap<>();
    private final Set<Integer> collapsedErrors = new HashSet<>();
    private final DoubleProperty fontSize;
    private Consumer<List<Diagnostic>> diagnosticsSink = d -> { };
    private long hiddenLines;
    private boolean lastLineOpen;
    private int nextErrorId;

    public OutputPane(DoubleProperty fontSize) {
        this.fontSize = fontSize;
        getStyleClass().add("output-pane");
        list.getStyleClass().add("output-lines");
        list.setFocusTraversable(false);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new LineCell());
        list.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copy(list.getSelectionModel().getSelectedItems());
                e.consume();
            }
        });
        MenuItem copySelected = new MenuItem("Copy Selected Lines");
        copySelected.setOnAction(e -> copy(list.getSelectionModel().getSelectedItems()));
        MenuItem copyAll = new MenuItem("Copy All Output");
        copyAll.setOnAction(e -> copy(shown));
        list.setContextMenu(new ContextMenu(copySelected, copyAll));

        hiddenLabel.getStyleClass().add("output-hidden-note");
        workerFilter.getStyleClass().add("worker-filter");
        workerFilter.getItems().add(ALL_WORKERS);
        workerFilter.setValue(ALL_WORKERS);
        workerFilter.valueProperty().addListener((o, was, now) -> refilter());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header.getStyleClass().add("output-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().addAll(hiddenLabel, spacer, workerFilter);

        displays.getStyleClass().add("output-displays");
        getChildren().addAll(header, list, displays);
        fontSize.addListener((o, was, now) -> resize());
        updateChrome();
    }

    /** Where compile errors go to be underlined in the editor. */
    public void setDiagnosticsSink(Consumer<List<Diagnostic>> sink) {
        this.diagnosticsSink = sink;
    }

    public void clear() {
        lines.clear();
        displays.getChildren().clear();
        if (lanes != null) {
            lanes.freeze();
            getChildren().remove(lanes);
            lanes = null;
        }
        workerColours.clear();
        collapsedErrors.clear();
        workerFilter.getItems().setAll(ALL_WORKERS);
        workerFilter.setValue(ALL_WORKERS);
        hiddenLines = 0;
        lastLineOpen = false;
        diagnosticsSink.accept(List.of());
        updateChrome();
    }

    /** Shows a cell's saved outputs (on open): worker lanes as a finished timeline. */
    public void restore(List<Output> saved) {
        if (DisplayViews.hasWorkers(saved)) {
            showLanes(new WorkerLanesView(saved));
        }
        restoring = true;
        try {
            append(saved);
        } finally {
            restoring = false;
        }
    }

    /** Stops the live worker timeline (the kernel restarted or died: no more exits will come). */
    public void freezeWorkers() {
        if (lanes != null) {
            lanes.freeze();
        }
    }

    private void showLanes(WorkerLanesView view) {
        lanes = view;
        getChildren().add(1, lanes);
    }

    private void feedLanes(Output output) {
        if (restoring) {
            return;
        }
        if (lanes == null) {
            showLanes(new WorkerLanesView());
        }
        lanes.accept(output, System.currentTimeMillis());
    }

    /** Adds outputs in arrival order; call on the FX thread with a whole batch at once. */
    public void append(List<Output> outputs) {
        List<OutputLine> added = new ArrayList<>();
        int firstShown = firstOutputWorthDrawing(outputs);
        for (int i = 0; i < outputs.size(); i++) {
            if (i < firstShown && outputs.get(i) instanceof Output.Stream s) {
                skipText(s.text());
            } else {
                render(outputs.get(i), added);
            }
        }
        if (added.size() >= MAX_LINES) {
            // One replacement instead of a removal and an insertion: cheaper for the list and its view.
            hiddenLines += lines.size() + (added.size() - MAX_LINES);
            lines.setAll(added.subList(added.size() - MAX_LINES, added.size()));
        } else {
            if (!added.isEmpty()) {
                lines.addAll(added);
            }
            int excess = lines.size() - MAX_LINES;
            if (excess > 0) {
                hiddenLines += excess;
                lines.remove(0, excess);
            }
        }
        updateChrome();
        if (!shown.isEmpty() && shown.size() > MAX_VISIBLE_ROWS) {
            list.scrollTo(shown.size() - 1);
        }
    }

    /**
     * Index of the first output whose lines can still be among the last {@link #MAX_LINES}: stream chunks
     * before it are only counted, never split into lines.
     */
    private static int firstOutputWorthDrawing(List<Output> outputs) {
        long lines = 0;
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (outputs.get(i) instanceof Output.Stream s) {
                lines += countNewlines(s.text(), 0, s.text().length());
            } else {
                lines++;
            }
            if (lines > MAX_LINES) {
                return i;
            }
        }
        return 0;
    }

    /** Counts a chunk that will never be shown, keeping the open-line state right. */
    private void skipText(String text) {
        if (text.isEmpty()) {
            return;
        }
        long newlines = countNewlines(text, 0, text.length());
        // The line left open before this chunk was already drawn; closing it hides nothing new. A line this
        // chunk leaves open is drawn from the next write on, as a line of its own.
        hiddenLines += newlines - (lastLineOpen && newlines > 0 ? 1 : 0);
        lastLineOpen = false;
    }

    private void render(Output output, List<OutputLine> into) {
        if (output instanceof Output.Stream s) {
            addText(s.text(), s.stream() == StreamName.STDERR ? "out-stderr" : "out-stdout", null, into);
        } else if (output instanceof Output.WorkerLine w) {
            feedLanes(w);
            String worker = w.worker() + " " + w.pid();
            String style = "out-worker out-worker-" + colourOf(worker)
                    + (w.stream() == StreamName.STDERR ? " out-worker-stderr" : "");
            closeOpenLine();
            String body = w.line().endsWith("\n") ? w.line().substring(0, w.line().length() - 1) : w.line();
            for (String part : body.split("\n", -1)) {
                into.add(new OutputLine("[" + worker + "] " + part, style, worker, -1, false));
            }
        } else if (output instanceof Output.WorkerEvent e) {
            colourOf(e.worker() + " " + e.pid());
            feedLanes(e);
        } else if (output instanceof Output.Chart || output instanceof Output.Table) {
            DisplayViews.nodeFor(output).ifPresent(displays.getChildren()::add);
        } else if (output instanceof Output.Error e) {
            closeOpenLine();
            int id = nextErrorId++;
            String head = e.exceptionType() + (e.message() == null ? "" : ": " + e.message());
            into.add(new OutputLine(head, "out-error-header", null, id, true));
            for (String frame : e.frames()) {
                into.add(new OutputLine("    at " + frame, "out-error-frame", null, id, false));
            }
        } else if (output instanceof Output.CompileError c) {
            diagnosticsSink.accept(c.diagnostics());
            addText(c.text(), "out-compile-error", null, into);
        } else if (output instanceof Output.Value) {
            addText(output.text(), "out-value", null, into);
        } else if (output instanceof Output.Info) {
            addText(output.text(), "out-info", null, into);
        } else if (output instanceof Output.Notice) {
            addText(output.text(), "out-notice", null, into);
        }
    }

    /**
     * Splits text into lines, continuing a line left open by the previous write. For a huge chunk only the
     * tail that can be shown is turned into lines; the rest is only counted.
     */
    private void addText(String text, String style, String worker, List<OutputLine> into) {
        if (text.isEmpty()) {
            return;
        }
        int start = 0;
        int cut = tailStart(text);
        if (cut > 0) {
            hiddenLines += countNewlines(text, 0, cut) + (lastLineOpen ? 0 : 0);
            if (lastLineOpen) {
                lastLineOpen = false;
            }
            start = cut;
        }
        boolean continueOpen = lastLineOpen && start == 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String piece = text.substring(start, end);
            if (continueOpen) {
                appendToOpenLine(piece, style, into);
                continueOpen = false;
            } else {
                into.add(new OutputLine(piece, style, worker, -1, false));
            }
            lastLineOpen = nl < 0;
            start = nl < 0 ? text.length() : nl + 1;
            if (nl >= 0 && start == text.length()) {
                lastLineOpen = false;
            }
        }
    }

    /** Index where the last MAX_LINES lines of {@code text} begin (0 when it has fewer). */
    private static int tailStart(String text) {
        int count = 0;
        int i = text.length() - 1;
        if (i >= 0 && text.charAt(i) == '\n') {
            i--;
        }
        for (; i >= 0; i--) {
            if (text.charAt(i) == '\n' && ++count == MAX_LINES) {
                return i + 1;
            }
        }
        return 0;
    }

    private static long countNewlines(String text, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private void appendToOpenLine(String piece, String style, List<OutputLine> into) {
        if (!into.isEmpty()) {
            OutputLine last = into.remove(into.size() - 1);
            into.add(last.append(piece));
        } else if (!lines.isEmpty() && lines.get(lines.size() - 1).styleClass().equals(style)) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1).append(piece));
        } else {
            into.add(OutputLine.plain(piece, style));
        }
    }

    private void closeOpenLine() {
        lastLineOpen = false;
    }

    private int colourOf(String worker) {
        Integer colour = workerColours.get(worker);
        if (colour == null) {
            colour = workerColours.size() % WORKER_COLOURS;
            workerColours.put(worker, colour);
            workerFilter.getItems().add(worker);
        }
        return colour;
    }

    private void refilter() {
        String worker = workerFilter.getValue();
        boolean all = worker == null || ALL_WORKERS.equals(worker);
        shown.setPredicate(line -> (all || worker.equals(line.worker()))
                && !(line.isErrorFrame() && collapsedErrors.contains(line.errorId())));
        resize();
    }

    private void toggleError(int errorId) {
        if (!collapsedErrors.remove(errorId)) {
            collapsedErrors.add(errorId);
        }
        refilter();
    }

    private void updateChrome() {
        boolean any = !lines.isEmpty() || hiddenLines > 0 || lanes != null || !displays.getChildren().isEmpty();
        list.setVisible(!lines.isEmpty());
        list.setManaged(!lines.isEmpty());
        setVisible(any);
        setManaged(any);
        hiddenLabel.setText(hiddenLines == 0 ? "" : String.format("%,d earlier lines hidden", hiddenLines));
        boolean workers = workerColours.size() > 1;
        workerFilter.setVisible(workers);
        workerFilter.setManaged(workers);
        boolean showHeader = hiddenLines > 0 || workers;
        header.setVisible(showHeader);
        header.setManaged(showHeader);
        resize();
    }

    private void resize() {
        double row = Math.ceil(fontSize.get() * 1.5);
        list.setFixedCellSize(row);
        int rows = Math.max(1, Math.min(shown.size(), MAX_VISIBLE_ROWS));
        double height = rows * row + 6;
        list.setPrefHeight(height);
        list.setMinHeight(height);
        list.setMaxHeight(height);
    }

    private static void copy(List<OutputLine> chosen) {
        ClipboardContent content = new ClipboardContent();
        content.putString(chosen.stream().map(OutputLine::text).collect(Collectors.joining("\n")));
        Clipboard.getSystemClipboard().setContent(content);
    }

    // ----- what tests and the app read -----

    /** The lines currently shown (after the worker filter and collapsed stack frames), as text. */
    public String visibleText() {
        return shown.stream().map(OutputLine::text).collect(Collectors.joining("\n"));
    }

    public List<OutputLine> lines() {
        return List.copyOf(lines);
    }

    public long hiddenLineCount() {
        return hiddenLines;
    }

    public WorkerLanesView lanes() {
        return lanes;
    }

    public List<javafx.scene.Node> displays() {
        return List.copyOf(displays.getChildren());
    }

    public List<String> workers() {
        return List.copyOf(workerColours.keySet());
    }

    public void showOnlyWorker(String worker) {
        workerFilter.setValue(worker == null ? ALL_WORKERS : worker);
    }

    private final class LineCell extends ListCell<OutputLine> {
        private final List<String> applied = new ArrayList<>();

        LineCell() {
            getStyleClass().add("output-line");
            setOnMouseClicked(e -> {
                OutputLine line = getItem();
                if (line != null && line.errorHeader()) {
                    toggleError(line.errorId());
                }
            });
        }

        @Override
        protected void updateItem(OutputLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(applied);
            applied.clear();
            if (empty || line == null) {
                setText(null);
                return;
            }
            String text = line.text();
            if (line.errorHeader()) {
                long frames = lines.stream().filter(l -> l.errorId() == line.errorId()).count() - 1;
                boolean collapsed = collapsedErrors.contains(line.errorId());
                text = (frames == 0 ? "" : collapsed ? "\u25B8 " : "\u25BE ") + text
                        + (collapsed && frames > 0 ? "  (" + frames + " frames hidden)" : "");
            }
            setText(text);
            for (String style : line.styleClass().split(" ")) {
                applied.add(style);
            }
            getStyleClass().addAll(applied);
        }
    }
}
