package lessonbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

    @Test
    void inlineTagsHtmlAndEntitiesBecomePlainText() {
        String raw = "Returns the {@code int} value of {@link java.lang.Integer#parseInt(String) parseInt}.<p>"
                + "Use &lt;b&gt; with <i>care</i> &amp; see {@link #valueOf}.\n"
                + "@param s the {@literal <text>}\n@return the number";
        assertThat(JavadocText.toPlainText(raw)).isEqualTo(
                "Returns the int value of parseInt.\n\nUse <b> with care & see valueOf.\n\n"
                        + "@param s the <text>\n\n@return the number");
    }

    @Test
    void nothingGivesNothing() {
        assertThat(JavadocText.toPlainText(null)).isEmpty();
        assertThat(JavadocText.toPlainText("  ")).isEmpty();
    }
}
