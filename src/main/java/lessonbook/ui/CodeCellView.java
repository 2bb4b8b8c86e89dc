package lessonbook.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import lessonbook.format.ipynb.RichOutputs;
import lessonbook.model.Cell;
import lessonbook.model.CellRuntime;
import lessonbook.model.CellLine;
import lessonbook.model.CodeCell;
import lessonbook.model.Output;
import lessonbook.ui.richoutput.OnScreen;
import lessonbook.ui.richoutput.TickingLabel;
import lessonbook.ui.output.OutputPane;
import lessonbook.ui.editor.EditorSizing;

/**
 * A Java cell: {@code In [n]} prompt, editor, run status with timing, and the output pane. The full editor
 * is created when the cell first comes near the viewport (or is edited); until then a light text preview
 * of the same size stands in, so a 200-cell lesson opens without building 200 editors.
 */
final class CodeCellView extends CellView {
    private final KernelAssist completion;
    private final Consumer<String> onEdit;
    /**
     * The preview: a text in a box, not a Label. A lesson opens with every code cell's preview in the scene (the
     * editors come later), and a Label's skin and its many CSS properties cost several times a plain text's.
     */
    private final javafx.scene.text.Text previewText = new javafx.scene.text.Text();
    private final javafx.scene.layout.StackPane preview = new javafx.scene.layout.StackPane(previewText);
    private final boolean editable;
    private JavaCellEditor editor;
    private final Label counter = new Label("In [ ]:");
    /** Ticks twice a second while running: a slot of its own, so a tick lays out and repaints only it. */
    private final TickingLabel statusSlot = new TickingLabel();
    private final Label status = statusSlot.label();
    private final HBox statusRow = new HBox(statusSlot);
    private final DoubleProperty fontSize;
    private OutputPane outputs;
    private final OutputArea outputArea = new OutputArea();
    private final UndrawnOutputs undrawn = new UndrawnOutputs(outputArea);
    private CellRuntime runtime = CellRuntime.IDLE;
    /**
     * An exercise's or a check cell's header (what it is and, for an exercise, the Check button) and what stands
     * in for its code while the teacher hides solutions and checks. Made only for such cells: most cells of a
     * lesson are plain, and a lesson opens without building a button for each.
     */
    private Consumer<CellLine> goTo = place -> { };
    /** The editor's node took the preview's place (not yet while a line too long to draw holds it back). */
    private boolean editorInPlace;
    private final CodeStandIn standIn = new CodeStandIn(body, () -> editorInPlace ? editor.node() : preview);

    CodeCellView(CodeCell cell, DoubleProperty fontSize, KernelAssist completion, Consumer<String> onEdit,
                 boolean editable) {
        super(cell.id());
        this.editable = editable;
        this.fontSize = fontSize;
        getStyleClass().add("code-cell");
        counter.getStyleClass().add("cell-counter");
        prompt.getChildren().add(counter);
        status.getStyleClass().add("cell-status");
        HBox.setHgrow(statusSlot, javafx.scene.layout.Priority.ALWAYS);
        statusSlot.setMaxWidth(Double.MAX_VALUE);
        statusRow.getStyleClass().add("cell-status-row");
        this.completion = completion;
        this.onEdit = onEdit;
        previewText.getStyleClass().add("code-preview");
        preview.getStyleClass().add("code-preview-box");
        javafx.scene.layout.StackPane.setAlignment(previewText, javafx.geometry.Pos.TOP_LEFT);
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.setMinWidth(0);
        // a line longer than the cell is cut at its edge, as the editor shows it (scrolled), not drawn past it
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(preview.widthProperty());
        clip.heightProperty().bind(preview.heightProperty());
        preview.setClip(clip);
        preview.setOnMousePressed(e -> {
            materialize();
            editor.focusEditor();
        });
        body.getChildren().addAll(preview, statusRow, outputArea);
        show(cell);
        undrawn.hold(cell.outputs(), fontSize.get());
        showRuntime(CellRuntime.IDLE);
    }

    /** Where a click on a trace's frame that names a cell's line goes (the notebook finds the cell). */
    void setGoTo(Consumer<CellLine> goTo) {
        this.goTo = goTo;
    }

    /** The line a clicked trace named: in the editor, the caret on it and the line marked until the next edit. */
    void showTraceLine(int line) {
        materialize();
        editor.focusEditor();
        editor.component().showTraceLine(line);
    }

    /** A Find in Lesson hit: the text selected in the editor, the keyboard left where it is. */
    void showFound(int start, int end) {
        materialize();
        editor.component().showFound(start, end);
    }

    /** Where the saved outputs with their images come from ({@link RichOutputs#of}), drawn instead of the text. */
    void showSavedImages(Supplier<Optional<List<RichOutputs.Part>>> parts) {
        undrawn.withImagesFrom(parts);
    }

    /** What the Check button does (the window runs the exercise and its checks). */
    void setOnCheck(Runnable action) {
        standIn.setOnCheck(action);
    }

    /**
     * Hides (or shows again) the teacher's solution and checks: an exercise shows the students' copy of its
     * code, a check cell only its results. The code itself is untouched and still runs as it is.
     */
    void setSolutionHidden(boolean hidden) {
        standIn.setSolutionHidden(hidden);
    }

    boolean solutionShown() {
        return standIn.codeShown();
    }

    /** The Check button; null for a cell that is no exercise and never was one. */
    Button checkButton() {
        return standIn.checkButton();
    }

    String hiddenCodeText() {
        return standIn.standInText();
    }

    @Override
    void show(Cell cell) {
        CodeCell code = (CodeCell) cell;
        outputArea.setHidden(code.outputHidden());
        standIn.show(code.source(), code.role(), code.sourceHidden());
        if (editor != null) {
            editor.setText(code.source());
        } else {
            previewText.setText(numbered(code.source()));
        }
        counter.setText(runtime.state() == lessonbook.model.CellState.RUNNING
                || runtime.state() == lessonbook.model.CellState.QUEUED ? "In [*]:"
                : "In [" + (code.executionCount() == null ? " " : code.executionCount()) + "]:");
    }

    void appendOutputs(List<Output> added) {
        outputs().append(added);
    }

    void clearOutputs() {
        undrawn.drop();
        if (outputs != null) {
            outputs.clear();
        }
        if (editor != null) {
            editor.showDiagnostics(List.of());
        }
    }

    /** Swaps the preview for the real editor (idempotent). */
    void materialize() {
        if (editor != null) {
            return;
        }
        editor = new JavaCellEditor(sourceText, completion, editable);
        editor.setOnTextChanged(onEdit);
        editor.component().getCodeArea().focusedProperty().addListener((o, was, now) -> editorFocus.accept(now));
        // out of the scene until asked for: JavaFX lays out hidden nodes too, and a line too long to draw is the point
        standIn.whenCodeMayBeDrawn(this::putEditorInPlace);
    }

    private void putEditorInPlace() {
        if (!editorInPlace) {
            editorInPlace = true;
            body.getChildren().set(body.getChildren().indexOf(preview), editor.node());
            standIn.refresh();
        }
    }

    boolean isMaterialized() {
        return editor != null;
    }

    private String sourceText = "";

    private String numbered(String source) {
        sourceText = source;
        return numberedLines(source);
    }

    /**
     * The preview's text: numbered lines, as many as the editor will show at first (all of them up to
     * {@link EditorSizing#MOST_LINES_GROWN}, else a box of {@link EditorSizing#LINES_IN_A_BOX}), each cut at
     * {@link #PREVIEW_LINE_CHARS} characters, as the cell's width clips it anyway. A 5 MB cell's whole text in one
     * Text node was laid out before the editor was made.
     */
    static String numberedLines(String source) {
        String[] lines = source.split("\n", -1);
        int shown = lines.length > EditorSizing.MOST_LINES_GROWN ? EditorSizing.LINES_IN_A_BOX : lines.length;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            // padded by hand: String.format's parsing was 3 % of the FX thread's work before the first frame
            String number = Integer.toString(i + 1);
            String line = lines[i].length() > PREVIEW_LINE_CHARS ? lines[i].substring(0, PREVIEW_LINE_CHARS) : lines[i];
            text.append(number).append("    ", 0, Math.max(0, 4 - number.length()))
                    .append(line).append(i + 1 < shown ? "\n" : "");
        }
        return text.toString();
    }

    static final int PREVIEW_LINE_CHARS = 1_000;

    /**
     * Created on first output (most cells of a 200-cell lesson never need the list), with any saved outputs not
     * yet drawn.
     */
    OutputPane outputs() {
        if (outputs == null) {
            outputs = new OutputPane(fontSize);
            outputs.setDiagnosticsSink(d -> editor().showDiagnostics(d));
            outputs.setGoTo(place -> goTo.accept(place));
            outputArea.getChildren().add(outputs);
        }
        undrawn.drawInto(outputs);
        return outputs;
    }

    /**
     * Jupyter's O on a notebook that cannot change (another language's): hides the output, or shows it again, on
     * the screen only. Elsewhere the document keeps it, and {@link #show} shows it.
     */
    void toggleOutputHidden() {
        outputArea.toggle();
    }

    /** Hides the code, or shows it again, on the screen only: for a notebook that cannot change (see O's). */
    void toggleCodeHidden() {
        standIn.toggleFold();
    }

    /** What a click on the "Code hidden" line, or editing the cell, does (the window shows it through the document). */
    void setOnRevealCode(Runnable action) {
        standIn.setOnUnfold(action);
    }

    /** What a click on the "Output hidden" line does (the window shows the output through the document). */
    void setOnRevealOutput(Runnable action) {
        outputArea.setOnReveal(action);
    }

    boolean outputHidden() {
        return outputArea.isHidden();
    }

    boolean hasOutputPane() {
        return outputs != null || !undrawn.isEmpty();
    }

    /** True while saved outputs wait to be drawn ({@link #outputs()} draws them). */
    boolean hasUnrestoredOutputs() {
        return !undrawn.isEmpty();
    }

    @Override
    boolean hasUndrawnContent() {
        return hasUnrestoredOutputs();
    }

    @Override
    double undrawnHeight() {
        return undrawn.height();
    }

    @Override
    void drawContent() {
        if (hasUnrestoredOutputs()) {
            outputs();
        }
    }

    void showRuntime(CellRuntime next) {
        runtime = next;
        status.getStyleClass().removeAll("queued", "running", "done", "error", "interrupted");
        switch (next.state()) {
            case QUEUED -> {
                status.setText("\u25CB queued");
                status.getStyleClass().add("queued");
                counter.setText("In [*]:");
            }
            case RUNNING -> {
                status.getStyleClass().add("running");
                counter.setText("In [*]:");
                showElapsed(Instant.now());
            }
            case DONE -> {
                status.setText("\u2713 " + format(next.wallTime()));
                status.getStyleClass().add("done");
            }
            case ERROR -> {
                status.setText("\u2717 failed" + (next.wallTime() == null ? "" : " after " + format(next.wallTime())));
                status.getStyleClass().add("error");
            }
            case INTERRUPTED -> {
                status.setText("\u25A0 interrupted" + (next.wallTime() == null ? "" : " after " + format(next.wallTime())));
                status.getStyleClass().add("interrupted");
            }
            default -> status.setText("");
        }
        boolean visible = !status.getText().isEmpty();
        statusRow.setVisible(visible);
        statusRow.setManaged(visible);
    }

    CellRuntime runtime() {
        return runtime;
    }

    /**
     * Advances the live elapsed time of a running cell, when it can be seen: a change out of view costs a
     * repaint of the whole window (see {@link OnScreen}). Scrolled into view, the next tick brings it up to date.
     */
    void tick(Instant now) {
        if (runtime.state() == lessonbook.model.CellState.RUNNING && runtime.startedAt() != null
                && OnScreen.shows(statusSlot)) {
            showElapsed(now);
            if (outputs != null && undrawn.isEmpty()) {
                outputs.catchUp(); // in case it came into view without a scroll (a cell above it shrank)
            }
        }
    }

    private void showElapsed(Instant now) {
        Instant since = runtime.startedAt() == null ? now : runtime.startedAt();
        status.setText("\u25CF running " + format(Duration.between(since, now)));
    }

    String statusText() {
        return status.getText();
    }

    String counterText() {
        return counter.getText();
    }

    static String format(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }

    @Override
    CellEditor editor() {
        materialize();
        return editor;
    }

    @Override
    boolean isEditing() {
        return editor != null && editor.isEditing();
    }

    lessonbook.ui.editor.JavaCodeEditor codeEditor() {
        materialize();
        return editor.component();
    }

    @Override
    void startEditing() {
        if (standIn.isFolded()) {
            standIn.unfold();   // Enter on a folded cell unfolds it: what is typed must be seen
        }
        materialize();
        editor.focusEditor();
    }

    @Override
    void stopEditing() {
        // A code cell looks the same in both modes; the notebook takes the focus back.
    }

    @Override
    boolean editable() {
        return editable;
    }
}
