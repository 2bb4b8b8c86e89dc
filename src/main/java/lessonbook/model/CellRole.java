package lessonbook.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a code cell is for in a lesson with exercises: plain code, an exercise (the student's code), or the
 * checks of the exercise before it. The role lives in the cell's metadata as nbgrader keeps it, so a notebook
 * carries it to and from Jupyter unchanged: an exercise is an nbgrader "autograded answer"
 * ({@code solution: true, grade: false}), a check cell an "autograder tests" cell ({@code solution: false,
 * grade: true, points}); {@code grade_id} holds the exercise's id (its check cell's is the id plus
 * {@value #CHECK_SUFFIX}, as nbgrader wants every grade_id unique).
 *
 * @param exerciseId the exercise this cell is or checks; empty for a plain cell
 * @param points     what passing the checks is worth; 0 for an exercise or plain cell
 */
public record CellRole(Kind kind, String exerciseId, int points) {
    public enum Kind { PLAIN, EXERCISE, CHECK }

    public static final String NBGRADER = "nbgrader";
    public static final String CHECK_SUFFIX = "-check";
    public static final CellRole PLAIN = new CellRole(Kind.PLAIN, "", 0);
    /** The points a check cell is worth when its fence does not say. */
    public static final int DEFAULT_POINTS = 1;

    public CellRole {
        Objects.requireNonNull(kind, "kind");
        exerciseId = exerciseId == null ? "" : exerciseId;
        if (points < 0) {
            throw new IllegalArgumentException("negative points: " + points);
        }
    }

    public static CellRole exercise(String id) {
        return new CellRole(Kind.EXERCISE, id, 0);
    }

    public static CellRole check(String exerciseId, int points) {
        return new CellRole(Kind.CHECK, exerciseId, points);
    }

    public boolean isExercise() {
        return kind == Kind.EXERCISE;
    }

    public boolean isCheck() {
        return kind == Kind.CHECK;
    }

    /** The role a cell's metadata gives it; a cell without nbgrader metadata (or any prose cell) is plain. */
    public static CellRole of(Cell cell) {
        if (!(cell instanceof CodeCell) || !(cell.metadata().get(NBGRADER) instanceof Map<?, ?> nbgrader)) {
            return PLAIN;
        }
        String gradeId = nbgrader.get("grade_id") instanceof String s ? s : "";
        if (Boolean.TRUE.equals(nbgrader.get("solution"))) {
            return exercise(gradeId);
        }
        if (Boolean.TRUE.equals(nbgrader.get("grade"))) {
            String exercise = gradeId.endsWith(CHECK_SUFFIX)
                    ? gradeId.substring(0, gradeId.length() - CHECK_SUFFIX.length()) : gradeId;
            int points = nbgrader.get("points") instanceof Number n ? Math.max(0, n.intValue()) : 0;
            return check(exercise, points);
        }
        return PLAIN;
    }

    /** {@code metadata} with this role in it (nbgrader's keys; a plain role removes them). */
    public Map<String, Object> appliedTo(Map<String, Object> metadata) {
        Map<String, Object> next = new LinkedHashMap<>(metadata);
        if (kind == Kind.PLAIN) {
            next.remove(NBGRADER);
            return java.util.Collections.unmodifiableMap(next);
        }
        Map<String, Object> nbgrader = new LinkedHashMap<>();
        nbgrader.put("grade", kind == Kind.CHECK);
        nbgrader.put("grade_id", kind == Kind.CHECK ? exerciseId + CHECK_SUFFIX : exerciseId);
        nbgrader.put("locked", kind == Kind.CHECK);
        if (kind == Kind.CHECK) {
            nbgrader.put("points", points);
        }
        nbgrader.put("schema_version", 3);
        nbgrader.put("solution", kind == Kind.EXERCISE);
        next.put(NBGRADER, java.util.Collections.unmodifiableMap(nbgrader));
        return java.util.Collections.unmodifiableMap(next);
    }
}
