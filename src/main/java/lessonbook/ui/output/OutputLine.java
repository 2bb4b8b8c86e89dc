package lessonbook.ui.output;

import java.util.Optional;

import lessonbook.model.CellLine;

/**
 * One line of an output pane as drawn. {@code worker} is "name pid" for a worker's line, else null;
 * {@code errorId} ties an exception's header and frames together so the frames can be collapsed.
 */
public record OutputLine(String text, String styleClass, String worker, int errorId, boolean errorHeader) {
    static OutputLine plain(String text, String styleClass) {
        return new OutputLine(text, styleClass, null, -1, false);
    }

    OutputLine append(String more) {
        return new OutputLine(text + more, styleClass, worker, errorId, errorHeader);
    }

    /** The notebook place this line's frame names, when a click on it goes there ({@link LineBuilder#LINK}). */
    Optional<CellLine> place() {
        return styleClass.contains(LineBuilder.LINK) ? CellLine.named(text) : Optional.empty();
    }

    boolean isErrorFrame() {
        return errorId >= 0 && !errorHeader;
    }
}
