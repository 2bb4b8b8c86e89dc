package lessonbook.ui.output;

import java.util.ArrayList;
import java.util.List;

import lessonbook.model.CellLine;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * Turns a batch of outputs into the rows an output pane draws, doing work bounded by the pane's cap rather
 * than by the batch: only the outputs (and, within a huge chunk, only the text) that can end up among the
 * last {@code cap} rows are split into lines; everything earlier is only counted as hidden. A line left
 * open by one write is continued by the next.
 *
 * <p>Knows nothing of JavaFX: the pane draws the rows and handles the extras.
 */
final class LineBuilder {
    /** The style of a line that names a place in the notebook ({@link CellLine}): a click goes there. */
    static final String LINK = "out-frame-link";

    /** How the pane colours workers. */
    interface Sink {
        /** A worker's stable colour index, 0 to 9 (the pane's ten worker colours); registers it on first sight. */
        int colourOf(String worker);
    }

    /**
     * What one batch produced: the new rows (at most the cap), how many of its lines it hid, whether its
     * first row continues the line the pane's last row left open, and the outputs that are more than rows
     * (rich outputs, worker lines and events for the lanes, compile errors to underline), in arrival order,
     * for the pane to handle once the rows are in.
     */
    record Batch(List<OutputLine> rows, long hidden, boolean continuesLastRow, List<Output> extras) {
    }

    private final int cap;
    private final Sink sink;
    private boolean lastLineOpen;
    private int nextErrorId;

    LineBuilder(int cap, Sink sink) {
        this.cap = cap;
        this.sink = sink;
    }

    void reset() {
        lastLineOpen = false;
    }

    /** Builds the rows of one batch. */
    Batch build(List<Output> outputs) {
        State state = new State();
        int firstShown = firstOutputWorthDrawing(outputs);
        for (int i = 0; i < outputs.size(); i++) {
            Output output = outputs.get(i);
            if (i < firstShown && output instanceof Output.Stream s) {
                skipText(s.text(), state);
            } else if (i < firstShown && output instanceof Output.WorkerLine w) {
                // Still coloured and fed to the lanes (its worker was active), but never drawn.
                state.extras.add(w);
                sink.colourOf(w.worker() + " " + w.pid());
                lastLineOpen = false;
                state.hidden += workerLineParts(w).length;
            } else {
                render(output, state);
            }
        }
        List<OutputLine> rows = state.rows;
        boolean continues = state.continuesLastRow;
        if (rows.size() > cap) {
            // A continued first row was no line of its own: dropping it hides nothing new.
            int dropped = rows.size() - cap;
            state.hidden += dropped - (continues ? 1 : 0);
            continues = false;
            rows = new ArrayList<>(rows.subList(dropped, rows.size()));
        }
        return new Batch(rows, state.hidden, continues, state.extras);
    }

    private static final class State {
        final List<OutputLine> rows = new ArrayList<>();
        final List<Output> extras = new ArrayList<>();
        long hidden;
        boolean continuesLastRow;
    }

    /**
     * Index of the first output whose lines can still be among the last {@code cap}: stream chunks before it
     * are only counted, never split into lines.
     */
    private int firstOutputWorthDrawing(List<Output> outputs) {
        long lines = 0;
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (outputs.get(i) instanceof Output.Stream s) {
                lines += countNewlines(s.text(), 0, s.text().length());
            } else {
                lines++;
            }
            if (lines > cap) {
                return i;
            }
        }
        return 0;
    }

    /** Counts a chunk that will never be shown, keeping the open-line state right. */
    private void skipText(String text, State state) {
        if (text.isEmpty()) {
            return;
        }
        long newlines = countNewlines(text, 0, text.length());
        // The line left open before this chunk was already drawn; closing it hides nothing new. A line this
        // chunk leaves open is drawn from the next write on, as a line of its own.
        state.hidden += newlines - (lastLineOpen && newlines > 0 ? 1 : 0);
        lastLineOpen = false;
    }

    private void render(Output output, State state) {
        if (output instanceof Output.Stream s) {
            addText(s.text(), s.stream() == StreamName.STDERR ? "out-stderr" : "out-stdout", state);
        } else if (output instanceof Output.WorkerLine w) {
            state.extras.add(w);
            String worker = w.worker() + " " + w.pid();
            String style = "out-worker out-worker-" + sink.colourOf(worker)
                    + (w.stream() == StreamName.STDERR ? " out-worker-stderr" : "")
                    + (w.stream() == StreamName.STDERR && CellLine.named(w.line()).isPresent() ? " " + LINK : "");
            lastLineOpen = false;
            for (String part : workerLineParts(w)) {
                state.rows.add(new OutputLine("[" + worker + "] " + part, style, worker, -1, false));
            }
        } else if (output instanceof Output.WorkerEvent e) {
            sink.colourOf(e.worker() + " " + e.pid());
            state.extras.add(e);
        } else if (output instanceof Output.Error e) {
            lastLineOpen = false;
            int id = nextErrorId++;
            String head = e.exceptionType() + (e.message() == null ? "" : ": " + e.message());
            state.rows.add(new OutputLine(head, "out-error-header", null, id, true));
            for (String frame : e.frames()) {
                state.rows.add(new OutputLine("    " + Output.Error.frameLine(frame),
                        CellLine.named(frame).isPresent() ? "out-error-frame " + LINK : "out-error-frame", null, id, false));
            }
        } else if (output instanceof Output.CompileError c) {
            state.extras.add(c);
            addText(c.text(), "out-compile-error", state);
        } else if (output instanceof Output.Value) {
            addText(output.text(), "out-value", state);
        } else if (output instanceof Output.Info) {
            addText(output.text(), "out-info", state);
        } else if (output instanceof Output.Notice) {
            addText(output.text(), "out-notice", state);
        } else if (output instanceof Output.Check c) {
            lastLineOpen = false; // each check is a row of its own, coloured by its result
            addText(c.text(), c.passed() ? "out-check-passed" : "out-check-failed", state);
        } else if (output instanceof Output.Omitted) {
            // A row of its own even after a partial line: it stands for lines, it does not continue one.
            lastLineOpen = false;
            addText(output.text(), "out-omitted", state);
        } else {
            state.extras.add(output);
        }
    }

    /**
     * Splits text into lines, continuing a line left open by the previous write. For a huge chunk only the
     * tail that can be shown is turned into lines; the rest is only counted.
     */
    private void addText(String text, String style, State state) {
        if (text.isEmpty()) {
            return;
        }
        int start = 0;
        int cut = tailStart(text);
        if (cut > 0) {
            state.hidden += countNewlines(text, 0, cut);
            lastLineOpen = false;
            start = cut;
        }
        boolean continueOpen = lastLineOpen;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String piece = text.substring(start, end);
            if (continueOpen) {
                continueOpenLine(piece, style, state);
                continueOpen = false;
            } else {
                state.rows.add(OutputLine.plain(piece, style));
            }
            start = nl < 0 ? text.length() : nl + 1;
            lastLineOpen = nl < 0;
        }
    }

    private void continueOpenLine(String piece, String style, State state) {
        if (!state.rows.isEmpty()) {
            OutputLine last = state.rows.remove(state.rows.size() - 1);
            state.rows.add(last.append(piece));
        } else {
            state.continuesLastRow = true;
            state.rows.add(OutputLine.plain(piece, style));
        }
    }

    private static String[] workerLineParts(Output.WorkerLine w) {
        String body = w.line().endsWith("\n") ? w.line().substring(0, w.line().length() - 1) : w.line();
        return body.split("\n", -1);
    }

    /*
     * The two scans below go through String.indexOf/lastIndexOf rather than a charAt loop of ours: those are
     * compiled (and vectorized) long before the first flood, while a loop of ours would start interpreted on
     * the FX thread, over the first megabytes of the first flood. (A 2 MB batch now applies in ~8 ms.)
     */

    /** Index where the last {@code cap} lines of {@code text} begin (0 when it has fewer). */
    private int tailStart(String text) {
        int count = 0;
        int i = text.length() - 1;
        if (i >= 0 && text.charAt(i) == '\n') {
            i--;
        }
        while (i >= 0) {
            i = text.lastIndexOf('\n', i);
            if (i < 0) {
                return 0;
            }
            if (++count == cap) {
                return i + 1;
            }
            i--;
        }
        return 0;
    }

    static long countNewlines(String text, int from, int to) {
        long n = 0;
        for (int i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }
}
