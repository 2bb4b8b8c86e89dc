package lessonbook.format.ipynb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lessonbook.format.files.Exporter;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.CellRole;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/** Exercise and check cells, and check results, as lesson files, notebooks and pages keep them. */
class ExerciseFilesTest {
    private static final String LESSON = """
            # Exercises

            ```java
            int base = 10;
            ```

            ```java exercise
            static int twice(int x) {
                // BEGIN SOLUTION
                return 2 * x;
                // END SOLUTION
            }
            ```

            ```java check points=2
            Check.equal("twice(21)", 42, twice(21));
            Check.that("twice(0) is 0", twice(0) == 0);
            ```
            ```checks
            | result | check         | expected | actual |
            | ------ | ------------- | -------- | ------ |
            | passed | twice(21)     | 42       | 42     |
            | failed | twice(0) is 0 |          |        |
            ```

            ```java exercise id=factorial
            static long factorial(int n) { return n; }
            ```

            ```java check
            Check.equal("name", "a|b", "a|c");
            ```

            Prose shows the fence: ```java exercise prose``` stays prose.

            ```java exercise prose
            not a cell
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void fencesGiveEachCodeCellItsRoleAndChecksTheirExerciseAndPoints() throws Exception {
        Notebook lesson = LessonFiles.read(write("lesson.md", LESSON));

        List<CodeCell> code = lesson.codeCells();
        assertThat(code).extracting(CodeCell::role).containsExactly(CellRole.PLAIN, CellRole.exercise("exercise-1"),
                CellRole.check("exercise-1", 2), CellRole.exercise("factorial"), CellRole.check("factorial", 1));
        assertThat(code.get(2).outputs()).containsExactly(new Output.Check("twice(21)", true, "42", "42"),
                new Output.Check("twice(0) is 0", false, null, null));
        assertThat(lesson.cells().get(lesson.cells().size() - 1).source()).contains("```java exercise prose");
    }

    @Test
    void anUneditedLessonWithExercisesSavesToTheSameBytes() throws Exception {
        Path file = write("lesson.md", LESSON);

        LessonFiles.write(file, LessonFiles.read(file));

        assertThat(Files.readString(file)).isEqualTo(LESSON);
    }

    @Test
    void rolesAndCheckResultsRoundTripThroughIpynbAsNbgraderMetadata() throws Exception {
        Notebook lesson = LessonFiles.read(write("lesson.md", LESSON));
        Path ipynb = dir.resolve("lesson.ipynb");
        LessonFiles.write(ipynb, lesson);

        JsonNode cells = new ObjectMapper().readTree(Files.readString(ipynb)).get("cells");
        JsonNode exercise = cells.get(2).path("metadata").path("nbgrader");
        JsonNode check = cells.get(3).path("metadata").path("nbgrader");
        assertThat(exercise.path("solution").asBoolean()).isTrue();
        assertThat(exercise.path("grade").asBoolean()).isFalse();
        assertThat(exercise.path("grade_id").asText()).isEqualTo("exercise-1");
        assertThat(check.path("grade").asBoolean()).isTrue();
        assertThat(check.path("solution").asBoolean()).isFalse();
        assertThat(check.path("points").asInt()).isEqualTo(2);
        assertThat(check.path("grade_id").asText()).isEqualTo("exercise-1-check");
        assertThat(cells.get(3).path("outputs").toString()).contains("[failed] twice(0) is 0");
        NbformatCheck.assertValid(new ObjectMapper().readTree(Files.readString(ipynb)));

        Notebook back = LessonFiles.read(ipynb);
        assertThat(back.codeCells()).extracting(CodeCell::role)
                .containsExactlyElementsOf(lesson.codeCells().stream().map(CodeCell::role).toList());
        assertThat(back.codeCells().get(2).outputs()).containsExactlyElementsOf(lesson.codeCells().get(2).outputs());

        Path md = dir.resolve("again.md");
        LessonFiles.write(md, back);
        String again = Files.readString(md);
        assertThat(again).contains("```java exercise\n").contains("```java check points=2\n")
                .contains("```java exercise id=factorial\n").contains("```java check\n")
                .contains("| failed | twice(0) is 0 |");
        assertThat(LessonFiles.read(md).codeCells()).extracting(CodeCell::role)
                .containsExactlyElementsOf(lesson.codeCells().stream().map(CodeCell::role).toList());
    }

    @Test
    void nbgraderMetadataAnotherToolWroteIsKeptAsItWas() throws Exception {
        Map<String, Object> nbgrader = Map.of("solution", true, "grade", false, "grade_id", "sq", "locked", false,
                "schema_version", 3, "task", false);
        Notebook notebook = new Notebook(List.of(new CodeCell("c1", "int sq(int x) { return x * x; }", List.of(),
                null, Map.of("nbgrader", nbgrader))));
        Path ipynb = dir.resolve("other.ipynb");
        LessonFiles.write(ipynb, notebook);

        Notebook back = LessonFiles.read(ipynb);
        assertThat(back.codeCells().get(0).role()).isEqualTo(CellRole.exercise("sq"));
        assertThat(back.codeCells().get(0).metadata().get("nbgrader")).isEqualTo(nbgrader);
    }

    @Test
    void theHtmlPageShowsEachCheckPassedOrFailedAndNamesTheCellsRoles() throws Exception {
        Path file = write("lesson.md", LESSON);
        Path html = Exporter.export(file, "html", dir.resolve("lesson.html"));

        String page = Files.readString(html);
        assertThat(page).contains("<pre class=\"output check passed\">[passed] twice(21): 42")
                .contains("<pre class=\"output check failed\">[failed] twice(0) is 0")
                .contains("exercise exercise-1").contains("checks of exercise-1 (2 points)");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
