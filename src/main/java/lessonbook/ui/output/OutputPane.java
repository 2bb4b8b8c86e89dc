package lessonbook.ui.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javafx.beans.property.DoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lessonbook.format.ipynb.RichOutputs;
import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.CellLine;
import lessonbook.model.Diagnostic;
import lessonbook.model.Output;
import lessonbook.ui.richoutput.OnScreen;
import lessonbook.ui.richoutput.WorkerLanesView;

/**
 * The output of one code cell as it arrives. Lines live in a virtualized list so only the visible ones
 * have nodes; the pane keeps only the last {@link #MAX_LINES} lines and says how many it hid (the
 * document keeps everything for saving). Worker lines get their worker's colour and can be filtered.
 * A line longer than the pane is wide is drawn as several rows of the same height ({@link RowWrapper}),
 * re-broken when the width or the font changes, so nothing is clipped and the list keeps its fixed cell size.
 *
 * <p>This class keeps the lines (the cap, the counts of hidden ones) and their rows; the worker filter and
 * colours ({@link WorkerFilter}), folded exceptions ({@link ErrorFolding}), worker lanes, charts and tables
 * ({@link ChartsAndLanes}), copying ({@link OutputClipboard}) and the drawing of a row ({@link OutputRowCell})
 * are their own classes.
 */
public final class OutputPane extends VBox {
    public static final int MAX_LINES = 2000;
    static final int MAX_VISIBLE_ROWS = 24;

    private final ObservableList<OutputLine> lines = FXCollections.observableArrayList();
    /** What the list draws: the shown lines broken into rows of the list's width. */
    private final ObservableList<RowWrapper.Row> rows = FXCollections.observableArrayList();
    private final RowList list = new RowList(rows, this::columnsChanged);
    private Predicate<OutputLine> shownLines = line -> true;
    private final Label hiddenLabel = new Label();
    private final WorkerFilter workerFilter = new WorkerFilter(this::refilter);
    private final ErrorFolding folding = new ErrorFolding();
    private final HBox header = new HBox(8);
    private final ChartsAndLanes charts = new ChartsAndLanes(this);
    /** The field shown while the cell waits for a line of input, else null. */
    private Node inputField;
    private boolean restoring;
    private final DoubleProperty fontSize;
    private Consumer<List<Diagnostic>> diagnosticsSink = d -> { };
    private Consumer<CellLine> goTo = place -> { };
    private final LineBuilder builder = new LineBuilder(MAX_LINES, workerFilter::colourOf);
    private long hiddenLines;
    /** Lines the cell printed that were never kept (the kernel or the document left them out). */
    private long notKeptLines;
    /** Lines arrived while the pane was out of sight and are not drawn yet ({@link #catchUp()}). */
    private boolean behind;

    public OutputPane(DoubleProperty fontSize) {
        this.fontSize = fontSize;
        getStyleClass().add("output-pane");
        list.getStyleClass().add("output-lines");
        list.setFocusTraversable(false);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new OutputRowCell(list, this::toggleError, place -> goTo.accept(place)));
        OutputClipboard.install(list, this::shownLines);

        hiddenLabel.getStyleClass().add("output-hidden-note");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header.getStyleClass().add("output-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().addAll(hiddenLabel, spacer, workerFilter.menu());

        getChildren().addAll(header, list, charts.displays());
        fontSize.addListener((o, was, now) -> resize());
        updateChrome();
    }

    /** Shows a field for a line of input below the output (the cell reads System.in); null takes it away. */
    public void showInput(Node field) {
        getChildren().remove(inputField);
        inputField = field;
        if (field != null) {
            getChildren().add(field);
        }
        updateChrome();
    }

    /** Where a click on a frame that names a cell's line ({@code at half (In [3], line 4)}) goes. */
    public void setGoTo(Consumer<CellLine> goTo) {
        this.goTo = goTo;
    }

    /** Where compile errors go to be underlined in the editor. */
    public void setDiagnosticsSink(Consumer<List<Diagnostic>> sink) {
        this.diagnosticsSink = sink;
    }

    public void clear() {
        lines.clear();
        charts.clear();
        folding.clear();
        workerFilter.clear();
        hiddenLines = 0;
        notKeptLines = 0;
        builder.reset();
        rewrap();
        diagnosticsSink.accept(List.of());
        updateChrome();
    }

    /** Shows a cell's saved outputs (on open): worker lanes as a finished timeline. */
    public void restore(List<Output> saved) {
        charts.restore(saved);
        restoring = true;
        try {
            append(saved);
        } finally {
            restoring = false;
        }
    }

    /**
     * Shows the saved outputs of a cell read from a notebook made elsewhere that kept images (see
     * {@link lessonbook.format.ipynb.RichOutputs}): its text as {@link #restore} does, without the text stand-ins
     * Jupyter keeps beside each image, and the images under it, where charts and tables go.
     */
    public void restoreWithImages(List<RichOutputs.Part> parts) {
        List<Output> text = new ArrayList<>();
        List<RichOutputs.Image> images = new ArrayList<>();
        for (RichOutputs.Part part : parts) {
            if (part instanceof RichOutputs.Text shown) {
                text.addAll(shown.outputs());
            } else if (part instanceof RichOutputs.Image image) {
                images.add(image);
            }
        }
        restore(text);
        charts.addDisplays(SavedImages.nodesFor(images));
        updateChrome();
    }

    /** Stops the live worker timeline (the kernel restarted or died: no more exits will come). */
    public void freezeWorkers() {
        charts.freezeWorkers();
    }

    /** A running worker's live CPU time or wait state (transient: shown in its lane, never a row of output). */
    public void showWorkerActivity(KernelEvent.WorkerActivity activity) {
        charts.showWorkerActivity(activity);
    }

    /**
     * Adds outputs in arrival order; call on the FX thread with a whole batch at once. The work is bounded by
     * the cap, not the batch: at most {@link #MAX_LINES} rows are built and written to the list, in one
     * change; older lines are only counted.
     */
    public void append(List<Output> outputs) {
        LineBuilder.Batch batch = builder.build(outputs);
        hiddenLines += batch.hidden();
        for (Output output : outputs) {
            if (output instanceof Output.Omitted omitted) {
                notKeptLines += omitted.lines();
            }
        }
        List<OutputLine> rows = batch.rows();
        if (batch.continuesLastRow() && !lines.isEmpty()
                && lines.get(lines.size() - 1).styleClass().equals(rows.get(0).styleClass())) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1).append(rows.get(0).text()));
            rows = rows.subList(1, rows.size());
        }
        int excess = lines.size() + rows.size() - MAX_LINES;
        if (excess <= 0) {
            if (!rows.isEmpty()) {
                lines.addAll(rows);
            }
        } else {
            // One replacement instead of a removal and an insertion: one change for the list and its view.
            hiddenLines += excess;
            List<OutputLine> next = new ArrayList<>(MAX_LINES);
            next.addAll(lines.subList(Math.min(excess, lines.size()), lines.size()));
            next.addAll(rows.subList(Math.max(0, excess - lines.size()), rows.size()));
            lines.setAll(next);
        }
        List<Output> workerOutputs = new ArrayList<>();
        for (Output extra : batch.extras()) {
            if (extra instanceof Output.WorkerLine || extra instanceof Output.WorkerEvent) {
                workerOutputs.add(extra);
            } else {
                showExtra(extra);
            }
        }
        boolean inSight = restoring || inSight();
        if (!restoring) {
            charts.feedLanes(workerOutputs, inSight);
        }
        if (!inSight) {
            // Drawn out of sight, the batch would change nothing visible yet repaint the whole window (OnScreen);
            // the lines are kept and drawn when the pane scrolls into view.
            behind = true;
            return;
        }
        behind = false;
        rewrap();
        updateChrome();
        scrollToEnd();
    }

    /**
     * Draws the lines that arrived while the pane was out of sight: call when it comes into view (the notebook
     * knows that from its scroll position, before the scroll has been laid out).
     */
    public void catchUp() {
        charts.attachLanes();
        if (behind) {
            behind = false;
            rewrap();
            updateChrome();
            scrollToEnd();
        }
    }

    /** The pane, or while it has nothing to show yet the cell body it will appear in, is on screen. */
    private boolean inSight() {
        javafx.scene.Node where = isVisible() || getParent() == null ? this : getParent();
        return getScene() == null || OnScreen.shows(where);
    }

    /** Shows the last row, whole, once the list has its new row count and height (see {@link RowList}). */
    private void scrollToEnd() {
        if (rows.size() > MAX_VISIBLE_ROWS) {
            list.showEndOnLayout();
        }
    }

    /**
     * Rebuilds the drawn rows from the lines, in one change: at most {@link #MAX_LINES} lines, each broken
     * only when longer than a row, so the work per batch stays bounded by the cap. The list view redraws
     * only its visible cells for a replacement.
     */
    private void rewrap() {
        List<RowWrapper.Row> next = RowWrapper.rows(lines, shownLines, line -> folding.drawnText(line, lines),
                list.columns());
        if (next.isEmpty()) {
            rows.clear();
        } else {
            rows.setAll(next);
        }
    }

    /** The pane's width or font changed: the rows are broken anew. */
    private void columnsChanged() {
        rewrap();
        resize();
        scrollToEnd();
    }

    /** Everything that is not a row of text or a lane: charts and tables, underlined compile errors. */
    private void showExtra(Output output) {
        if (output instanceof Output.CompileError c) {
            diagnosticsSink.accept(c.diagnostics());
        } else {
            charts.show(output);
        }
    }

    private void refilter() {
        shownLines = line -> workerFilter.shows(line) && !folding.hides(line);
        rewrap();
        resize();
    }

    private void toggleError(int errorId) {
        folding.toggle(errorId);
        refilter();
    }

    private void updateChrome() {
        boolean any = !lines.isEmpty() || hiddenLines > 0 || !charts.isEmpty() || inputField != null;
        list.setVisible(!lines.isEmpty());
        list.setManaged(!lines.isEmpty());
        setVisible(any);
        setManaged(any);
        hiddenLabel.setText(hiddenLines == 0 ? "" : notKeptLines == 0
                ? String.format("%,d earlier lines hidden", hiddenLines)
                : String.format("%,d earlier lines hidden, %,d not kept", hiddenLines, notKeptLines));
        boolean workers = workerFilter.worthShowing();
        workerFilter.sync();
        workerFilter.menu().setVisible(workers);
        workerFilter.menu().setManaged(workers);
        boolean showHeader = hiddenLines > 0 || workers;
        header.setVisible(showHeader);
        header.setManaged(showHeader);
        resize();
    }

    private void resize() {
        double row = Math.ceil(fontSize.get() * 1.5);
        list.setFixedCellSize(row);
        int visible = Math.max(1, Math.min(rows.size(), MAX_VISIBLE_ROWS));
        double height = visible * row + 6;
        list.setPrefHeight(height);
        list.setMinHeight(height);
        list.setMaxHeight(height);
    }

    // ----- what tests and the app read -----

    /** The lines currently shown (after the worker filter and collapsed stack frames), as text. */
    public String visibleText() {
        return shownLines().stream().map(OutputLine::text).collect(Collectors.joining("\n"));
    }

    /** The rows as drawn, one string each: a long line is several of them. */
    public List<String> visibleRows() {
        return rows.stream().map(RowWrapper.Row::text).collect(Collectors.toList());
    }

    /** How many rows the pane is tall (at most {@link #MAX_VISIBLE_ROWS}; more scroll). */
    public int rowsTall() {
        return Math.max(1, Math.min(rows.size(), MAX_VISIBLE_ROWS));
    }

    private List<OutputLine> shownLines() {
        return lines.stream().filter(shownLines).collect(Collectors.toList());
    }

    public List<OutputLine> lines() {
        return List.copyOf(lines);
    }

    public long hiddenLineCount() {
        return hiddenLines;
    }

    /** The lines the rows are made from, as the list sees them change (for tests of the work per batch). */
    ObservableList<OutputLine> linesForView() {
        return lines;
    }

    /** The rows the list view draws (a long line is several), as the view sees them change. */
    ObservableList<RowWrapper.Row> viewRows() {
        return rows;
    }

    public WorkerLanesView lanes() {
        return charts.lanes();
    }

    public List<javafx.scene.Node> displays() {
        return charts.displayNodes();
    }

    public List<String> workers() {
        return workerFilter.workers();
    }

    public void showOnlyWorker(String worker) {
        workerFilter.showOnly(worker);
    }
}
