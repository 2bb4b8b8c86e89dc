package lessonbook.ui;

import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/** The toolbar over the cells: save, cell edits, run and kernel buttons, the cell type and the kernel status. */
final class NotebookToolbar extends ToolBar {
    private final RunCommands run;
    private final CellEditCommands edits;
    private final LessonFileCommands files;
    private final Appearance appearance;
    private final ComboBox<String> cellType;
    private final KernelStatusView kernelStatus;

    NotebookToolbar(RunCommands run, CellEditCommands edits, LessonFileCommands files, Appearance appearance,
                    ComboBox<String> cellType, KernelStatusView kernelStatus) {
        this.run = run;
        this.edits = edits;
        this.files = files;
        this.appearance = appearance;
        this.cellType = cellType;
        this.kernelStatus = kernelStatus;
        build();
    }

    /** True while the box is set to show the selection's kind: only a choice made in it changes cells. */
    private boolean showing;

    /**
     * Shows the selected cells' kind, "Code" or "Markdown", or nothing for a selection of both; unlike a choice
     * in the box, this changes no cell (setting a combo box's value fires its action).
     */
    void showKind(String kind) {
        if (java.util.Objects.equals(kind, cellType.getValue())) {
            return;
        }
        showing = true;
        try {
            cellType.setValue(kind);
        } finally {
            showing = false;
        }
    }

    /** Shows the kind of the selected cells (nothing for a mix); see {@link #showKind}. */
    void showKindOf(java.util.List<lessonbook.model.Cell> selected) {
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (lessonbook.model.Cell cell : selected) {
            kinds.add(cell instanceof lessonbook.model.CodeCell ? "Code" : "Markdown");
        }
        if (!kinds.isEmpty()) {
            showKind(kinds.size() == 1 ? kinds.iterator().next() : null);
        }
    }

    /** The buttons that change, run or save cells: off for a notebook that must not be edited or run. */
    private final java.util.List<javafx.scene.Node> offWhenReadOnly = new java.util.ArrayList<>();

    /**
     * A read-only notebook (another language's) shows its change, run and save buttons off, so a click does not
     * seem to be ignored; the kernel's own buttons stay. Save is off because nothing in it can change: a save would
     * only rewrite someone else's file in Lessonbook's form (cell ids added, nbformat 4.0 made 4.5); File > Save As
     * still writes a copy. FX thread.
     */
    void showReadOnly(boolean readOnly) {
        offWhenReadOnly.forEach(node -> node.setDisable(readOnly));
    }

    private void build() {
        cellType.getItems().setAll("Code", "Markdown");
        cellType.getStyleClass().add("cell-type");
        cellType.setOnAction(e -> {
            if (cellType.getValue() != null && !showing) {
                edits.changeType("Code".equals(cellType.getValue()));
            }
        });
        cellType.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().setAll(
                unlessReadOnly(button(Icons.SAVE, null, "Save (Ctrl+S)", "save", files::save)),
                new Separator(),
                unlessReadOnly(button(Icons.ADD, null, "Insert cell below (B)", "add", () -> edits.insertCell(true))),
                unlessReadOnly(button(Icons.UP, null, "Move cell up", "move-up", () -> edits.moveCell(-1))),
                unlessReadOnly(button(Icons.DOWN, null, "Move cell down", "move-down", () -> edits.moveCell(1))),
                unlessReadOnly(button(Icons.DELETE, null, "Delete cell (D, D)", "delete", edits::deleteCell)),
                new Separator(),
                unlessReadOnly(button(Icons.RUN, "Run", "Run cell and select below (Shift+Enter)", "run",
                        run::runAndAdvance)),
                unlessReadOnly(button(Icons.RUN_ABOVE, null, "Run all above", "run-above", run::runAllAbove)),
                unlessReadOnly(button(Icons.RUN_ALL, "Run All", "Run all cells", "run-all", run::runAll)),
                button(Icons.STOP, null, "Interrupt the kernel (I, I)", "interrupt", run::interrupt),
                button(Icons.RESTART, null, "Restart the kernel (0, 0)", "restart", run::restartKernel),
                unlessReadOnly(button(Icons.RESTART_RUN, null, "Restart the kernel and run all cells",
                        "restart-run-all", run::restartAndRunAll)),
                unlessReadOnly(button(Icons.CLEAR, null, "Clear all outputs", "clear", run::clearOutputs)),
                new Separator(),
                unlessReadOnly(cellType),
                spacer,
                kernelStatus);
    }

    /** {@code node}, to be turned off while a read-only notebook is shown. */
    private <T extends javafx.scene.Node> T unlessReadOnly(T node) {
        offWhenReadOnly.add(node);
        return node;
    }

    private Button button(String icon, String text, String tip, String id, Runnable action) {
        SVGPath glyph = Icons.of(icon);
        glyph.scaleXProperty().bind(appearance.fontSize().divide(Appearance.BASE_FONT));
        glyph.scaleYProperty().bind(glyph.scaleXProperty());
        Button b = new Button(text, new Group(glyph));
        b.setId("tb-" + id);
        b.getStyleClass().add("tool");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

}
