package lessonbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import lessonbook.cli.grade.GradeCsv;
import lessonbook.cli.grade.GradeRow;
import lessonbook.cli.grade.Grader;
import lessonbook.cli.grade.GradingKernels;
import lessonbook.format.AtomicFileWriter;
import lessonbook.format.LessonFormatException;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.Notebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lessonbook grade LESSON SUBMISSION...}: runs each student's exercises against the teacher's checks. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Run each submission's exercise cells against the checks of LESSON (never the submission's "
                + "own copy of them), each submission in a kernel of its own, in parallel, and write one CSV row "
                + "per student and exercise: student,exercise,passed,points,message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every submission graded (whatever the students' results)",
                "2:the lesson could not be read, has no exercise, or the CSV could not be written"})
final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LESSON", description = "The teacher's lesson, with its solutions and checks.")
    Path lesson;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SUBMISSION",
            description = "The students' files (.md or .ipynb); the file name, without extension, names the student.")
    List<Path> submissions;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the CSV to OUT (default: standard output).")
    Path csv;

    @Option(names = "--cell-timeout", paramLabel = "S", defaultValue = "30",
            description = "Interrupt a cell that runs longer; its exercise gets 0 (default: ${DEFAULT-VALUE} s).")
    double cellTimeoutSeconds;

    @Option(names = "--jobs", paramLabel = "N", description = "Kernels at a time (default: one per core).")
    Integer jobs;

    @Override
    public Integer call() throws InterruptedException {
        Notebook teacher;
        try {
            teacher = LessonFiles.read(lesson);
        } catch (LessonFormatException e) {
            System.err.println("lessonbook: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("lessonbook: cannot read " + lesson + ": " + e.getMessage());
            return 2;
        }
        int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Grader grader = new Grader(teacher, GradingKernels.fresh(),
                Duration.ofMillis((long) (cellTimeoutSeconds * 1000)), parallel);
        if (grader.exercises() == 0) {
            System.err.println("lessonbook: " + lesson + " has no ```java exercise cell to grade");
            return 2;
        }
        List<GradeRow> rows = grader.grade(submissions);
        String table = GradeCsv.of(rows);
        if (csv == null) {
            System.out.print(table);
            System.out.flush();
            return 0;
        }
        try {
            AtomicFileWriter.write(csv, table.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("lessonbook: cannot write " + csv + ": " + e.getMessage());
            return 2;
        }
        long passed = rows.stream().filter(GradeRow::passed).count();
        System.out.println("Wrote " + csv + ": " + submissions.size() + " submission(s), " + passed + " of "
                + rows.size() + " exercises passed");
        return 0;
    }
}
