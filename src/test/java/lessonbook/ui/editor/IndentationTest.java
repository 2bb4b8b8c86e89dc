package lessonbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndentationTest {

    @Test
    void newlineKeepsTheIndentationOfTheLine() {
        assertThat(Indentation.newline("    int a;", 10)).isEqualTo(new Indentation.Insertion("\n    ", 5));
        assertThat(Indentation.newline("a;", 2)).isEqualTo(new Indentation.Insertion("\n", 1));
    }

    @Test
    void newlineAfterAnOpeningBracketIndentsOneLevel() {
        assertThat(Indentation.newline("  for (;;) {  ", 14)).isEqualTo(new Indentation.Insertion("\n      ", 7));
        assertThat(Indentation.newline("call(", 5)).isEqualTo(new Indentation.Insertion("\n    ", 5));
    }

    @Test
    void newlineBetweenBracketsPutsTheCloserOnItsOwnLine() {
        assertThat(Indentation.newline("  f() {}", 7)).isEqualTo(new Indentation.Insertion("\n      \n  ", 7));
    }

    @Test
    void closingBraceOnABlankLineTakesTheIndentationOfItsOpeningLine() {
        String text = "  if (a) {\n      x();\n      ";
        assertThat(Indentation.indentForClosingBrace(text, text.length())).isEqualTo("  ");
        String nested = "if (a) {\n    while (b) {\n    }\n        ";
        assertThat(Indentation.indentForClosingBrace(nested, nested.length())).isEqualTo("");
        assertThat(Indentation.indentForClosingBrace("x();", 4)).isNull();
        assertThat(Indentation.indentForClosingBrace("        ", 8)).isEqualTo("    ");
    }
}
