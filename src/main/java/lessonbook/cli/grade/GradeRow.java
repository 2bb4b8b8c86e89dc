package lessonbook.cli.grade;

/** One student's result on one exercise: a row of the grade CSV. */
public record GradeRow(String student, String exercise, boolean passed, int points, String message) {
    /** A message stays one line and short, whatever a submission printed. */
    static final int MAX_MESSAGE = 300;

    public GradeRow {
        message = oneLine(message == null ? "" : message);
    }

    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
