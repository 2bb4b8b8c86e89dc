package lessonbook.cli.grade;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import lessonbook.cli.headless.HeadlessRun;
import lessonbook.kernel.client.Kernel;
import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/**
 * Grades one submission in a kernel of its own: for each exercise, the teacher's plain cells, the student's
 * exercise cell, then the teacher's checks (never the student's copy of them), through the same headless run
 * as {@code lessonbook run}, every cell under the cell timeout. A cell that ended in a notice (a timeout, a
 * {@code System.exit}, a kernel that died) may have cost the kernel its definitions, so the next exercise first
 * runs the teacher's plain cells again: one student's crash costs them that exercise, not the ones after it.
 */
final class SubmissionGrader {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private final GradedLesson lesson;
    private final Supplier<Kernel> kernels;
    private final Duration cellTimeout;

    SubmissionGrader(GradedLesson lesson, Supplier<Kernel> kernels, Duration cellTimeout) {
        this.lesson = lesson;
        this.kernels = kernels;
        this.cellTimeout = cellTimeout;
    }

    List<GradeRow> grade(String student, Notebook submission) {
        Map<String, String> answers = SubmittedAnswers.of(submission, lesson);
        List<GradeRow> rows = new ArrayList<>();
        List<CodeCell> ranBefore = new ArrayList<>();
        boolean replay = false;
        try (Kernel kernel = kernels.get()) {
            for (GradedLesson.Segment segment : lesson.segments()) {
                String answer = answers.get(segment.id());
                List<Cell> cells = new ArrayList<>();
                if (replay) {
                    cells.addAll(ranBefore);
                }
                cells.addAll(segment.before());
                CodeCell exercise = answer == null ? null : new CodeCell(segment.exercise().id(), answer);
                if (exercise != null) {
                    cells.add(exercise);
                    cells.addAll(segment.after());
                } else {
                    segment.after().stream().filter(c -> !c.role().isCheck()).forEach(cells::add);
                }
                Notebook ran = new HeadlessRun(kernel, DISCARD, cellTimeout, true).run(new Notebook(cells)).notebook();
                rows.add(exercise == null
                        ? new GradeRow(student, segment.id(), false, 0, "missing: the submission has no exercise "
                                + segment.id())
                        : ExerciseVerdict.of(student, segment, cell(ran, exercise.id()), checks(ran, segment)));
                replay = ran.codeCells().stream().anyMatch(SubmissionGrader::endedInNotice);
                ranBefore.addAll(segment.plainCells());
            }
        }
        return rows;
    }

    /** The rows of a submission that could not be read: every exercise 0, with why. */
    List<GradeRow> unreadable(String student, String why) {
        return lesson.segments().stream()
                .map(s -> new GradeRow(student, s.id(), false, 0, "could not be read: " + why)).toList();
    }

    private static boolean endedInNotice(CodeCell cell) {
        return cell.outputs().stream().anyMatch(Output.Notice.class::isInstance);
    }

    private static CodeCell cell(Notebook ran, String id) {
        return (CodeCell) ran.cell(id).orElseThrow();
    }

    private static List<CodeCell> checks(Notebook ran, GradedLesson.Segment segment) {
        return segment.after().stream().filter(c -> c.role().isCheck()).map(c -> cell(ran, c.id())).toList();
    }
}
