package lessonbook.kernel.jvm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What {@code %maven} takes from Maven's user settings ({@code ~/.m2/settings.xml}), so that a school's mirror, a
 * moved local repository or an offline machine is honoured as Maven honours it: {@code <offline>},
 * {@code <localRepository>} and {@code <mirrors>}. Other elements (proxies, servers with credentials, profiles) are
 * not read. {@code ${user.home}} and other {@code ${system property}} references are expanded, as Maven does.
 *
 * @param offline         {@code <offline>true</offline>}: only the local repository is used
 * @param localRepository {@code <localRepository>}, if set
 * @param mirrors         {@code <mirror>}s in file order (Maven takes the first that matches a repository)
 */
public record MavenSettings(boolean offline, Optional<Path> localRepository, List<Mirror> mirrors) {
    /** One {@code <mirror>}: its id, URL and {@code <mirrorOf>} ("*", "central", "*,!repo-x", "external:*"). */
    public record Mirror(String id, String url, String mirrorOf) {
    }

    public static final MavenSettings NONE = new MavenSettings(false, Optional.empty(), List.of());

    public MavenSettings {
        mirrors = List.copyOf(mirrors);
    }

    /** The settings in {@code file}; {@link #NONE} when there is no such file. */
    public static MavenSettings read(Path file) throws MavenResolver.Failure {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Document xml;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            xml = builder.parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new MavenResolver.Failure("%maven cannot read Maven's settings " + file + ": " + e.getMessage());
        }
        Element root = xml.getDocumentElement();
        boolean offline = child(root, "offline").map(t -> Boolean.parseBoolean(expand(t))).orElse(false);
        Optional<Path> local = child(root, "localRepository").map(MavenSettings::expand).filter(s -> !s.isBlank())
                .map(Path::of);
        List<Mirror> mirrors = new ArrayList<>();
        for (Element list : elements(root, "mirrors")) {
            for (Element mirror : elements(list, "mirror")) {
                Optional<String> url = child(mirror, "url").map(MavenSettings::expand);
                Optional<String> of = child(mirror, "mirrorOf").map(MavenSettings::expand);
                if (url.isPresent() && of.isPresent()) {
                    mirrors.add(new Mirror(child(mirror, "id").orElse("mirror-" + mirrors.size()), url.get(), of.get()));
                }
            }
        }
        return new MavenSettings(offline, local, mirrors);
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Optional<String> child(Element parent, String name) {
        return elements(parent, name).stream().findFirst().map(e -> e.getTextContent().strip());
    }

    /** {@code ${user.home}/m2} with the system property's value; an unknown name stays as written. */
    static String expand(String text) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf("${", at);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text, at, text.length());
                break;
            }
            String name = text.substring(start + 2, end);
            String value = name.startsWith("env.") ? System.getenv(name.substring(4)) : System.getProperty(name);
            out.append(text, at, start).append(value != null ? value : text.substring(start, end + 1));
            at = end + 1;
        }
        return out.toString();
    }
}
