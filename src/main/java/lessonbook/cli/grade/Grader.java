package lessonbook.cli.grade;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import lessonbook.format.LessonFormatException;
import lessonbook.format.files.LessonFiles;
import lessonbook.kernel.client.Kernel;
import lessonbook.model.Notebook;

/**
 * Grades submissions against a lesson's checks, each submission in a kernel of its own, at most {@code jobs}
 * kernels at a time (one per core by default: a kernel runs one cell at a time, so more would only share the
 * cores). Rows come back in the order of the submissions, then of the lesson's exercises.
 */
public final class Grader {
    private final GradedLesson lesson;
    private final SubmissionGrader grader;
    private final int jobs;

    public Grader(Notebook lesson, Supplier<Kernel> kernels, Duration cellTimeout, int jobs) {
        this.lesson = GradedLesson.of(lesson);
        this.grader = new SubmissionGrader(this.lesson, kernels, cellTimeout);
        this.jobs = Math.max(1, jobs);
    }

    public int exercises() {
        return lesson.segments().size();
    }

    public List<GradeRow> grade(List<Path> submissions) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, submissions.size())), r -> {
            Thread t = new Thread(r, "lessonbook-grade");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<GradeRow>>> graded = new ArrayList<>();
            for (Path submission : submissions) {
                graded.add(pool.submit(() -> gradeOne(submission)));
            }
            List<GradeRow> rows = new ArrayList<>();
            for (int i = 0; i < graded.size(); i++) {
                try {
                    rows.addAll(graded.get(i).get());
                } catch (ExecutionException e) {
                    rows.addAll(grader.unreadable(studentName(submissions.get(i)),
                            "grading failed: " + e.getCause()));
                }
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<GradeRow> gradeOne(Path submission) {
        String student = studentName(submission);
        Notebook notebook;
        try {
            notebook = LessonFiles.read(submission);
        } catch (LessonFormatException | IOException e) {
            return grader.unreadable(student, e.getMessage());
        }
        return grader.grade(student, notebook);
    }

    /** The submission's file name without its extension: {@code alice.md} is alice. */
    static String studentName(Path submission) {
        String name = submission.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
