package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MagicsTest {
    @Test
    void lineAndCellMagicsNameThemselves() {
        assertThat(Magics.unsupported("%maven org.apache.commons:commons-lang3:3.12.0\nimport x.Y;"))
                .hasValue("The magic %maven is not supported by Lessonbook (magics belong to Jupyter's Java kernels); this cell was not run.");
        assertThat(Magics.unsupported("\n  %%bash\necho hi")).hasValueSatisfying(m -> assertThat(m).contains("%%bash"));
        assertThat(Magics.unsupported("// load jars\n%jars lib/*.jar")).hasValueSatisfying(m -> assertThat(m).contains("%jars"));
    }

    @Test
    void javaIsNotAMagicEvenWithAPercentInside() {
        assertThat(Magics.unsupported("int r = 7 % 3;")).isEmpty();
        assertThat(Magics.unsupported("String s = \"\"\"\n%d items\n\"\"\";")).isEmpty();
        assertThat(Magics.unsupported("")).isEmpty();
    }
}
