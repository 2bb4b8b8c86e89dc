package lessonbook.model;

import java.io.Serializable;
import java.util.List;

/**
 * What a code cell shows after (or while) it runs: a closed set, so every view and every file format can
 * handle each kind explicitly. Every output has a plain-text form, used by the headless runner, the lesson
 * file and as the fallback of any richer view.
 */
public sealed interface Output extends Serializable {

    /** Plain text as a reader sees it; ends with a newline unless the output was a partial line. */
    String text();

    /** Text written by the cell to System.out or System.err (any thread it started). */
    record Stream(StreamName stream, String text) implements Output {
    }

    /**
     * The value of an expression statement, shown as jshell does: {@code $3 ==> 42}, {@code $4 ==> "abc"}.
     * {@code notebookText} is the result a Jupyter Java kernel (IJava, JJava) saves for the same expression: the
     * value's {@code toString()}, so {@code abc} for that string; null when it saves none (a null value).
     */
    record Value(String name, String typeName, String value, String notebookText) implements Output {
        /** A value known only by its jshell form (read from a lesson file): its notebook text is derived. */
        public Value(String name, String typeName, String value) {
            this(name, typeName, value, notebookTextOf(typeName, value));
        }

        /**
         * jshell writes a null reference as {@code null}, a string as {@code "..."} and a char as {@code 'c'},
         * escaping backslashes and quotes inside: so null is exact, and so is a quoted string or char with no
         * backslash in it (of a string or char type, or of no known type, as read from a lesson file).
         */
        private static String notebookTextOf(String typeName, String jshellValue) {
            if ("null".equals(jshellValue)) {
                return null;
            }
            boolean textType = typeName == null || typeName.isEmpty() || typeName.equals("String")
                    || typeName.equals("char") || typeName.equals("Character");
            if (textType && jshellValue.length() >= 2 && jshellValue.indexOf('\\') < 0
                    && (jshellValue.startsWith("\"") && jshellValue.endsWith("\"")
                            || jshellValue.length() == 3 && jshellValue.startsWith("'") && jshellValue.endsWith("'"))) {
                return jshellValue.substring(1, jshellValue.length() - 1);
            }
            return jshellValue;
        }

        @Override
        public String text() {
            return name + " ==> " + value + "\n";
        }
    }

    /**
     * jshell's feedback on a snippet, in its words: "created method factorial(long)", "replaced class Pet",
     * "  update replaced variable pet, reset to null", or a declared variable's value ("count ==> 5").
     * Lessonbook's annotation, not something the program printed: shown in the app and kept in a lesson file
     * (marked by the bar), never saved as an output of a notebook.
     */
    record Info(String message) implements Output {
        @Override
        public String text() {
            return "|  " + message + "\n";
        }
    }

    /**
     * javac's diagnostics on a snippet. With an error among them the cell did not compile and nothing of it (from
     * the failing snippet on) ran; warnings only (unchecked, deprecation) come with a snippet that ran.
     */
    record CompileError(List<Diagnostic> diagnostics) implements Output {
        public CompileError {
            diagnostics = List.copyOf(diagnostics);
        }

        /** True when some diagnostic is an error: the snippet was rejected. */
        public boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::error);
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder();
            for (Diagnostic d : diagnostics) {
                text.append("|  ").append(d.error() ? "Error" : "Warning")
                        .append(" at line ").append(d.line()).append(", column ").append(d.column()).append(":\n");
                d.message().lines().forEach(l -> text.append("|  ").append(l).append('\n'));
                if (!d.excerpt().isEmpty()) {
                    d.excerpt().lines().forEach(l -> text.append("|  ").append(l).append('\n'));
                }
            }
            return text.toString();
        }
    }

    /**
     * An exception thrown by the cell, with only the user's frames ("factorial (In [2], line 4)"); a frame may also be a
     * cause ("Caused by: ...") or a marker of folded repetitions ({@link RepeatedFrames}), which print without "at".
     */
    record Error(String exceptionType, String message, List<String> frames) implements Output {
        public Error {
            frames = List.copyOf(frames);
        }

        /** A frame as a line shows it: "at factorial (In [2], line 4)", or a cause or marker as it is. */
        public static String frameLine(String frame) {
            return showsWithoutAt(frame) ? frame : "at " + frame;
        }

        /** Whether a frame is a cause or a marker, which {@link #frameLine} shows without "at" (readers ask too). */
        public static boolean showsWithoutAt(String frame) {
            return frame.startsWith(CAUSE) || RepeatedFrames.isMarker(frame);
        }

        /** How an exception's cause starts among its frames. */
        public static final String CAUSE = "Caused by: ";

        @Override
        public String text() {
            StringBuilder text = new StringBuilder("|  Exception ").append(exceptionType);
            if (message != null) {
                text.append(": ").append(message);
            }
            text.append('\n');
            frames.forEach(f -> text.append("|        ").append(frameLine(f)).append('\n'));
            return text.toString();
        }
    }

    /**
     * One line (or a partial line) printed by a worker process, tagged with its name and pid, and stamped with
     * the time the kernel read it from the worker's pipe ({@code epochMillis}; 0 when not known, as for a line
     * read back from a file), so the worker lanes place it where it happened, not where it reached the window.
     */
    record WorkerLine(String worker, long pid, StreamName stream, String line, long epochMillis) implements Output {
        public WorkerLine(String worker, long pid, StreamName stream, String line) {
            this(worker, pid, stream, line, 0);
        }

        @Override
        public String text() {
            return "[" + worker + " " + pid + "] " + line + (line.endsWith("\n") ? "" : "\n");
        }
    }

    /** A worker process started or exited; drives the worker lanes. Not part of the saved plain text. */
    record WorkerEvent(String worker, long pid, Phase phase, long epochMillis, Integer exitCode, long cpuMillis)
            implements Output {
        public enum Phase { STARTED, EXITED }

        @Override
        public String text() {
            return "";
        }
    }

    /** Something the kernel itself says about the run: interrupted, restarted, the cell called System.exit. */
    record Notice(String message) implements Output {
        @Override
        public String text() {
            return "|  " + message + "\n";
        }
    }

    /**
     * Output that was printed but not kept: a cell keeps the head and the tail of what it prints (see
     * {@link OutputBudget}), and this marker stands where the rest was, counting it. Its text form is the same in
     * the pane, in every saved file and in the headless runner's print-out, and reads back as this marker.
     */
    record Omitted(long lines, long bytes) implements Output {
        public Omitted {
            if (lines < 0 || bytes < 0) {
                throw new IllegalArgumentException("negative count: " + lines + " lines, " + bytes + " bytes");
            }
        }

        @Override
        public String text() {
            return OmittedText.format(this);
        }

        /** The marker that stands for {@code text}: its line ends and its UTF-8 bytes. */
        public static Omitted of(String text) {
            long lines = 0;
            for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
                lines++;
            }
            return new Omitted(lines, OmittedText.utf8Length(text));
        }

        public Omitted plus(Omitted other) {
            return new Omitted(lines + other.lines, bytes + other.bytes);
        }
    }

    /**
     * A table of text cells with a title, from {@code Display.table(...)}. Every row has one cell per column.
     * Its plain text (also its form in a lesson file, see {@link RichOutputText}) is an aligned grid.
     */
    record Table(String title, List<String> columns, List<List<String>> rows) implements Output {
        public Table {
            title = title == null ? "" : title;
            columns = List.copyOf(columns);
            List<List<String>> copied = new java.util.ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = List.copyOf(rows.get(r));
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row " + (r + 1) + " has " + row.size()
                            + " cells but the table has " + columns.size() + " columns");
                }
                copied.add(row);
            }
            rows = List.copyOf(copied);
        }

        @Override
        public String text() {
            return RichOutputText.table(this);
        }
    }

    /**
     * A bar or line chart of one or more named series, from {@code Display.barChart(...)} or
     * {@code Chart.bar(...)}. Its plain text (also its form in a lesson file, see {@link RichOutputText}) shows
     * a bar chart as labelled bars of block characters with their values, a line chart as its points.
     */
    record Chart(Kind kind, String title, String xLabel, String yLabel, List<Series> series) implements Output {
        public enum Kind { BAR, LINE }

        /** One named set of points; a chart with a single series may leave its name empty. */
        public record Series(String name, List<Point> points) implements Serializable {
            public Series {
                name = name == null ? "" : name;
                points = List.copyOf(points);
            }
        }

        /** A category or x value (as text, shown as given) and its value. */
        public record Point(String x, double y) implements Serializable {
            public Point {
                java.util.Objects.requireNonNull(x, "x");
            }
        }

        public Chart {
            java.util.Objects.requireNonNull(kind, "kind");
            title = title == null ? "" : title;
            xLabel = xLabel == null ? "" : xLabel;
            yLabel = yLabel == null ? "" : yLabel;
            series = List.copyOf(series);
        }

        @Override
        public String text() {
            return RichOutputText.chart(this);
        }
    }

    /**
     * The result of one check of an exercise, from {@code Check.equal} or {@code Check.that}: what was checked,
     * whether it passed, and for {@code Check.equal} the expected and actual values as text ({@code null} for
     * {@code Check.that}). A cell's checks are saved together in a block of their own (see {@code lessonbook.format.text.CheckBlock}).
     */
    record Check(String what, boolean passed, String expected, String actual) implements Output {
        public Check {
            what = what == null ? "" : what;
            if ((expected == null) != (actual == null)) {
                throw new IllegalArgumentException("a check has both an expected and an actual value, or neither");
            }
        }

        public boolean comparesValues() {
            return expected != null;
        }

        @Override
        public String text() {
            return RichOutputText.check(this);
        }
    }
}
