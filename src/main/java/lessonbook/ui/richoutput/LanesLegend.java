package lessonbook.ui.richoutput;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/** The key under the lanes' title: a swatch for each bar state, the CPU time, a wait and an output line. */
final class LanesLegend {
    private LanesLegend() {
    }

    static FlowPane of() {
        FlowPane legend = new FlowPane();
        legend.getStyleClass().add("lanes-legend");
        for (WorkerLane.State s : new WorkerLane.State[] {WorkerLane.State.RUNNING, WorkerLane.State.DONE,
                WorkerLane.State.FAILED, WorkerLane.State.TERMINATED}) {
            legend.getChildren().add(legendItem(s.pseudoClass(), "lane-bar", s.pseudoClass()));
        }
        legend.getChildren().addAll(legendItem("cpu time", "lane-cpu", null),
                legendItem("waiting", "lane-wait", null),   // the lane's text says for what: a shared object, its JVM's start
                legendItem("output line", "lane-marker", null));
        return legend;
    }

    private static Label legendItem(String text, String swatchClass, String pseudoClass) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", swatchClass);
        if (pseudoClass != null) {
            swatch.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(pseudoClass), true);
        }
        Label item = new Label(text, swatch);
        item.getStyleClass().add("legend-item");
        item.setMinWidth(Region.USE_PREF_SIZE);
        return item;
    }
}
