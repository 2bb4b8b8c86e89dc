package lessonbook.ui;

import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.session.InputPrompts;
import lessonbook.session.NotebookSession;
import lessonbook.ui.output.InputField;
import lessonbook.ui.output.OutputPane;

/**
 * The window's answer to a cell reading System.in: an {@link InputField} in that cell's output until the line is
 * sent or the request lapses (the cell ended, was interrupted, the kernel restarted). On the FX thread, which is
 * the document thread.
 */
final class CellInputPrompts implements InputPrompts {
    private final NotebookView view;

    CellInputPrompts(NotebookView view) {
        this.view = view;
    }

    @Override
    public void ask(NotebookSession session, String cellId, long inputId) {
        if (!(view.view(cellId) instanceof CodeCellView code)) {
            session.answerInput(inputId, null);
            return;
        }
        OutputPane pane = code.outputs();
        pane.showInput(new InputField(KernelRequest.InputReply.MAX_LINE_CHARS, line -> {
            pane.showInput(null);
            session.answerInput(inputId, line);
        }));
    }

    @Override
    public void lapse(String cellId) {
        if (view.view(cellId) instanceof CodeCellView code && code.hasOutputPane()) {
            code.outputs().showInput(null);
        }
    }
}
