package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lessonbook.model.CellMagics;

class MagicsTest {
    @Test
    void mavenJarsAndClasspathRunOtherMagicsAreRefusedByName() {
        assertThat(Magics.unsupported("%maven org.apache.commons:commons-lang3:3.12.0\nimport x.Y;")).isEmpty();
        assertThat(Magics.unsupported("// load jars\n%jars lib/*.jar\n%classpath classes")).isEmpty();
        assertThat(Magics.unsupported("\n  %%bash\necho hi")).hasValue("The magic %%bash is not supported by Lessonbook"
                + " (only %maven, %jars, %classpath, %timeit, %%time and %%timeit run here; other magics belong to"
                + " Jupyter's Java kernels); this cell was not run.");
        assertThat(Magics.unsupported("%maven a:b:1\n%dependency /add x:y:2"))
                .hasValueSatisfying(m -> assertThat(m).startsWith("The magic %dependency is not supported"));
    }

    @Test
    void timeIsACellMagicWhoseBodyStaysJava() {
        String cell = "%%time\n%maven a:b:1\nint x = 1;";
        CellMagics.Split split = CellMagics.split(cell);

        assertThat(split.timed()).isTrue();
        assertThat(split.unsupported()).isEmpty();
        assertThat(split.lineMagics()).containsExactly(new CellMagics.Magic("maven", "a:b:1", 2));
        assertThat(split.java()).isEqualTo(" ".repeat(6) + "\n" + " ".repeat(12) + "\nint x = 1;");
        assertThat(CellMagics.split("int x = 1;\n%%time").timed()).as("below Java it is Java").isFalse();
        assertThat(CellMagics.split("int x = 1;").timed()).isFalse();
        assertThat(Magics.unsupported("%%time\n%%bash\necho")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("The magic %%bash is not supported"));
    }

    @Test
    void timeitIsALineMagicAndACellMagic() {
        CellMagics.Split line = CellMagics.split("int n = 20;\n%timeit -n 5 fib(n)\nint after = 1;");
        assertThat(line.unsupported()).isEmpty();
        assertThat(line.lineMagics()).containsExactly(new CellMagics.Magic("timeit", "-n 5 fib(n)", 2));

        CellMagics.Split cell = CellMagics.split("%%timeit int[] a = new int[9];\nArrays.sort(a);");
        assertThat(cell.unsupported()).isEmpty();
        assertThat(cell.cellMagic("timeit")).hasValue(new CellMagics.Magic("%timeit", "int[] a = new int[9];", 1));
        assertThat(cell.cellMagic("time")).isEmpty();
        assertThat(cell.java()).endsWith("\nArrays.sort(a);");
    }

    @Test
    void javaIsNotAMagicEvenWithAPercentInside() {
        assertThat(Magics.unsupported("int r = 7 % 3;")).isEmpty();
        assertThat(Magics.unsupported("String s = \"\"\"\n%d items\n\"\"\";")).isEmpty();
        assertThat(Magics.unsupported("int x = 1;\n%%bash")).isEmpty();
        assertThat(Magics.unsupported("")).isEmpty();
        assertThat(CellMagics.split("int r = 7\n  % 3;").magics()).isEmpty();
    }

    @Test
    void theJavaUnderTheMagicsKeepsItsPositions() {
        String cell = "// deps\n%maven a:b:1 c:d:2\n\nint x = 1;\n% 2";
        CellMagics.Split split = CellMagics.split(cell);

        assertThat(split.magics()).containsExactly(new CellMagics.Magic("maven", "a:b:1 c:d:2", 2));
        assertThat(split.java()).hasSameSizeAs(cell).isEqualTo("// deps\n" + " ".repeat(18) + "\n\nint x = 1;\n% 2");
    }

    @Test
    void aLineMagicBelowJavaIsFoundWhereAStatementMayStartAndNotInsideATextBlock() {
        String cell = "int x = 1;\n  %maven a:b:1\nString s = \"\"\"\n%d items\n\"\"\";\nint r = 7\n%jars x.jar;\n"
                + "/*\n%classpath c\n*/\n%classpath lib";
        CellMagics.Split split = CellMagics.split(cell);

        assertThat(split.magics()).containsExactly(new CellMagics.Magic("maven", "a:b:1", 2),
                new CellMagics.Magic("classpath", "lib", 11));
        assertThat(split.java()).hasSameSizeAs(cell).startsWith("int x = 1;\n" + " ".repeat(14) + "\nString s");
        assertThat(CellMagics.split("for (int i = 0; i < 3; i++) {\n%jars x.jar\n}\n%jars y.jar").magics())
                .as("inside braces a % line is Java").containsExactly(new CellMagics.Magic("jars", "y.jar", 4));
        assertThat(Magics.unsupported("int x = 1;\n%time x")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("The magic %time is not supported"));
    }
}
