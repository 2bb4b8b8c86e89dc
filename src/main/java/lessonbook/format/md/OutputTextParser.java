package lessonbook.format.md;

import java.util.ArrayList;
import java.util.List;

import lessonbook.model.Diagnostic;
import lessonbook.model.OmittedText;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * Turns a saved output block back into outputs. The block holds only plain text, so this recognises the forms
 * the outputs print themselves in ({@code x ==> 42}, {@code |  Exception ...}, {@code |  Error at line ...},
 * {@code [worker-1 4242] ...}, {@code |  ...}) and keeps the rest as standard output. Whatever it recognises
 * must print back exactly as read: a candidate whose text differs from the lines it came from stays plain
 * text, so the output block of a saved lesson never changes by being read.
 */
public final class OutputTextParser {
    private static final String BAR = "|  ";
    private static final String FRAME_INDENT = "|        ";
    private static final String FRAME = FRAME_INDENT + "at ";
    /** jshell's caret line under a diagnostic's span: {@code ^}, {@code ^--^}, or {@code ^--...} past the line. */
    private static final java.util.regex.Pattern CARET = java.util.regex.Pattern.compile("[ \t]*\\^(-*\\^|-*\\.\\.\\.)?");

    private final List<String> lines;
    private final String source;
    private final List<Output> outputs = new ArrayList<>();
    private final StringBuilder plain = new StringBuilder();
    private int next;
    private List<Integer> lineStarts;

    private OutputTextParser(String text, String source) {
        this.lines = splitKeepingNewlines(text);
        this.source = source;
    }

    /** @param source the cell's code, to place compile errors in it */
    public static List<Output> parse(String text, String source) {
        if (text.isEmpty()) {
            return List.of();
        }
        return new OutputTextParser(text, source).parse();
    }

    /**
     * Stream text as read from a notebook: only worker lines ({@code [worker-1 4242] ...}) are recognised, the
     * rest stays text of {@code stream}, so a program's own output is never taken for a value or an error.
     */
    public static List<Output> parseStream(String text, StreamName stream) {
        List<Output> outputs = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (String line : splitKeepingNewlines(text)) {
            Output worker = line.endsWith("\n") ? workerLine(line.substring(0, line.length() - 1)) : null;
            Output.Omitted omitted = line.endsWith("\n") ? OmittedText.parse(line.substring(0, line.length() - 1))
                    : null;
            if (omitted != null) {
                if (plain.length() > 0) {
                    outputs.add(new Output.Stream(stream, plain.toString()));
                    plain.setLength(0);
                }
                outputs.add(omitted);
            } else if (worker instanceof Output.WorkerLine w && w.text().equals(line)) {
                if (plain.length() > 0) {
                    outputs.add(new Output.Stream(stream, plain.toString()));
                    plain.setLength(0);
                }
                outputs.add(new Output.WorkerLine(w.worker(), w.pid(), stream, w.line()));
            } else {
                plain.append(line);
            }
        }
        if (plain.length() > 0) {
            outputs.add(new Output.Stream(stream, plain.toString()));
        }
        return List.copyOf(outputs);
    }

    private List<Output> parse() {
        while (next < lines.size()) {
            int start = next;
            Output output = recognise();
            String consumed = String.join("", lines.subList(start, Math.max(next, start)));
            if (output != null && output.text().equals(consumed)) {
                flushPlain();
                outputs.add(output);
            } else {
                next = start + 1;
                plain.append(lines.get(start));
            }
        }
        flushPlain();
        return List.copyOf(outputs);
    }

    /** The output starting at line {@code next}, advancing past its lines; null when it is plain text. */
    private Output recognise() {
        String line = lines.get(next);
        if (!line.endsWith("\n")) {
            return null;
        }
        String body = line.substring(0, line.length() - 1);
        Output.Omitted omitted = OmittedText.parse(body);
        if (omitted != null) {
            next++;
            return omitted;
        }
        if (body.startsWith(BAR + "Exception ")) {
            return error(body);
        }
        if (isDiagnosticHeader(body)) {
            return compileError();
        }
        if (body.startsWith(BAR)) {
            next++;
            return new Output.Info(body.substring(BAR.length()));
        }
        Output worker = workerLine(body);
        if (worker != null) {
            next++;
            return worker;
        }
        int arrow = body.indexOf(" ==> ");
        if (arrow > 0 && isName(body.substring(0, arrow))) {
            next++;
            return new Output.Value(body.substring(0, arrow), "", body.substring(arrow + 5));
        }
        return null;
    }

    /**
     * The frame a line of an exception holds, as {@link Output.Error#frameLine} writes it ("at " + frame, or a cause
     * or marker as it is), or null when the line is not one. (Files written before wrote "at Caused by: ...": read
     * as a frame here, such a block no longer prints back as read, so it is kept as the text it is.)
     */
    private static String frame(String line) {
        if (line.startsWith(FRAME)) {
            return line.substring(FRAME.length(), line.length() - 1);
        }
        if (line.startsWith(FRAME_INDENT)) {
            String rest = line.substring(FRAME_INDENT.length(), line.length() - 1);
            if (Output.Error.showsWithoutAt(rest)) {
                return rest;
            }
        }
        return null;
    }

    private Output error(String header) {
        String rest = header.substring((BAR + "Exception ").length());
        int colon = rest.indexOf(": ");
        String type = colon < 0 ? rest : rest.substring(0, colon);
        String message = colon < 0 ? null : rest.substring(colon + 2);
        next++;
        List<String> frames = new ArrayList<>();
        while (next < lines.size() && lines.get(next).endsWith("\n")) {
            String frame = frame(lines.get(next));
            if (frame == null) {
                break;
            }
            frames.add(frame);
            next++;
        }
        return new Output.Error(type, message, frames);
    }

    /**
     * The run of diagnostics at {@code next} that each print back exactly as read; it stops before the first
     * that would not, so a long run with one odd line is read once (retreating line by line over the whole run
     * made a file of 20,000 such lines take a minute). Null when even the first does not print back.
     */
    private Output compileError() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        while (next < lines.size() && lines.get(next).endsWith("\n") && isDiagnosticHeader(body(next))) {
            int first = next;
            String header = body(next);
            boolean error = header.startsWith(BAR + "Error");
            String position = header.substring(header.indexOf(" at line ") + " at line ".length(),
                    header.length() - 1);
            int comma = position.indexOf(", column ");
            int line = Integer.parseInt(position.substring(0, comma));
            int column = Integer.parseInt(position.substring(comma + ", column ".length()));
            next++;
            List<String> body = new ArrayList<>();
            while (next < lines.size() && lines.get(next).endsWith("\n") && body(next).startsWith(BAR)
                    && !isDiagnosticHeader(body(next)) && !body(next).startsWith(BAR + "Exception ")) {
                body.add(body(next).substring(BAR.length()));
                next++;
            }
            // jshell's excerpt, the source line and a caret line under the span, ends the message
            boolean excerpt = body.size() >= 2 && CARET.matcher(body.get(body.size() - 1)).matches();
            int messageLines = excerpt ? body.size() - 2 : body.size();
            String message = String.join("\n", body.subList(0, messageLines));
            int offset = offsetOf(line, column);
            int spanEnd = offset;
            if (excerpt) {
                String caret = body.get(body.size() - 1);
                spanEnd = offset + Math.max(1, caret.strip().length());
            }
            Diagnostic diagnostic = new Diagnostic(error, offset, Math.min(spanEnd, source.length()), line, column,
                    message, excerpt ? String.join("\n", body.subList(messageLines, body.size())) : "");
            if (!new Output.CompileError(List.of(diagnostic)).text()
                    .equals(String.join("", lines.subList(first, next)))) {
                next = first;
                break;
            }
            diagnostics.add(diagnostic);
        }
        return diagnostics.isEmpty() ? null : new Output.CompileError(diagnostics);
    }

    private static boolean isDiagnosticHeader(String body) {
        String rest;
        if (body.startsWith(BAR + "Error at line ")) {
            rest = body.substring((BAR + "Error at line ").length());
        } else if (body.startsWith(BAR + "Warning at line ")) {
            rest = body.substring((BAR + "Warning at line ").length());
        } else {
            return false;
        }
        int comma = rest.indexOf(", column ");
        return comma > 0 && rest.endsWith(":") && digits(rest.substring(0, comma))
                && digits(rest.substring(comma + ", column ".length(), rest.length() - 1));
    }

    private static Output workerLine(String body) {
        if (!body.startsWith("[")) {
            return null;
        }
        int close = body.indexOf("] ");
        int space = body.lastIndexOf(' ', close - 1);
        if (close < 0 || space <= 1) {
            return null;
        }
        String worker = body.substring(1, space);
        String pid = body.substring(space + 1, close);
        if (worker.isEmpty() || worker.contains(" ") || !digits(pid) || pid.length() > 18) {
            return null;
        }
        return new Output.WorkerLine(worker, Long.parseLong(pid), StreamName.STDOUT, body.substring(close + 2));
    }

    /** Found through line starts counted once, so many diagnostics on a long cell stay linear. */
    private int offsetOf(int line, int column) {
        if (lineStarts == null) {
            lineStarts = new ArrayList<>();
            lineStarts.add(0);
            for (int i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
                lineStarts.add(i + 1);
            }
        }
        if (line - 1 >= lineStarts.size()) {
            return Math.min(source.length(), lineStarts.get(lineStarts.size() - 1));
        }
        int offset = lineStarts.get(Math.max(0, line - 1));
        return (int) Math.min(source.length(), (long) offset + Math.max(0, column - 1));
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || !(Character.isJavaIdentifierStart(name.charAt(0)))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private String body(int index) {
        String line = lines.get(index);
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private void flushPlain() {
        if (plain.length() > 0) {
            outputs.add(new Output.Stream(StreamName.STDOUT, plain.toString()));
            plain.setLength(0);
        }
    }

    private static List<String> splitKeepingNewlines(String text) {
        List<String> result = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            result.add(text.substring(start, end));
            start = end;
        }
        return result;
    }
}
