package lessonbook.kernel.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;

import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import lessonbook.model.Diagnostic;
import lessonbook.model.Output;

/** javac's diagnostics on a snippet, as the cell shows them. Called on the kernel's main thread, as JShell is. */
final class CompileErrors {
    private CompileErrors() {
    }

    /**
     * The snippet's diagnostics as jshell prints them (its message without javac's "location:" line, the source
     * line and a caret under the span), placed in the cell's text. A rejected snippet with none gets one.
     */
    static Output.CompileError of(JShell jshell, Snippet snippet, String cellText, int snippetStart) {
        return of(jshell, snippet, cellText, position -> snippetStart + position);
    }

    /** As above, for a snippet whose text is not a stretch of the cell's: {@code toCell} places its positions. */
    static Output.CompileError of(JShell jshell, Snippet snippet, String cellText, LongUnaryOperator toCell) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Diag diag : jshell.diagnostics(snippet).collect(Collectors.toList())) {
            long position = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
            long spanStart = diag.getStartPosition() >= 0 && diag.getEndPosition() >= 0 ? diag.getStartPosition()
                    : position;
            long spanEnd = diag.getStartPosition() >= 0 && diag.getEndPosition() >= 0 ? diag.getEndPosition()
                    : position;
            int start = clamp(toCell.applyAsLong(Math.max(0, spanStart)), cellText);
            int end = clamp(toCell.applyAsLong(Math.max(spanEnd, spanStart)), cellText);
            int at = clamp(toCell.applyAsLong(Math.max(0, position)), cellText);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (cellText.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String message = diag.getMessage(java.util.Locale.ROOT).lines()
                    .filter(l -> !l.strip().startsWith("location:"))
                    .collect(Collectors.joining("\n"));
            diagnostics.add(new Diagnostic(diag.isError(), start, end, line, at - lineStart + 1, message,
                    Diagnostic.excerpt(cellText, start, end)));
        }
        if (diagnostics.isEmpty() && snippet.kind() != null
                && jshell.status(snippet) == Snippet.Status.REJECTED) {
            int at = clamp(toCell.applyAsLong(0), cellText);
            diagnostics.add(new Diagnostic(true, at, at, 1, 1, "this snippet was rejected"));
        }
        return new Output.CompileError(diagnostics);
    }

    private static int clamp(long position, String text) {
        return (int) Math.max(0, Math.min(position, text.length()));
    }
}
