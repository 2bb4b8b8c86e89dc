package lessonbook.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GradeCsvTest {
    @Test
    void fieldsWithCommasQuotesOrFormulasAreQuotedAndMessagesStayOneLine() {
        String csv = GradeCsv.of(List.of(
                new GradeRow("ann", "ex-1", true, 2, "2 of 2 checks passed"),
                new GradeRow("o'neil, bob", "ex-1", false, 0, "[failed] name: expected \"a\" but was \"b\"\nmore"),
                new GradeRow("=cmd", "ex-1", false, 0, "-1 points")));

        assertThat(csv).isEqualTo("student,exercise,passed,points,message\r\n"
                + "ann,ex-1,true,2,2 of 2 checks passed\r\n"
                + "\"o'neil, bob\",ex-1,false,0,\"[failed] name: expected \"\"a\"\" but was \"\"b\"\" more\"\r\n"
                + "'=cmd,ex-1,false,0,'-1 points\r\n");
    }
}
