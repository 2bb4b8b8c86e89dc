package lessonbook.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lessonbook.model.Output;

/**
 * About how tall a cell's saved outputs or its rendered prose will be once drawn, from the text alone: the
 * space a cell keeps until it is drawn, so the scroll bar and the cells below are near their final place. Only
 * an estimate (wrapping and fonts are not known before drawing); the notebook keeps what the reader sees in
 * place when the real height replaces it. Pure arithmetic, no JavaFX.
 */
final class EstimatedHeight {
    /** As the output pane: at most this many rows tall, more scroll. */
    static final int MAX_ROWS = 24;
    private static final double LANE = 27;
    private static final double CHART = 300;

    /** Characters of prose on one line of the page's column, about. */
    private static final int PROSE_LINE = 100;
    private static final double IMAGE = 320;

    private EstimatedHeight() {
    }

    /** Rendered Markdown: its lines wrapped at about a column's width, headings taller, images a fixed size. */
    static double ofMarkdown(String source, double fontSize) {
        double line = Math.ceil(fontSize * 1.5);
        double height = 0;
        for (String text : source.split("\n", -1)) {
            if (text.isBlank()) {
                height += line * 0.5;
            } else if (text.startsWith("#")) {
                height += line * 2;
            } else {
                height += line * Math.max(1, Math.ceil(text.length() / (double) PROSE_LINE));
            }
            int images = text.split("!\\[", -1).length - 1;
            height += IMAGE * images;
        }
        return height;
    }

    /** Saved outputs as the output pane draws them. */
    static double ofOutputs(List<Output> outputs, double fontSize) {
        double row = Math.ceil(fontSize * 1.5);
        long rows = 0;
        double extra = 0;
        Set<String> workers = new HashSet<>();
        for (Output output : outputs) {
            if (output instanceof Output.Stream s) {
                rows += lines(s.text());
            } else if (output instanceof Output.WorkerLine line) {
                rows++;
                workers.add(line.worker());
            } else if (output instanceof Output.WorkerEvent event) {
                workers.add(event.worker());
            } else if (output instanceof Output.Error error) {
                rows += 1 + Math.min(3, error.frames().size());
            } else if (output instanceof Output.CompileError error) {
                rows += 3L * error.diagnostics().size();
            } else if (output instanceof Output.Chart) {
                extra += CHART;
            } else if (output instanceof Output.Table table) {
                extra += row * (2 + Math.min(table.rows().size(), 12));
            } else {
                rows++;
            }
        }
        double height = rows == 0 ? 0 : Math.min(rows, MAX_ROWS) * row + 6;
        if (!workers.isEmpty()) {
            height += 110 + LANE * workers.size();   // the lanes header, legend and axis, then a lane each
        }
        return height + extra;
    }

    private static long lines(String text) {
        long lines = text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? lines : lines + 1;
    }
}
