package lessonbook.cli.grade;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/**
 * The student's code for each exercise, by exercise id. An exercise cell whose id the lesson does not know (a
 * tool that renamed it) is matched by its place among the submission's exercises; only exercise cells are
 * taken, so a student who edited the checks or the lesson's other code changes nothing the grade depends on.
 */
final class SubmittedAnswers {
    private SubmittedAnswers() {
    }

    static Map<String, String> of(Notebook submission, GradedLesson lesson) {
        List<CodeCell> exercises = submission.codeCells().stream().filter(c -> c.role().isExercise()).toList();
        Set<String> known = new HashSet<>();
        lesson.segments().forEach(s -> known.add(s.id()));
        Map<String, String> answers = new HashMap<>();
        for (CodeCell cell : exercises) {
            if (known.contains(cell.role().exerciseId())) {
                answers.putIfAbsent(cell.role().exerciseId(), cell.source());
            }
        }
        for (int i = 0; i < exercises.size() && i < lesson.segments().size(); i++) {
            CodeCell cell = exercises.get(i);
            if (!known.contains(cell.role().exerciseId())) {
                answers.putIfAbsent(lesson.segments().get(i).id(), cell.source());
            }
        }
        return answers;
    }
}
