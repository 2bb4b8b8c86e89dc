package lessonbook.ui.output;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import lessonbook.format.ImageSize;
import lessonbook.format.ipynb.RichOutputs;

/**
 * The images a notebook made elsewhere saved in a cell's outputs (plots, mostly), as the window shows them under
 * the cell's text output, where our own charts and tables go. PNG, JPEG and GIF are drawn at their own size, no
 * wider than {@link #MAX_WIDTH}; an SVG (JavaFX draws none) or an image past {@link ImageSize#MAX_PIXELS} is named
 * in a line instead, and the HTML export shows it. Threads: FX thread (decoding is synchronous, a few ms a plot).
 */
final class SavedImages {
    static final double MAX_WIDTH = 900;

    private SavedImages() {
    }

    static List<Node> nodesFor(List<RichOutputs.Image> images) {
        List<Node> nodes = new ArrayList<>(images.size());
        for (RichOutputs.Image image : images) {
            nodes.add(nodeFor(image));
        }
        return nodes;
    }

    private static Node nodeFor(RichOutputs.Image image) {
        if (image.mimeType().equals("image/svg+xml")) {
            return note("[an SVG image: the HTML export shows it]");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(image.base64());
        } catch (IllegalArgumentException e) {
            return note("[an image that is not valid base64]");
        }
        Optional<ImageSize> size = ImageSize.of(bytes);
        if (size.isEmpty()) {
            return note("[an image of type " + image.mimeType() + " that could not be read]");
        }
        if (!size.get().fits()) {
            return note(String.format(java.util.Locale.ROOT, "[an image of %,d x %,d pixels, too large to show here;"
                    + " the HTML export shows it]", size.get().width(), size.get().height()));
        }
        Image decoded = new Image(new ByteArrayInputStream(bytes));
        if (decoded.isError() || decoded.getWidth() <= 0) {
            return note("[an image of type " + image.mimeType() + " that could not be read]");
        }
        ImageView view = new ImageView(decoded);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(Math.min(decoded.getWidth(), MAX_WIDTH));
        view.getStyleClass().add("output-image");
        return view;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("output-hidden-note");
        return label;
    }
}
