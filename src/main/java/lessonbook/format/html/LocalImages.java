package lessonbook.format.html;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.commonmark.node.Image;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Puts a lesson's own pictures into the exported page: an image with a relative path
 * ({@code ../assets/images/x.png}, resolved against the lesson's folder, as the app and a code host do) becomes
 * a {@code data:} URI, so the page stays one self-contained file and its Content-Security-Policy
 * ({@code img-src data:}) lets it show. Anything else (a web address, a missing file, a file over
 * {@link #MAX_BYTES}, a type a browser would not show) is left as it was, and the browser shows its alt text.
 */
final class LocalImages implements AttributeProvider {
    /** A lesson's diagram is tens of KB; a bigger file makes the page heavy without making it clearer. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "svg", "image/svg+xml", "webp", "image/webp");

    private final Path baseDirectory;

    LocalImages(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    @Override
    public void setAttributes(org.commonmark.node.Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof Image image && baseDirectory != null) {
            dataUri(image.getDestination()).ifPresent(uri -> attributes.put("src", uri));
        }
    }

    Optional<String> dataUri(String destination) {
        if (destination == null || destination.isBlank() || destination.contains(":") || destination.startsWith("/")
                || destination.startsWith("#")) {
            return Optional.empty();
        }
        try {
            String decoded = URLDecoder.decode(destination.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path file = baseDirectory.resolve(decoded).normalize();
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            if (type == null || !Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of("data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
