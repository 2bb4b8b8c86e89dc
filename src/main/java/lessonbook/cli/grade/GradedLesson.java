package lessonbook.cli.grade;

import java.util.ArrayList;
import java.util.List;

import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/**
 * The teacher's lesson as the grader runs it: one segment per exercise, each the plain code cells before the
 * exercise (since the previous one), the exercise cell, then the cells up to the next exercise, its checks
 * among them. Code after the last check is not needed to grade and is left out; prose never runs.
 */
record GradedLesson(List<Segment> segments) {

    /**
     * @param exercise the teacher's exercise cell (its source is the solution, replaced by the student's)
     * @param before   plain cells to run first
     * @param after    the cells after the exercise: its checks and any plain code between them
     */
    record Segment(CodeCell exercise, List<CodeCell> before, List<CodeCell> after) {
        String id() {
            return exercise.role().exerciseId();
        }

        int points() {
            return after.stream().filter(c -> c.role().isCheck()).mapToInt(c -> c.role().points()).sum();
        }

        List<CodeCell> plainCells() {
            List<CodeCell> plain = new ArrayList<>(before);
            after.stream().filter(c -> !c.role().isCheck()).forEach(plain::add);
            return plain;
        }
    }

    static GradedLesson of(Notebook lesson) {
        List<Segment> segments = new ArrayList<>();
        List<CodeCell> pending = new ArrayList<>();
        CodeCell exercise = null;
        List<CodeCell> before = List.of();
        List<CodeCell> after = new ArrayList<>();
        for (CodeCell cell : lesson.codeCells()) {
            if (cell.role().isExercise()) {
                if (exercise != null) {
                    segments.add(new Segment(exercise, before, withoutTrailingPlain(after)));
                    pending.addAll(after.subList(withoutTrailingPlain(after).size(), after.size()));
                }
                exercise = cell;
                before = List.copyOf(pending);
                pending.clear();
                after = new ArrayList<>();
            } else if (exercise == null) {
                pending.add(cell);
            } else {
                after.add(cell);
            }
        }
        if (exercise != null) {
            segments.add(new Segment(exercise, before, withoutTrailingPlain(after)));
        }
        return new GradedLesson(List.copyOf(segments));
    }

    /** The cells up to the last check: plain code after it belongs to the next exercise, or to none. */
    private static List<CodeCell> withoutTrailingPlain(List<CodeCell> cells) {
        int end = cells.size();
        while (end > 0 && !cells.get(end - 1).role().isCheck()) {
            end--;
        }
        return List.copyOf(cells.subList(0, end));
    }

    int totalPoints() {
        return segments.stream().mapToInt(Segment::points).sum();
    }
}
