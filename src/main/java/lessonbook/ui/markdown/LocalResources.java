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
        if (isNetworkPath(destination)) {
            return Optional.empty(); // //host/share/x.png: on Windows, even asking whether it exists goes to the network
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
                URI uri = new URI(destination);
                if (uri.getAuthority() != null && !uri.getAuthority().isEmpty()) {
                    return Optional.empty(); // file://host/share/...: a network path too
                }
                Path path = Path.of(uri);
                return isNetworkPath(path.toString()) ? Optional.empty() : existingFile(path);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Whether a link may go to the system browser: http, https and mailto only. A {@code javascript:} or
     * {@code file:} link (a relative link too: it resolves to a local file, perhaps a script beside the lesson)
     * is shown with its target but not opened.
     */
    static boolean opens(String target) {
        String scheme = target == null ? null : schemeOf(target);
        return scheme != null && (scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto"));
    }

    private static boolean isNetworkPath(String path) {
        return path.length() >= 2 && (path.charAt(0) == '/' || path.charAt(0) == '\\')
                && (path.charAt(1) == '/' || path.charAt(1) == '\\');
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
