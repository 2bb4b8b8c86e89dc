package lessonbook.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import lessonbook.format.LessonFormatException;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.Notebook;
import lessonbook.model.StudentVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lessonbook student LESSON --output STUDENT.md}: the copy of a lesson with exercises to hand out. */
@Command(name = "student", mixinStandardHelpOptions = true,
        description = "Write the students' copy of a lesson: the code between // BEGIN SOLUTION and "
                + "// END SOLUTION replaced by a placeholder that compiles, the checks kept, the outputs of "
                + "exercises and checks cleared.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:the lesson could not be read or written, or its markers are not paired"})
final class StudentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LESSON", description = "The teacher's lesson (.md or .ipynb).")
    Path lesson;

    @Option(names = "--output", required = true, paramLabel = "STUDENT",
            description = "Where to write the students' copy (.md or .ipynb).")
    Path output;

    @Override
    public Integer call() {
        try {
            Notebook teacher = LessonFiles.read(lesson);
            Notebook student = StudentVersion.of(teacher);
            LessonFiles.write(output, student);
            long exercises = StudentVersion.exercises(teacher);
            System.out.println("Wrote " + output + " (" + exercises + " exercise" + (exercises == 1 ? "" : "s") + ")");
            if (exercises == 0) {
                System.err.println("lessonbook: " + lesson + " has no ```java exercise cell; the copy is the lesson"
                        + " without changes");
            }
            return 0;
        } catch (LessonFormatException e) {
            System.err.println("lessonbook: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("lessonbook: " + lesson + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("lessonbook: cannot write " + output + ": " + e.getMessage());
            return 2;
        }
    }
}
