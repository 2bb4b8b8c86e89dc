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
import lessonbook.ui.output.OutputPane;

/** A Java cell: {@code In [n]} prompt, editor, run status with timing, and the output pane. */
final class CodeCellView extends CellView {
    private final JavaCellEditor editor;
    private final Label counter = new Label("In [ ]:");
    private final Label status = new Label();
    private final HBox statusRow = new HBox(status);
    private final DoubleProperty fontSize;
    private OutputPane outputs;
    private CellRuntime runtime = CellRuntime.IDLE;

    CodeCellView(CodeCell cell, DoubleProperty fontSize, CompletionSource completion, Consumer<String> onEdit) {
        super(cell.id());
        this.fontSize = fontSize;
        getStyleClass().add("code-cell");
        counter.getStyleClass().add("cell-counter");
        prompt.getChildren().add(counter);
        status.getStyleClass().add("cell-status");
        statusRow.getStyleClass().add("cell-status-row");
        editor = new JavaCellEditor(cell.source(), completion);
        editor.setOnTextChanged(onEdit);
        body.getChildren().addAll(editor.node(), statusRow);
        show(cell);
        if (!cell.outputs().isEmpty()) {
            outputs().restore(cell.outputs());
        }
        showRuntime(CellRuntime.IDLE);
    }

    @Override
    void show(Cell cell) {
        CodeCell code = (CodeCell) cell;
        editor.setText(code.source());
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
        editor.showDiagnostics(List.of());
    }

    /** Created on first output: most cells of a 200-cell lesson never need the list. */
    OutputPane outputs() {
        if (outputs == null) {
            outputs = new OutputPane(fontSize);
            outputs.setDiagnosticsSink(editor::showDiagnostics);
            body.getChildren().add(outputs);
        }
        return outputs;
    }

    boolean hasOutputPane() {
        return outputs != null;
    }

    void showRuntime(CellRuntime next) {
        runtime = next;
        status.getStyleClass().removeAll("queued", "running", "done", "error");
        switch (next.state()) {
            case QUEUED -> {
                status.setText("\u23F3 queued");
                status.getStyleClass().add("queued");
                counter.setText("In [*]:");
            }
            case RUNNING -> {
                status.getStyleClass().add("running");
                counter.setText("In [*]:");
                tick(Instant.now());
            }
            case DONE -> {
                status.setText("\u2713 " + format(next.wallTime()));
                status.getStyleClass().add("done");
            }
            case ERROR -> {
                status.setText("\u2717 failed" + (next.wallTime() == null ? "" : " after " + format(next.wallTime())));
                status.getStyleClass().add("error");
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

    /** Advances the live elapsed time of a running cell. */
    void tick(Instant now) {
        if (runtime.state() == lessonbook.model.CellState.RUNNING && runtime.startedAt() != null) {
            status.setText("\u25CF running " + format(Duration.between(runtime.startedAt(), now)));
        }
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
        return editor;
    }

    lessonbook.ui.editor.JavaCodeEditor codeEditor() {
        return editor.component();
    }

    @Override
    void startEditing() {
        editor.focusEditor();
    }

    @Override
    void stopEditing() {
        // A code cell looks the same in both modes; the notebook takes the focus back.
    }
}
