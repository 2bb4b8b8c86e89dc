package lessonbook.kernel.jvm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Rewrites the frames of cell code in a worker's printed stack trace into the form the kernel's own errors use: a
 * worker runs the cell classes the kernel dumped, so Java prints their wrapper's name and line
 * ({@code at REPL.$JShell$14.half($JShell$14.java:7)}), where the kernel shows {@code at half (In [3], line 4)}, the
 * cell and line the student wrote ({@link SnippetPlaces}). The kernel learns each snippet's lines from JShell as it is
 * defined.
 * <p>
 * Threading: {@link #learn} runs on the thread that evaluates cells (JShell is not thread-safe); {@link #translate}
 * on the threads that read workers' output, for each line a worker prints on stderr (a pattern match, no JShell).
 * Bounded: the lines of the last {@value #MOST_CLASSES} snippets are kept.
 */
final class WorkerTraceLines {
    static final int MOST_CLASSES = 20_000;
    private static final String WRAPPER_PREFIX = "REPL.$JShell$";
    /** {@code \tat [loader//][module/]REPL.$JShell$14$Inner.method($JShell$14.java:7)}. */
    private static final Pattern FRAME = Pattern.compile(
            "(\\s*at )(?:\\S*/)?(REPL\\.\\$JShell\\$\\d+)([\\w$]*)\\.([\\w$<>]+)\\(\\$JShell\\$\\d+\\.java:(\\d+)\\)");

    /**
     * A snippet's wrapper class: its snippet id, per line of the wrapper's source the snippet's line as JShell counts
     * them (0: none), and the snippet's blank lines in front (JShell's count starts there, the kernel's #id form not).
     */
    private record Lines(String snippetId, int[] snippetLine, int blankLines) {
    }

    private final SnippetPlaces places;

    private final Map<String, Lines> byClass = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Lines> eldest) {
            return size() > MOST_CLASSES;
        }
    });

    WorkerTraceLines(SnippetPlaces places) {
        this.places = places;
    }

    /** Records where {@code snippet}'s lines are in its wrapper class. On the thread that evaluates cells. */
    void learn(JShell jshell, Snippet snippet) {
        SourceCodeAnalysis.SnippetWrapper wrapper;
        try {
            wrapper = jshell.sourceCodeAnalysis().wrapper(snippet);
        } catch (RuntimeException e) {
            return;   // a snippet JShell cannot wrap (an import) has no class whose frames could show
        }
        String wrapped = wrapper.wrapped();
        String source = wrapper.source();
        int[] lines = new int[(int) wrapped.chars().filter(c -> c == '\n').count() + 2];
        LineStarts sourceLines = new LineStarts(source);
        int line = 1;
        int lineStart = 0;
        while (lineStart <= wrapped.length()) {
            int end = wrapped.indexOf('\n', lineStart);
            int lineEnd = end < 0 ? wrapped.length() : end;
            int first = lineStart;
            while (first < lineEnd && Character.isWhitespace(wrapped.charAt(first))) {
                first++;
            }
            int at = first < lineEnd ? wrapper.wrappedToSourcePosition(first) : -1;
            lines[line] = at < 0 || at > source.length() ? 0 : sourceLines.lineOf(at);
            if (end < 0) {
                break;
            }
            line++;
            lineStart = end + 1;
        }
        byClass.put(wrapper.fullClassName(), new Lines(snippet.id(), lines, ErrorReport.leadingBlankLines(source)));
    }

    /** {@code line} with a frame of cell code in the kernel's form; any other line as it is. */
    String translate(String line) {
        if (!line.contains(WRAPPER_PREFIX)) {
            return line;
        }
        Matcher m = FRAME.matcher(line);
        if (!m.matches()) {
            return line;
        }
        Lines lines = byClass.get(m.group(2));
        if (lines == null) {
            return line;
        }
        int wrappedLine = Integer.parseInt(m.group(5));
        int snippetLine = wrappedLine < lines.snippetLine().length ? lines.snippetLine()[wrappedLine] : 0;
        StackTraceElement frame = new StackTraceElement(m.group(2) + m.group(3), m.group(4), "#" + lines.snippetId(),
                snippetLine > 0 ? snippetLine : -1);
        return m.group(1) + ErrorReport.format(frame, places, id -> lines.blankLines());
    }
}
