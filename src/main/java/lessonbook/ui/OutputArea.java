package lessonbook.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Where a code cell's output goes (its pane, or the space its saved outputs will take until drawn), and Jupyter's
 * O: hidden, the output gives way to one line saying so, until O or a click shows it again. The output itself is
 * kept and still arrives meanwhile; the lesson file keeps every output, and that it is hidden (the cell's metadata:
 * the document decides, this shows). Takes no room in the cell while it holds nothing. On the FX thread.
 */
final class OutputArea extends VBox {
    private Label note;
    private boolean hidden;
    private Runnable onReveal = this::toggle;

    OutputArea() {
        getStyleClass().add("output-area");
        getChildren().addListener((ListChangeListener<javafx.scene.Node>) c -> showState());
        showState();
    }

    void toggle() {
        setHidden(!hidden);
    }

    void setHidden(boolean hide) {
        if (hidden != hide) {
            hidden = hide;
            showState();
        }
    }

    /** What a click on the "Output hidden" line does: by default shows the output here; the window asks the document. */
    void setOnReveal(Runnable action) {
        onReveal = action;
    }

    boolean isHidden() {
        return hidden;
    }

    /**
     * The line standing in for the output, made the first time one is hidden (a lesson opens without a Label per
     * cell) and put beside the area in the cell's body, so that hiding the area leaves it shown.
     */
    private void makeNote() {
        if (note == null && getParent() instanceof javafx.scene.layout.Pane body) {
            note = new Label("Output hidden: O or a click shows it");
            note.getStyleClass().add("output-hidden-by-user");
            note.setOnMouseClicked(e -> onReveal.run());
            body.getChildren().add(body.getChildren().indexOf(this), note);
        }
    }

    private void showState() {
        if (hidden) {
            makeNote();
        }
        boolean holds = !getChildren().isEmpty();
        setVisible(holds && !hidden);
        setManaged(holds && !hidden);
        if (note != null) {
            note.setVisible(holds && hidden);
            note.setManaged(holds && hidden);
        }
    }
}
