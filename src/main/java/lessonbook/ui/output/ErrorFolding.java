package lessonbook.ui.output;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which exceptions of an output pane have their stack frames folded away (a click on the header toggles),
 * and how a header reads for that. On the FX thread.
 */
final class ErrorFolding {
    private final Set<Integer> collapsed = new HashSet<>();

    void toggle(int errorId) {
        if (!collapsed.remove(errorId)) {
            collapsed.add(errorId);
        }
    }

    /** True for a stack frame of a folded exception. */
    boolean hides(OutputLine line) {
        return line.isErrorFrame() && collapsed.contains(line.errorId());
    }

    /** A line's text as drawn: an exception's header says whether its frames are folded and how many. */
    String drawnText(OutputLine line, List<OutputLine> all) {
        if (!line.errorHeader()) {
            return line.text();
        }
        long frames = all.stream().filter(l -> l.errorId() == line.errorId()).count() - 1;
        boolean folded = collapsed.contains(line.errorId());
        return (frames == 0 ? "" : folded ? "\u25B8 " : "\u25BE ") + line.text()
                + (folded && frames > 0 ? "  (" + frames + " frames hidden)" : "");
    }

    void clear() {
        collapsed.clear();
    }
}
