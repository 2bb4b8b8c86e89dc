package lessonbook.ui;

import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lessonbook.model.Cell;

/**
 * One cell in the notebook list: a selection bar, a prompt column and the cell's body. Subclasses show
 * code or prose; the notebook view drives selection and edit mode.
 */
abstract class CellView extends HBox {
    protected final String cellId;
    protected final VBox prompt = new VBox();
    protected final VBox body = new VBox();
    private final Region bar = new Region();

    /** Told when the cell's editor gains (true) or loses the keyboard; editors may be created late. */
    protected java.util.function.Consumer<Boolean> editorFocus = focused -> { };

    void onEditorFocus(java.util.function.Consumer<Boolean> listener) {
        this.editorFocus = listener;
    }

    /** True while the keyboard is in this cell's editor (Jupyter's edit mode). */
    abstract boolean isEditing();

    CellView(String cellId) {
        this.cellId = cellId;
        getStyleClass().add("cell");
        bar.getStyleClass().add("cell-bar");
        prompt.getStyleClass().add("cell-prompt");
        prompt.setAlignment(Pos.TOP_RIGHT);
        body.getStyleClass().add("cell-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMinWidth(0);
        getChildren().addAll(bar, prompt, body);
    }

    String cellId() {
        return cellId;
    }

    /** Whether its text can be changed here (a locked cell's cannot); fixed for the view's life. */
    abstract boolean editable();

    void setSelected(boolean selected) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
    }

    void setEditMode(boolean editing) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("editing"), editing);
    }

    /**
     * True while part of the cell (saved outputs, rendered prose) is not drawn yet: a lesson opens drawing only
     * what is near the screen, and the notebook view draws the rest as it comes near ({@link #drawContent()}).
     */
    boolean hasUndrawnContent() {
        return false;
    }

    /** The estimated height of the space that stands in for what is undrawn; 0 when all is drawn. */
    double undrawnHeight() {
        return 0;
    }

    /** Draws what was left undrawn (idempotent). */
    void drawContent() {
    }

    /** Shows the cell's current content (called when the document changed it). */
    abstract void show(Cell cell);

    abstract CellEditor editor();

    /** Puts the keyboard in the editor (Jupyter's Enter). */
    abstract void startEditing();

    /** Leaves the editor (Escape or after a run); a Markdown cell renders itself. */
    abstract void stopEditing();
}
