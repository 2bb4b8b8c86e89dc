package lessonbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.fxmisc.richtext.model.StyleSpan;
import org.junit.jupiter.api.Test;

import lessonbook.syntax.JavaLexer;

class JavaSyntaxTest {

    /** The style class of each character, as a string of initials ('.' for none). */
    private static String classesOf(String code) {
        StringBuilder sb = new StringBuilder();
        for (StyleSpan<Collection<String>> span : JavaSyntax.analyze(code).spans()) {
            char c = span.getStyle().isEmpty() ? '.' : span.getStyle().iterator().next().charAt(0);
            sb.append(String.valueOf(c).repeat(span.getLength()));
        }
        return sb.toString();
    }

    @Test
    void keywordsLiteralsStringsNumbersCommentsAndAnnotations() {
        assertThat(classesOf("public int x")).isEqualTo("kkkkkk.kkk..");
        assertThat(classesOf("s = \"for\\\"\";")).isEqualTo("....sssssss.");
        assertThat(classesOf("a = 'x' + 0x1F + 1.5e-3;")).isEqualTo("....sss...nnnn...nnnnnn.");
        assertThat(classesOf("// if\nnull")).isEqualTo("ccccc.llll");
        assertThat(classesOf("/* a\n b */ true")).isEqualTo("cccccccccc.llll");
        assertThat(classesOf("@Override void")).isEqualTo("aaaaaaaaa.kkkk");
        assertThat(classesOf("String forx")).isEqualTo("tttttt.....");
    }

    @Test
    void textBlocksAndUnterminatedStringsNeverSpillOver() {
        assertThat(classesOf("\"\"\"\n  if\n\"\"\" if")).isEqualTo("ssssssssssss.kk");
        assertThat(classesOf("\"open\nif")).isEqualTo("sssss.kk");
        assertThat(classesOf("/* never closed")).isEqualTo("ccccccccccccccc");
    }

    @Test
    void bracketsPairAcrossNestingButNotInsideStringsOrComments() {
        String code = "f(a[1], \")\", {b}) // (";
        JavaSyntax syntax = JavaSyntax.analyze(code);
        assertThat(syntax.partnerOf(1)).isEqualTo(code.indexOf(") //"));
        assertThat(syntax.partnerOf(code.indexOf('['))).isEqualTo(code.indexOf(']'));
        assertThat(syntax.partnerOf(code.indexOf('{'))).isEqualTo(code.indexOf('}'));
        assertThat(syntax.isBracketAt(code.indexOf("\")\"") + 1)).isFalse();
        assertThat(syntax.isBracketAt(code.lastIndexOf('('))).isFalse();
    }

    @Test
    void mismatchedBracketsStayUnmatched() {
        JavaSyntax syntax = JavaSyntax.analyze("(]");
        assertThat(syntax.partnerOf(0)).isEqualTo(-1);
        assertThat(syntax.partnerOf(1)).isEqualTo(-1);
        assertThat(JavaSyntax.analyze("").spans().length()).isZero();
    }

    @Test
    void tokensCoverEachStyledCharacterOnce() {
        List<JavaLexer.Token> tokens = JavaLexer.tokenize("class A { int[] a = {1}; }");
        assertThat(tokens.stream().map(JavaLexer.Token::kind).map(Enum::name).collect(Collectors.joining(" ")))
                .isEqualTo("KEYWORD TYPE BRACE KEYWORD BRACKET BRACKET BRACE NUMBER BRACE BRACE");
    }
}
