package lessonbook.ui.markdown;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a Markdown image or link points, decided without touching the network: an image is shown only when
 * it is a local file (a path relative to the lesson's folder, or a {@code file:} URI); http(s), data and
 * every other scheme give nothing, and the view shows the image's alt text instead.
 */
final class LocalResources {

    private LocalResources() {
    }

    /** The local file an image destination names, if it is one and it exists. */
    static Optional<Path> localImage(Path baseDirectory, String destination) {
        if (destination == null || destination.isBlank()) {
            return Optional.empty();
        }
        String scheme = schemeOf(destination);
        try {
            if (scheme == null) {
                if (baseDirectory == null) {
                    return Optional.empty();
                }
                String decoded = URLDecoder.decode(destination.replace("+", "%2B"), StandardCharsets.UTF_8);
                return existingFile(baseDirectory.resolve(decoded).normalize());
            }
            if (scheme.equals("file")) {
                return existingFile(Path.of(new URI(destination)));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A link as the link handler gets it: relative paths resolved against the lesson folder as file URIs. */
    static String resolveLink(Path baseDirectory, String destination) {
        if (destination == null || schemeOf(destination) != null || destination.startsWith("#")
                || baseDirectory == null) {
            return destination;
        }
        try {
            return baseDirectory.resolve(URLDecoder.decode(destination.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .normalize().toUri().toString();
        } catch (IllegalArgumentException e) {
            return destination;
        }
    }

    /** The URI scheme, lower case, or null for a plain path (a Windows drive letter is not a scheme). */
    static String schemeOf(String destination) {
        int colon = destination.indexOf(':');
        if (colon <= 1) {
            return null;
        }
        String scheme = destination.substring(0, colon);
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            boolean ok = Character.isLetter(c) || i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.');
            if (!ok) {
                return null;
            }
        }
        return scheme.toLowerCase(Locale.ROOT);
    }

    private static Optional<Path> existingFile(Path path) {
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
}
