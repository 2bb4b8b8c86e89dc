package lessonbook.cli.grade;

import java.util.List;

/**
 * The grade table as CSV (RFC 4180): a header {@code student,exercise,passed,points,message}, one row per
 * student and exercise. A field with a comma, a quote or a line break is quoted, quotes doubled. A field that
 * a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @} first) gets a leading
 * {@code '}: the message quotes what a submission printed, and opening the file must not run it.
 */
public final class GradeCsv {
    public static final String HEADER = "student,exercise,passed,points,message";

    private GradeCsv() {
    }

    public static String of(List<GradeRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (GradeRow row : rows) {
            csv.append(field(row.student())).append(',').append(field(row.exercise())).append(',')
                    .append(row.passed()).append(',').append(row.points()).append(',')
                    .append(field(row.message())).append("\r\n");
        }
        return csv.toString();
    }

    static String field(String text) {
        String value = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
