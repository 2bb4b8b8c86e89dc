package lessonbook.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import lessonbook.model.Cell;
import lessonbook.model.CellRuntime;
import lessonbook.model.CodeCell;
import lessonbook.model.Output;
import lessonbook.ui.display.OnScreen;
import lessonbook.ui.display.TickingLabel;
import lessonbook.ui.output.OutputPane;

/**
 * A Java cell: {@code In [n]} prompt, editor, run status with timing, and the output pane. The full editor
 * is created when the cell first comes near the viewport (or is edited); until then a light text preview
 * of the same size stands in, so a 200-cell lesson opens without building 200 editors.
 */
final class CodeCellView extends CellView {
    private final CompletionSource completion;
    private final Consumer<String> onEdit;
    private final Label preview = new Label();
    private final boolean editable;
    private JavaCellEditor editor;
    private final Label counter = new Label("In [ ]:");
    /** Ticks 4 times a second while running: a slot of its own, so a tick lays out and repaints only it. */
    private final TickingLabel statusSlot = new TickingLabel();
    private final Label status = statusSlot.label();
    private final HBox statusRow = new HBox(statusSlot);
    private final DoubleProperty fontSize;
    private OutputPane outputs;
    private CellRuntime runtime = CellRuntime.IDLE;

    CodeCellView(CodeCell cell, DoubleProperty fontSize, CompletionSource completion, Consumer<String> onEdit,
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
        preview.getStyleClass().add("code-preview");
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.setOnMousePressed(e -> {
            materialize();
            editor.focusEditor();
        });
        body.getChildren().addAll(preview, statusRow);
        show(cell);
        if (!cell.outputs().isEmpty()) {
            outputs().restore(cell.outputs());
        }
        showRuntime(CellRuntime.IDLE);
    }

    @Override
    void show(Cell cell) {
        CodeCell code = (CodeCell) cell;
        if (editor != null) {
            editor.setText(code.source());
        } else {
            preview.setText(numbered(code.source()));
        }
        counter.setText(runtime.state() == lessonbook.model.CellState.RUNNING
                || runtime.state() == lessonbook.model.CellState.QUEUED ? "In [*]:"
                : "In [" + (code.executionCount() == null ? " " : code.executionCount()) + "]:");
    }

    void appendOutputs(List<Output> added) {
        outputs().append(added);
    }

    void clearOutputs() {
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
        body.getChildren().set(body.getChildren().indexOf(preview), editor.node());
    }

    boolean isMaterialized() {
        return editor != null;
    }

    private String sourceText = "";

    private String numbered(String source) {
        sourceText = source;
        String[] lines = source.split("\n", -1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(String.format("%-4d", i + 1)).append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
        }
        return text.toString();
    }

    /** Created on first output: most cells of a 200-cell lesson never need the list. */
    OutputPane outputs() {
        if (outputs == null) {
            outputs = new OutputPane(fontSize);
            outputs.setDiagnosticsSink(d -> editor().showDiagnostics(d));
            body.getChildren().add(outputs);
        }
        return outputs;
    }

    boolean hasOutputPane() {
        return outputs != null;
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
            if (outputs != null) {
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
        materialize();
        editor.focusEditor();
    }

    @Override
    void stopEditing() {
        // A code cell looks the same in both modes; the notebook takes the focus back.
    }
}
