package lessonbook.cli.grade;

import java.util.List;

import lessonbook.model.CodeCell;
import lessonbook.model.Diagnostic;
import lessonbook.model.Output;

/**
 * Whether an exercise passed, from the outputs of the student's exercise cell and of the teacher's checks run
 * after it. It passes when every check passed, at least one ran, and nothing failed on the way; the message
 * names the first thing that went wrong, cause before consequence (a compile error in the exercise before the
 * checks that then could not compile).
 */
final class ExerciseVerdict {
    private ExerciseVerdict() {
    }

    static GradeRow of(String student, GradedLesson.Segment segment, CodeCell exercise, List<CodeCell> checks) {
        String why = problem(exercise.outputs(), "");
        for (CodeCell check : checks) {
            if (why == null) {
                why = problem(check.outputs(), "the checks ");
            }
        }
        long total = 0;
        long failed = 0;
        Output.Check firstFailed = null;
        for (CodeCell check : checks) {
            for (Output output : check.outputs()) {
                if (output instanceof Output.Check c) {
                    total++;
                    if (!c.passed()) {
                        failed++;
                        firstFailed = firstFailed == null ? c : firstFailed;
                    }
                }
            }
        }
        if (why == null && firstFailed != null) {
            why = firstFailed.text().strip() + (failed > 1 ? " (and " + (failed - 1) + " more failed)" : "");
        }
        if (why == null && total == 0) {
            why = "no check ran";
        }
        if (why != null) {
            return new GradeRow(student, segment.id(), false, 0, why);
        }
        return new GradeRow(student, segment.id(), true, segment.points(),
                total + " of " + total + " check" + (total == 1 ? "" : "s") + " passed");
    }

    /**
     * Which of a cell's notices says best why it stopped: its System.exit (which a cell cut by the timeout may
     * report after the timeout's note), then the timeout, then the kernel's own ("Interrupted.", which may
     * arrive before the timeout's note).
     */
    private static int weight(String notice) {
        return notice.contains("System.exit") ? 2 : notice.contains("longer than") ? 1 : 0;
    }

    /** What stopped a cell: a compile error, a notice (timeout, System.exit, kernel died), an exception. */
    private static String problem(List<Output> outputs, String whose) {
        for (Output output : outputs) {
            if (output instanceof Output.CompileError compileError && compileError.failed()) {
                String first = compileError.diagnostics().stream().filter(Diagnostic::error).findFirst()
                        .map(d -> "line " + d.line() + ": " + d.message()).orElse("");
                return (whose.isEmpty() ? "does not compile: " : whose + "do not compile against it: ") + first;
            }
        }
        String notice = null;
        for (Output output : outputs) {
            if (output instanceof Output.Notice n && (notice == null || weight(n.message()) > weight(notice))) {
                notice = n.message();
            }
        }
        if (notice != null) {
            return (whose.isEmpty() ? "" : "in " + whose.strip() + ": ") + notice;
        }
        for (Output output : outputs) {
            if (output instanceof Output.Error error) {
                return (whose.isEmpty() ? "threw " : whose + "stopped on ") + error.exceptionType()
                        + (error.message() == null ? "" : ": " + error.message());
            }
        }
        return null;
    }
}
