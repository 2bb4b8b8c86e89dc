package lessonbook.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lessonbook.model.Diagnostic;

/**
 * Compile diagnostics as marks on the text: each span clamped to the text and at least one character wide
 * (JShell reports some errors, like a missing semicolon, as an empty span), with its message.
 */
final class DiagnosticMarks {

    record Placed(StyleComposer.Mark mark, Diagnostic diagnostic) {
    }

    private final List<Placed> placed;

    private DiagnosticMarks(List<Placed> placed) {
        this.placed = placed;
    }

    static DiagnosticMarks none() {
        return new DiagnosticMarks(List.of());
    }

    static DiagnosticMarks place(List<Diagnostic> diagnostics, String text) {
        int length = text.length();
        List<Placed> placed = new ArrayList<>();
        if (length == 0) {
            return new DiagnosticMarks(placed);
        }
        for (Diagnostic d : diagnostics) {
            int start = Math.max(0, Math.min(d.start(), length));
            int end = Math.max(start, Math.min(d.end(), length));
            if (end == start) {
                if (start == length || text.charAt(start) == '\n') {
                    start = Math.max(0, start - 1);
                }
                end = start + 1;
            }
            String styleClass = d.error() ? "diagnostic-error" : "diagnostic-warning";
            placed.add(new Placed(new StyleComposer.Mark(start, end, styleClass), d));
        }
        return new DiagnosticMarks(List.copyOf(placed));
    }

    boolean isEmpty() {
        return placed.isEmpty();
    }

    List<StyleComposer.Mark> marks() {
        List<StyleComposer.Mark> marks = new ArrayList<>();
        placed.forEach(p -> marks.add(p.mark()));
        return marks;
    }

    List<Diagnostic> diagnostics() {
        List<Diagnostic> list = new ArrayList<>();
        placed.forEach(p -> list.add(p.diagnostic()));
        return List.copyOf(list);
    }

    /** The message(s) of the diagnostics covering the character at {@code index}, one per line. */
    Optional<String> messageAt(int index) {
        StringBuilder sb = new StringBuilder();
        for (Placed p : placed) {
            if (p.mark().start() <= index && index < p.mark().end()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(p.diagnostic().message());
            }
        }
        return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
    }
}
