package lessonbook.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lessonbook.format.ipynb.RichOutputs;
import lessonbook.model.Output;
import lessonbook.ui.output.OutputPane;

/**
 * A code cell's saved outputs not drawn yet, and the space they will take. Opening a lesson draws only the outputs
 * near the screen (the notebook view restores the others as they come near): saved lanes, charts and output lists
 * were half the CPU of a lesson's first frame. Threads: FX thread, as the cell view that owns it.
 */
final class UndrawnOutputs {
    private final VBox body;
    private final Region space = new Region();
    private List<Output> saved = List.of();
    /**
     * The same outputs with the images a notebook made elsewhere kept, if it kept any: asked when they are drawn, so
     * that a notebook of thousands of cells does not read every cell's saved JSON as it opens.
     */
    private Supplier<Optional<List<RichOutputs.Part>>> withImages = Optional::empty;

    UndrawnOutputs(VBox body) {
        this.body = body;
        space.getStyleClass().add("output-placeholder");
    }

    /** Keeps {@code outputs} undrawn, in a placeholder as tall as they are estimated to be. */
    void hold(List<Output> outputs, double fontSize) {
        if (outputs.isEmpty()) {
            return;
        }
        saved = outputs;
        double height = EstimatedHeight.ofOutputs(outputs, fontSize);
        space.setMinHeight(height);
        space.setPrefHeight(height);
        body.getChildren().add(space);
    }

    /** Where the held outputs with their images come from ({@link RichOutputs#of}), drawn instead of the text. */
    void withImagesFrom(Supplier<Optional<List<RichOutputs.Part>>> parts) {
        if (!saved.isEmpty()) {
            withImages = parts;
        }
    }

    boolean isEmpty() {
        return saved.isEmpty();
    }

    double height() {
        return saved.isEmpty() ? 0 : space.getPrefHeight();
    }

    /** Draws the held outputs into {@code pane} and lets them go. */
    void drawInto(OutputPane pane) {
        if (saved.isEmpty()) {
            return;
        }
        List<Output> outputs = saved;
        Optional<List<RichOutputs.Part>> images = withImages.get();
        drop();
        if (images.isPresent()) {
            pane.restoreWithImages(images.get());
        } else {
            pane.restore(outputs);
        }
    }

    /** Forgets the held outputs (the cell runs again): their placeholder goes. */
    void drop() {
        withImages = Optional::empty;
        if (!saved.isEmpty()) {
            saved = List.of();
            body.getChildren().remove(space);
        }
    }
}
