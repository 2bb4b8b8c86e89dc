package lessonbook.ui;

import javafx.application.Platform;
import javafx.scene.Node;

import lessonbook.model.DocumentChange;
import lessonbook.model.NotebookDocument;

/**
 * Renews what a view lists from the lesson's text (the find bar's hits, the outline's headings) once per pulse
 * after the text changed (cells added, removed, moved or edited), and only while the view is shown: a Run All's
 * counts and a student's typing change the text many times a pulse. On the FX thread.
 */
final class TextChangeRenewal {
    private final Node shown;
    private final Runnable renew;
    private boolean pending;

    private TextChangeRenewal(Node shown, Runnable renew) {
        this.shown = shown;
        this.renew = renew;
    }

    static void install(NotebookDocument document, Node shown, Runnable renew) {
        document.addListener(new TextChangeRenewal(shown, renew)::onChange);
    }

    private void onChange(DocumentChange change) {
        boolean text = change instanceof DocumentChange.Structure || change instanceof DocumentChange.CellUpdated;
        if (text && shown.isVisible() && !pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                renew.run();
            });
        }
    }
}
