package lessonbook.ui.output;

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

    boolean isErrorFrame() {
        return errorId >= 0 && !errorHeader;
    }
}
