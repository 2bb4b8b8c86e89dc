package lessonbook.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

import lessonbook.kernel.client.KernelStatus;

/** The kernel's state as a coloured dot and a word, like JupyterLab's kernel indicator. */
final class KernelStatusView extends HBox {
    private final Circle dot = new Circle(5);
    private final Label label = new Label();
    private final Tooltip tooltip = new Tooltip();
    private KernelStatus status;

    KernelStatusView() {
        super(6);
        getStyleClass().add("kernel-status");
        setAlignment(Pos.CENTER_LEFT);
        dot.getStyleClass().add("kernel-dot");
        label.getStyleClass().add("kernel-label");
        label.setTooltip(tooltip);
        getChildren().addAll(dot, label);
        show(KernelStatus.STARTING, "");
    }

    void show(KernelStatus next, String detail) {
        status = next;
        for (KernelStatus s : KernelStatus.values()) {
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s.name().toLowerCase()), s == next);
        }
        label.setText("Java  \u00B7  " + switch (next) {
            case STARTING -> "Starting\u2026";
            case IDLE -> "Idle";
            case BUSY -> "Busy";
            case RESTARTING -> "Restarting\u2026";
            case DEAD -> "Dead";
        });
        tooltip.setText(detail == null || detail.isBlank() ? "Kernel " + next.name().toLowerCase() : detail);
    }

    KernelStatus status() {
        return status;
    }

    String text() {
        return label.getText();
    }
}
