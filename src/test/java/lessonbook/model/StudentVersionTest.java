package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StudentVersionTest {
    private static final String TWICE = """
            static int twice(int x) {
                // BEGIN SOLUTION
                return 2 * x;
                // END SOLUTION
            }""";

    @Test
    void aSolutionEndingItsBlockBecomesAThrowIndentedAsTheMarker() {
        assertThat(SolutionRegions.withPlaceholders(TWICE)).isEqualTo("""
                static int twice(int x) {
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException("exercise not done yet");
                }""");
    }

    @Test
    void aSolutionWithCodeAfterItInTheBlockThrowsWithoutMakingThatCodeUnreachable() {
        String source = """
                static int sum(int[] xs) {
                    int total = 0;
                    // BEGIN SOLUTION
                    for (int x : xs) total += x;
                    // END SOLUTION
                    return total;
                }""";

        assertThat(SolutionRegions.withPlaceholders(source)).contains(
                "    // YOUR CODE HERE\n    if (true) throw new UnsupportedOperationException(\"exercise not done yet\");\n"
                        + "    return total;");
    }

    @Test
    void unpairedMarkersAreRefusedNamingTheExerciseAndLine() {
        CodeCell open = new CodeCell("e", "int x;\n// BEGIN SOLUTION\nx = 1;").withRole(CellRole.exercise("ex"));

        assertThatThrownBy(() -> StudentVersion.of(new Notebook(List.of(open))))
                .hasMessage("exercise ex, line 2: // BEGIN SOLUTION is never ended by // END SOLUTION");
        assertThatThrownBy(() -> SolutionRegions.withPlaceholders("x = 1;\n// END SOLUTION"))
                .hasMessageContaining("line 2");
    }

    @Test
    void exercisesLoseTheirSolutionAndOutputsChecksTheirOutputsOtherCellsStay() {
        CodeCell plain = new CodeCell("p", "int base = 1;", List.of(new Output.Value("base", "int", "1")), 1, Map.of());
        CodeCell exercise = new CodeCell("e", TWICE, List.of(new Output.Info("created method twice(int)")), 2,
                Map.of()).withRole(CellRole.exercise("ex"));
        CodeCell check = new CodeCell("c", "Check.equal(\"t\", 4, twice(2));",
                List.of(new Output.Check("t", true, "4", "4")), 3, Map.of()).withRole(CellRole.check("ex", 2));

        Notebook student = StudentVersion.of(new Notebook(List.of(plain, exercise, check)));

        List<CodeCell> cells = student.codeCells();
        assertThat(cells.get(0)).isEqualTo(plain);
        assertThat(cells.get(1).source()).doesNotContain("2 * x").contains("// YOUR CODE HERE");
        assertThat(cells.get(1).outputs()).isEmpty();
        assertThat(cells.get(1).executionCount()).isNull();
        assertThat(cells.get(1).role()).isEqualTo(CellRole.exercise("ex"));
        assertThat(cells.get(2).source()).isEqualTo(check.source());
        assertThat(cells.get(2).outputs()).isEmpty();
        assertThat(cells.get(2).role()).isEqualTo(CellRole.check("ex", 2));
    }
}
