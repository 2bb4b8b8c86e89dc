package lessonbook.format.html;

import lessonbook.syntax.JavaLexer;

/**
 * Java source as HTML with keywords, literals, comments and annotations in spans, cut where the editor's
 * tokenizer cuts so an exported lesson is coloured like the window. Every character of the source is escaped,
 * so code can never become markup.
 */
final class JavaHighlighter {
    private JavaHighlighter() {
    }

    static String highlight(String source) {
        StringBuilder html = new StringBuilder(source.length() * 2);
        int done = 0;
        for (JavaLexer.Token token : JavaLexer.tokenize(source)) {
            String style = styleClass(token.kind());
            if (style == null) {
                continue;
            }
            Html.escape(html, source, done, token.start());
            html.append("<span class=\"").append(style).append("\">");
            Html.escape(html, source, token.start(), token.end());
            html.append("</span>");
            done = token.end();
        }
        Html.escape(html, source, done, source.length());
        return html.toString();
    }

    /** The page's classes (see {@link PageStyle}); a page has no colour for type names or brackets. */
    private static String styleClass(JavaLexer.Kind kind) {
        return switch (kind) {
            case KEYWORD, LITERAL -> "kw";
            case STRING -> "str";
            case NUMBER -> "num";
            case COMMENT -> "com";
            case ANNOTATION -> "ann";
            case TYPE, PAREN, BRACE, BRACKET -> null;
        };
    }
}
