package lessonbook.format.html;

/** Escaping for text placed in HTML element content and in double-quoted attribute values. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        escape(html, text, 0, text.length());
        return html.toString();
    }

    static void escape(StringBuilder html, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                // what an HTML parser makes of a NUL anyway; written raw, it makes the page "binary" to other tools
                case '\0' -> html.append('\uFFFD');
                default -> html.append(c);
            }
        }
    }
}
