package lessonbook.format.ipynb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/**
 * The images a notebook read from .ipynb holds in a cell's outputs (plots, rendered components), which our model
 * shows only as text: for exports that can show them. Available while the cell's outputs are unchanged since read.
 */
public final class RichOutputs {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]*");
    private static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/svg+xml");

    private RichOutputs() {
    }

    /** One piece of a cell's output: an image, or outputs shown as text. */
    public sealed interface Part permits Image, Text {
    }

    /** @param base64 the image bytes, base64 (an SVG's text is encoded here too) */
    public record Image(String mimeType, String base64) implements Part {
    }

    public record Text(List<Output> outputs) implements Part {
    }

    /** The cell's outputs in their order with images in place; empty when there is nothing richer than text. */
    public static Optional<List<Part>> of(Notebook notebook, CodeCell cell) {
        if (!(notebook.metadata().get(IpynbLayout.KEY) instanceof IpynbLayout layout)) {
            return Optional.empty();
        }
        IpynbLayout.CellJson read = layout.cells().get(cell.id());
        if (read == null || !read.cellType().equals("code") || !read.outputs().equals(cell.outputs())) {
            return Optional.empty();
        }
        JsonNode outputs;
        try {
            outputs = JupyterJson.MAPPER.readTree(read.outputsJson());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        boolean anyImage = false;
        for (JsonNode output : outputs) {
            Image image = image(output.path("data"));
            if (image != null) {
                parts.add(image);
                anyImage = true;
            } else {
                parts.add(new Text(JupyterOutputs.read(JupyterJson.MAPPER.createArrayNode().add(output),
                        cell.executionCount(), cell.source())));
            }
        }
        return anyImage ? Optional.of(parts) : Optional.empty();
    }

    private static Image image(JsonNode data) {
        for (String type : IMAGE_TYPES) {
            JsonNode node = data.get(type);
            if (node == null) {
                continue;
            }
            String value = JupyterJson.multiline(node);
            if (type.equals("image/svg+xml")) {
                return new Image(type, java.util.Base64.getEncoder().encodeToString(
                        value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            if (BASE64.matcher(value).matches()) {
                return new Image(type, value.replaceAll("\\s", ""));
            }
        }
        return null;
    }
}
