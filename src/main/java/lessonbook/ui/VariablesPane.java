package lessonbook.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.CellLine;

/**
 * View ▸ Variables: what the notebook's variables hold now, as jshell's {@code /vars} lists them, renewed each
 * time the kernel is idle again (after a cell, after Run All). Values are previews the kernel reads without
 * running the notebook's code (see {@code kernel/jvm/ValuePreview}): an object of a cell's own class shows as
 * "a Counter", not its {@code toString}. A double-click on a row goes to the line that declared it.
 *
 * <p>On the FX thread. It asks the kernel only while shown, one question at a time: an answer still on its way
 * when the kernel is idle again is followed by one more question, not by a queue of them.
 */
final class VariablesPane extends SideColumn {
    private final Supplier<CompletableFuture<KernelEvent.VariablesResult>> ask;
    private final TableView<KernelEvent.Variable> table = new TableView<>();
    private final Label count = new Label();
    private boolean asking;
    private boolean askAgain;

    VariablesPane(Supplier<CompletableFuture<KernelEvent.VariablesResult>> ask, Consumer<CellLine> goTo) {
        this.ask = ask;
        getStyleClass().add("variables-pane");
        Label title = new Label("Variables");
        title.getStyleClass().add("variables-title");
        count.getStyleClass().add("variables-count");
        table.getStyleClass().add("variables-table");
        table.setPlaceholder(new Label("No variables yet: run a cell that declares one."));
        table.getColumns().setAll(List.of(column("Name", KernelEvent.Variable::name, 0.26),
                column("Type", KernelEvent.Variable::type, 0.26), column("Value", KernelEvent.Variable::value, 0.48)));
        // a double-click takes the teacher to the line that declared the variable, as a click on a trace's frame does
        table.setRowFactory(t -> {
            TableRow<KernelEvent.Variable> row = new TableRow<>();
            row.itemProperty().addListener((o, was, now) -> row.setTooltip(now == null || now.declaredIn() == null
                    ? null : new Tooltip("Declared in " + now.declaredIn() + ": double-click to go there")));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && row.getItem().declaredIn() != null) {
                    CellLine.named("(" + row.getItem().declaredIn() + ")").ifPresent(goTo);
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table, count);
    }

    private TableColumn<KernelEvent.Variable, String> column(String name,
            java.util.function.Function<KernelEvent.Variable, String> part, double share) {
        TableColumn<KernelEvent.Variable, String> column = new TableColumn<>(name);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(part.apply(row.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.length() < 24 ? null : new Tooltip(text));
            }
        });
        // each column its share of the table, less room for the vertical scroll bar
        column.prefWidthProperty().bind(table.widthProperty().subtract(20).multiply(share));
        column.setSortable(false);
        return column;
    }

    /** The rows as shown, for tests. */
    List<KernelEvent.Variable> rows() {
        return List.copyOf(table.getItems());
    }

    /** The kernel is idle again: its variables may have changed. */
    void kernelIdle() {
        if (isVisible()) {
            refresh();
        }
    }

    /** The kernel restarted or died: its variables are gone. */
    void kernelGone() {
        table.getItems().clear();
        count.setText("");
    }

    @Override
    void refresh() {
        if (asking) {
            askAgain = true;
            return;
        }
        asking = true;
        ask.get().whenComplete((result, failure) -> Platform.runLater(() -> {
            asking = false;
            if (result != null) {
                show(result);
            }
            if (askAgain) {
                askAgain = false;
                refresh();
            }
        }));
    }

    private void show(KernelEvent.VariablesResult result) {
        if (!table.getItems().equals(result.variables())) {
            table.getItems().setAll(result.variables());
        }
        int shown = result.variables().size();
        count.setText(result.total() > shown ? "The newest " + shown + " of " + result.total() + " variables"
                : shown == 1 ? "1 variable" : shown + " variables");
    }
}
