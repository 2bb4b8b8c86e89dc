package lessonbook.format.html;

import java.util.Set;

/**
 * Java source as HTML with keywords, literals, comments and annotations in spans. A single left-to-right scan;
 * every character of the source is escaped, so code can never become markup.
 */
final class JavaHighlighter {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "sealed", "permits", "yield", "true", "false", "null");

    private JavaHighlighter() {
    }

    static String highlight(String source) {
        StringBuilder html = new StringBuilder(source.length() * 2);
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int end;
            String style;
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                end = lineEnd(source, i);
                style = "com";
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int close = source.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                style = "com";
            } else if (source.startsWith("\"\"\"", i)) {
                int close = source.indexOf("\"\"\"", i + 3);
                end = close < 0 ? n : close + 3;
                style = "str";
            } else if (c == '"' || c == '\'') {
                end = quoted(source, i, c);
                style = "str";
            } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(source.charAt(i + 1))) {
                end = identifierEnd(source, i + 1);
                style = "ann";
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_'
                        || source.charAt(end) == '.')) {
                    end++;
                }
                style = "num";
            } else if (Character.isJavaIdentifierStart(c)) {
                end = identifierEnd(source, i);
                style = KEYWORDS.contains(source.substring(i, end)) ? "kw" : null;
            } else {
                end = i + 1;
                style = null;
            }
            if (style != null) {
                html.append("<span class=\"").append(style).append("\">");
            }
            Html.escape(html, source, i, end);
            if (style != null) {
                html.append("</span>");
            }
            i = end;
        }
        return html.toString();
    }

    private static int lineEnd(String source, int from) {
        int newline = source.indexOf('\n', from);
        return newline < 0 ? source.length() : newline;
    }

    private static int quoted(String source, int from, char quote) {
        int i = from + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote || c == '\n') {
                return Math.min(source.length(), i + 1);
            }
            i++;
        }
        return source.length();
    }

    private static int identifierEnd(String source, int from) {
        int i = from;
        while (i < source.length() && Character.isJavaIdentifierPart(source.charAt(i))) {
            i++;
        }
        return Math.max(i, from + 1);
    }
}
