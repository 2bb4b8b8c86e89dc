package lessonbook.ui.editor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw javadoc comment body (HTML and inline tags, as JShell's documentation returns it) into plain
 * text fit for a popup: paragraphs kept, tags and entities resolved, block tags on their own lines.
 */
final class JavadocText {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}");
    private static final Pattern PARAGRAPH = Pattern.compile("(?i)<\\s*(p|br|li|/ul|/ol|pre|/pre|h\\d)[^>]*>");
    private static final char LT = '\u0001';
    private static final char GT = '\u0002';
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private JavadocText() {
    }

    static String toPlainText(String javadoc) {
        if (javadoc == null || javadoc.isBlank()) {
            return "";
        }
        String text = javadoc.replace("\r", "");
        text = text.replaceAll("(?m)^\\s*\\*\\s?", "");
        Matcher m = INLINE_TAG.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1).trim();
            // {@link Foo#bar(int) label} shows the label when there is one.
            if (m.group().startsWith("{@link")) {
                inner = linkText(inner);
            }
            // Shield the tag's own angle brackets from the HTML stripping below.
            m.appendReplacement(sb, Matcher.quoteReplacement(inner.replace('<', LT).replace('>', GT)));
        }
        m.appendTail(sb);
        text = PARAGRAPH.matcher(sb.toString()).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace(LT, '<').replace(GT, '>');
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&nbsp;", " ").replace("&#64;", "@").replace("&amp;", "&");
        text = text.replaceAll("(?m)^\\s*@(param|return|throws|exception|see|since|deprecated)\\b", "\n@$1");
        text = text.replaceAll("[ \\t]+", " ");
        text = text.replaceAll("(?m)^ ", "");
        text = text.replaceAll("\n{3,}", "\n\n");
        return text.strip();
    }

    /** {@code Foo#bar(int, long) label} shows the label if there is one, else {@code Foo.bar(int, long)}. */
    private static String linkText(String inner) {
        int close = inner.indexOf(')');
        int refEnd = close >= 0 ? close + 1 : inner.indexOf(' ') < 0 ? inner.length() : inner.indexOf(' ');
        String label = inner.substring(refEnd).trim();
        if (!label.isEmpty()) {
            return label;
        }
        String ref = inner.substring(0, refEnd).replace('#', '.');
        return ref.startsWith(".") ? ref.substring(1) : ref;
    }
}
