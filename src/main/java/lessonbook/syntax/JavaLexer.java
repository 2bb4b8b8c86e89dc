package lessonbook.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small, forgiving Java tokenizer for highlighting: it never fails, an unterminated string or comment
 * simply runs to the end of its line (or of the text). Only tokens that get a colour are returned, plus
 * every bracket outside strings and comments (bracket matching needs them). Pure and thread-safe.
 *
 * <p>The one tokenizer of the app, so code is coloured alike everywhere: the editor and Markdown code blocks
 * ({@code ui.editor.JavaSyntax}) and the HTML export ({@code format.html.JavaHighlighter}). It lives outside
 * {@code ui} and {@code format} because both use it; it needs nothing but the JDK.
 */
public final class JavaLexer {

    /** What a token is; {@link #styleClass()} is the CSS class its characters get. */
    public enum Kind {
        KEYWORD("keyword"), LITERAL("literal"), STRING("string"), NUMBER("number"), COMMENT("comment"),
        ANNOTATION("annotation"), TYPE("type-name"), PAREN("paren"), BRACE("brace"), BRACKET("bracket");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    /** A token at {@code [start, end)}. */
    public record Token(Kind kind, int start, int end) {
    }

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "var", "record", "yield", "sealed", "permits", "non-sealed");

    private static final Set<String> LITERALS = Set.of("true", "false", "null");

    private JavaLexer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = endOfLine(text, i);
                tokens.add(new Token(Kind.COMMENT, start, i));
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                tokens.add(new Token(Kind.COMMENT, start, i));
            } else if (text.startsWith("\"\"\"", i)) {
                int close = text.indexOf("\"\"\"", i + 3);
                while (close > 0 && isEscaped(text, close)) {
                    close = text.indexOf("\"\"\"", close + 1);
                }
                i = close < 0 ? n : close + 3;
                tokens.add(new Token(Kind.STRING, start, i));
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(text, i, c);
                tokens.add(new Token(Kind.STRING, start, i));
            } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                i = endOfQualifiedName(text, i + 1);
                tokens.add(new Token(Kind.ANNOTATION, start, i));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                i = endOfNumber(text, i);
                tokens.add(new Token(Kind.NUMBER, start, i));
            } else if (Character.isJavaIdentifierStart(c)) {
                i = endOfIdentifier(text, i);
                String word = text.substring(start, i);
                if (word.equals("non") && text.startsWith("-sealed", i)) {
                    i += "-sealed".length();
                    tokens.add(new Token(Kind.KEYWORD, start, i));
                } else if (KEYWORDS.contains(word)) {
                    tokens.add(new Token(Kind.KEYWORD, start, i));
                } else if (LITERALS.contains(word)) {
                    tokens.add(new Token(Kind.LITERAL, start, i));
                } else if (Character.isUpperCase(c)) {
                    tokens.add(new Token(Kind.TYPE, start, i));
                }
            } else {
                Kind bracket = bracketKind(c);
                if (bracket != null) {
                    tokens.add(new Token(bracket, start, i + 1));
                }
                i++;
            }
        }
        return tokens;
    }

    private static Kind bracketKind(char c) {
        switch (c) {
            case '(': case ')': return Kind.PAREN;
            case '{': case '}': return Kind.BRACE;
            case '[': case ']': return Kind.BRACKET;
            default: return null;
        }
    }

    private static int endOfLine(String text, int i) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? text.length() : nl;
    }

    private static boolean isEscaped(String text, int pos) {
        int backslashes = 0;
        for (int k = pos - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int endOfQuoted(String text, int i, char quote) {
        int n = text.length();
        int k = i + 1;
        while (k < n) {
            char c = text.charAt(k);
            if (c == '\\') {
                k += 2;
            } else if (c == quote) {
                return k + 1;
            } else if (c == '\n') {
                return k;
            } else {
                k++;
            }
        }
        return n;
    }

    private static int endOfIdentifier(String text, int i) {
        int k = i + 1;
        while (k < text.length() && Character.isJavaIdentifierPart(text.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int endOfQualifiedName(String text, int i) {
        int k = endOfIdentifier(text, i);
        while (k + 1 < text.length() && text.charAt(k) == '.'
                && Character.isJavaIdentifierStart(text.charAt(k + 1))) {
            k = endOfIdentifier(text, k + 1);
        }
        return k;
    }

    private static int endOfNumber(String text, int i) {
        int k = i;
        int n = text.length();
        while (k < n) {
            char c = text.charAt(k);
            boolean exponentSign = (c == '+' || c == '-') && k > i
                    && "eEpP".indexOf(text.charAt(k - 1)) >= 0 && !text.startsWith("0x", i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }
}
