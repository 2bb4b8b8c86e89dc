package lessonbook.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

import lessonbook.kernel.client.KernelStatus;

/** The kernel's state as a coloured dot and a word, like JupyterLab's kernel indicator. */
final class KernelStatusView extends HBox {
    private static final javafx.css.PseudoClass READ_ONLY = javafx.css.PseudoClass.getPseudoClass("read-only");
    private final Circle dot = new Circle(5);
    private final Label label = new Label();
    private final Tooltip tooltip = new Tooltip();
    private KernelStatus status;
    private String detail = "";
    /** Why the notebook shown is not run here (another language's), or null: then the kernel's state is not its. */
    private String readOnlyReason;

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
        this.detail = detail;
        if (readOnlyReason != null) {
            return;   // the kernel goes on starting and idling, but this notebook is not its to run
        }
        colourFor(next);
        label.setText("Java  \u00B7  " + switch (next) {
            case STARTING -> "Starting\u2026";
            case IDLE -> "Idle";
            case BUSY -> "Busy";
            case RESTARTING -> "Restarting\u2026";
            case DEAD -> "Dead";
        });
        tooltip.setText(detail == null || detail.isBlank() ? "Kernel " + next.name().toLowerCase() : detail);
    }

    /**
     * A notebook in another language is shown, not run: "Read-only" instead of the Java kernel's state, which a
     * teacher would take for the notebook's; null when a runnable notebook is shown again.
     */
    void showReadOnly(String reason) {
        readOnlyReason = reason;
        if (reason == null) {
            show(status, detail);
            return;
        }
        colourFor(null);
        label.setText("Read-only  \u00B7  not run here");
        tooltip.setText(reason);
    }

    /** The dot's colour (CSS pseudo-classes): the kernel's state, or read-only's grey for null. */
    private void colourFor(KernelStatus state) {
        for (KernelStatus s : KernelStatus.values()) {
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s.name().toLowerCase()), s == state);
        }
        pseudoClassStateChanged(READ_ONLY, state == null);
    }

    KernelStatus status() {
        return status;
    }

    String text() {
        return label.getText();
    }
}
