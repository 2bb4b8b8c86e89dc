package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code student} and {@code grade} as a teacher runs them: separate JVMs, the files they write, exit codes. */
class StudentAndGradeCommandTest {
    @TempDir
    Path dir;

    @Test
    void theStudentCopyCompilesFailsItsChecksAndTheTeachersCopyPassesInTheCsv() throws Exception {
        Path teacher = dir.resolve("teacher.md");
        try (InputStream in = getClass().getResourceAsStream("/exercises/two-exercises.md")) {
            Files.write(teacher, in.readAllBytes());
        }

        LessonbookCli.Run student = LessonbookCli.run(dir, "student", teacher.toString(), "--output",
                dir.resolve("student.md").toString());

        assertThat(student.exitCode()).as(student.stderr()).isZero();
        assertThat(student.stdout()).contains("(2 exercises)");
        String copy = Files.readString(dir.resolve("student.md"));
        assertThat(copy).doesNotContain("2 * x").doesNotContain("BigInteger f = BigInteger.ONE")
                .contains("// YOUR CODE HERE").contains("Check.equal(\"twice(21)\", 42, twice(21));")
                .contains("```java exercise\n").contains("```java check points=2\n");
        Files.copy(teacher, dir.resolve("ann.md"));
        Path csv = dir.resolve("grades.csv");

        LessonbookCli.Run grade = LessonbookCli.run(dir, "grade", teacher.toString(),
                dir.resolve("student.md").toString(), dir.resolve("ann.md").toString(), "--csv", csv.toString(),
                "--cell-timeout", "30");

        assertThat(grade.exitCode()).as(grade.stderr()).isZero();
        assertThat(grade.stdout()).contains("2 submission(s), 2 of 4 exercises passed");
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).containsExactly(
                "student,exercise,passed,points,message",
                "student,exercise-1,false,0,the checks stopped on java.lang.UnsupportedOperationException: exercise not done yet",
                "student,factorial,false,0,the checks stopped on java.lang.UnsupportedOperationException: exercise not done yet",
                "ann,exercise-1,true,2,2 of 2 checks passed",
                "ann,factorial,true,1,2 of 2 checks passed");
    }

    @Test
    void unpairedMarkersAreRefusedWithExitCodeTwo() throws Exception {
        Path lesson = Files.writeString(dir.resolve("bad.md"),
                "```java exercise\nint x;\n// BEGIN SOLUTION\nx = 1;\n```\n");

        LessonbookCli.Run run = LessonbookCli.run(dir, "student", lesson.toString(), "--output",
                dir.resolve("out.md").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("exercise exercise-1, line 2: // BEGIN SOLUTION is never ended");
    }
}
