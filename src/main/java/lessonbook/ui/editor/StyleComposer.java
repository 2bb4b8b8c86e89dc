package lessonbook.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Puts the layers of styling together on the FX thread: the syntax colours (computed in the background) and
 * the decorations laid over them (diagnostics, the matched bracket pair, find hits, the line a trace named).
 * Every change of a layer restyles the whole text at once, so layers never wipe each other out.
 */
final class StyleComposer {

    /** A decoration layer; each owns its CSS classes. */
    enum Layer { DIAGNOSTICS, BRACKETS, SEARCH, TARGET }

    /** A style class over {@code [start, end)}. */
    record Mark(int start, int end, String styleClass) {
    }

    static final Set<String> DECORATION_CLASSES = Set.of(
            "diagnostic-error", "diagnostic-warning", "bracket-match", "bracket-unmatched", "search-hit",
            "trace-target");

    private final CodeArea area;
    private final Map<Layer, List<Mark>> layers = new EnumMap<>(Layer.class);
    private JavaSyntax syntax;

    StyleComposer(CodeArea area) {
        this.area = area;
        for (Layer layer : Layer.values()) {
            layers.put(layer, List.of());
        }
    }

    /** The latest syntax result; null while none matches the current text. */
    JavaSyntax syntax() {
        return syntax;
    }

    /** Forgets the syntax result: the text changed and a new one is on its way. */
    void invalidateSyntax() {
        syntax = null;
    }

    void setSyntax(JavaSyntax syntax) {
        this.syntax = syntax;
        restyle();
    }

    List<Mark> marks(Layer layer) {
        return layers.get(layer);
    }

    /**
     * Replaces one layer's marks; restyles only when they changed, and only the stretch of text between the
     * first and last mark that came or went (a caret move must not restyle a long cell).
     */
    void setMarks(Layer layer, List<Mark> marks) {
        List<Mark> old = layers.get(layer);
        if (!old.equals(marks)) {
            layers.put(layer, List.copyOf(marks));
            int from = Integer.MAX_VALUE;
            int to = 0;
            for (List<Mark> list : List.of(old, marks)) {
                for (Mark m : list) {
                    from = Math.min(from, m.start());
                    to = Math.max(to, m.end());
                }
            }
            restyle(from, to);
        }
    }

    void restyle() {
        restyle(0, Integer.MAX_VALUE);
    }

    private void restyle(int from, int to) {
        int length = area.getLength();
        from = Math.max(0, from);
        to = Math.min(to, length);
        if (length == 0 || from >= to) {
            return;
        }
        StyleSpans<Collection<String>> base = syntax != null && syntax.length() == length
                ? syntax.spans()
                : withoutDecorations(area.getStyleSpans(0, length));
        List<Mark> marks = new ArrayList<>();
        for (List<Mark> layer : layers.values()) {
            for (Mark m : layer) {
                int start = Math.max(0, Math.min(m.start(), length));
                int end = Math.max(start, Math.min(m.end(), length));
                if (end > start) {
                    marks.add(new Mark(start, end, m.styleClass()));
                }
            }
        }
        StyleSpans<Collection<String>> styled = marks.isEmpty()
                ? base
                : base.overlay(decorationSpans(marks, length), StyleComposer::union);
        area.setStyleSpans(from, from == 0 && to == length ? styled : styled.subView(from, to));
    }

    private static StyleSpans<Collection<String>> withoutDecorations(StyleSpans<Collection<String>> spans) {
        return spans.mapStyles(styles -> {
            if (Collections.disjoint(styles, DECORATION_CLASSES)) {
                return styles;
            }
            List<String> kept = new ArrayList<>(styles);
            kept.removeAll(DECORATION_CLASSES);
            return kept;
        });
    }

    private static Collection<String> union(Collection<String> base, Collection<String> decoration) {
        if (decoration.isEmpty()) {
            return base;
        }
        List<String> all = new ArrayList<>(base);
        all.addAll(decoration);
        return all;
    }

    /**
     * Sweeps once over the sorted mark boundaries, keeping a count per active class, and emits one span per
     * stretch with the same set of classes: linear in the number of marks (find may mark thousands).
     */
    private static StyleSpans<Collection<String>> decorationSpans(List<Mark> marks, int length) {
        List<int[]> events = new ArrayList<>(); // {position, +1 start / -1 end, mark index}
        for (int i = 0; i < marks.size(); i++) {
            events.add(new int[] {marks.get(i).start(), 1, i});
            events.add(new int[] {marks.get(i).end(), -1, i});
        }
        events.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        Map<String, Integer> active = new TreeMap<>();
        int at = 0;
        for (int[] event : events) {
            if (event[0] > at) {
                builder.add(List.copyOf(active.keySet()), event[0] - at);
                at = event[0];
            }
            String styleClass = marks.get(event[2]).styleClass();
            int count = active.getOrDefault(styleClass, 0) + event[1];
            if (count > 0) {
                active.put(styleClass, count);
            } else {
                active.remove(styleClass);
            }
        }
        builder.add(List.of(), length - at);
        return builder.create();
    }
}
