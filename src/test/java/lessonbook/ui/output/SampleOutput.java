package lessonbook.ui.output;

import lessonbook.model.Output;
import lessonbook.model.StreamName;

/** Output the pane tests feed in: stdout text, and runs of numbered lines. */
final class SampleOutput {
    private SampleOutput() {
    }

    static Output out(String text) {
        return new Output.Stream(StreamName.STDOUT, text);
    }

    /** "from\n" ... "to-1\n". */
    static String numbered(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(i).append('\n');
        }
        return s.toString();
    }
}
