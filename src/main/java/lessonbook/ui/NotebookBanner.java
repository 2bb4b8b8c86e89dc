package lessonbook.ui;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;

import lessonbook.model.Notebook;
import lessonbook.model.NotebookDocument;

/** Says above the cells why a notebook is read-only, and what its reader noticed; hidden when there is nothing. */
final class NotebookBanner extends Label {
    private static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("read-only");

    NotebookBanner() {
        getStyleClass().add("notebook-banner");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
    }

    void update(NotebookDocument document) {
        Notebook notebook = document.notebook();
        StringBuilder text = new StringBuilder();
        // the reason is a sentence of its own (the HTML export shows it alone)
        notebook.readOnlyReason().ifPresent(r -> text.append("Read-only: ").append(r));
        for (String note : notebook.notes()) {
            text.append(text.length() == 0 ? "" : "\n").append(note);
        }
        setText(text.toString());
        pseudoClassStateChanged(READ_ONLY, document.isReadOnly());
        setVisible(text.length() > 0);
        setManaged(text.length() > 0);
    }
}
