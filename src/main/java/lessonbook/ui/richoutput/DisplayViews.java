package lessonbook.ui.richoutput;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;

import lessonbook.model.Output;

/**
 * What an output pane calls to show rich outputs. Every view carries {@link #STYLESHEET}; the dark theme
 * applies when an ancestor (e.g. the scene root) has the style class {@code dark} or {@code theme-dark}.
 */
public final class DisplayViews {
    /** The views' stylesheet (already added to every view; add it to a scene to restyle them from there). */
    public static final String STYLESHEET = DisplayViews.class.getResource("display.css").toExternalForm();

    private DisplayViews() {
    }

    /** A view for a table or chart; empty for outputs shown as text (and for worker events: see lanes). */
    public static Optional<Node> nodeFor(Output output) {
        if (output instanceof Output.Chart) {
            return Optional.of(new ChartView((Output.Chart) output));
        }
        if (output instanceof Output.Table) {
            return Optional.of(new TableOutputView((Output.Table) output));
        }
        return Optional.empty();
    }

    /** True if a cell's outputs include worker events, so it should show a {@link WorkerLanesView}. */
    public static boolean hasWorkers(List<? extends Output> outputs) {
        return outputs.stream().anyMatch(o -> o instanceof Output.WorkerEvent);
    }
}
