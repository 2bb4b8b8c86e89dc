package lessonbook.ui;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.application.Platform;

import lessonbook.model.NotebookDocument;

/**
 * A lesson opens where it was left: the cell selected last in it, kept with the recent files ({@link RecentFiles}),
 * so the next class starts where the last one stopped. The lesson shows its top at once, then moves there when the
 * place is known, unless someone moved the selection meanwhile; a lesson whose number of cells changed since opens at
 * the top. On the FX thread.
 */
final class LessonPlace {
    private final NotebookDocument document;
    private final NotebookView view;
    private final RecentFiles recent;
    private final Consumer<String> tell;
    /** False from a lesson's opening until its last place is known: the selection then is not the teacher's. */
    private boolean settled = true;

    LessonPlace(NotebookDocument document, NotebookView view, RecentFiles recent, Consumer<String> tell) {
        this.document = document;
        this.view = view;
        this.recent = recent;
        this.tell = tell;
    }

    /**
     * A lesson is about to replace the one shown: the selection the change makes (the top) is not a place the
     * teacher chose, and must not overwrite the place the next lesson opens at.
     */
    void opening() {
        settled = false;
    }

    /** A lesson was just opened (or its recovered version restored). */
    void opened() {
        settled = false;
        view.selectIndex(0);
        Path file = document.file();
        int cells = document.cells().size();
        recent.placeOf(file, cells).thenAccept(place -> Platform.runLater(() -> {
            settled = true;
            boolean untouched = file.equals(document.file()) && view.selectedIndex() == 0 && !view.isEditing();
            if (untouched && place.isPresent() && place.get().index() > 0) {
                view.selectIndex(place.get().index());
                tell.accept("Back at cell " + (place.get().index() + 1) + " of " + cells
                        + ", where this lesson was left (K or the Outline goes up)");
            }
        }));
    }

    /** The selection moved: that is the lesson's place now. */
    void selectionMoved() {
        if (settled && document.file() != null && view.selectedIndex() >= 0) {
            recent.rememberPlace(document.file(), view.selectedIndex(), document.cells().size());
        }
    }
}
