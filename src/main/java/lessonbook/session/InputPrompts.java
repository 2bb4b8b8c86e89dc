package lessonbook.session;

/**
 * Where a running cell's requests for a line of {@code System.in} go: the window shows a field in the cell's
 * output, the headless {@code run} reads a line of its own stdin. Called on the document thread, in order with
 * the cell's output (the prompt the cell printed is there first).
 */
public interface InputPrompts {
    /** Answers every request with end of input: for a session whose client cannot ask anyone. */
    InputPrompts END_OF_INPUT = new InputPrompts() {
        @Override
        public void ask(NotebookSession session, String cellId, long inputId) {
            session.answerInput(inputId, null);
        }
    };

    /**
     * The running cell {@code cellId} waits for one line: answer, now or later and from any thread, with
     * {@link NotebookSession#answerInput} (null for end of input).
     */
    void ask(NotebookSession session, String cellId, long inputId);

    /** The request lapsed before it was answered: its cell ended, was interrupted, or the kernel restarted. */
    default void lapse(String cellId) {
    }
}
