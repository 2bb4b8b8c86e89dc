package lessonbook.ui.editor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.concurrent.Task;

import org.fxmisc.richtext.CodeArea;

/**
 * Syntax highlighting off the FX thread, in the way RichTextFX recommends: when typing pauses, a snapshot of
 * the text is analysed on a background thread; a newer edit cancels the wait for an older result, and a
 * result is applied only if the text is still the one it was computed from. Bracket matching reads the
 * applied result, so brackets inside strings and comments never match.
 */
final class BackgroundHighlighter {

    /** One thread for all editors: a notebook has hundreds of cells and analysing one takes microseconds. */
    private static final ExecutorService ANALYZER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-highlighter");
        t.setDaemon(true);
        return t;
    });
    private static final Duration DEBOUNCE = Duration.ofMillis(25);

    private record Result(long version, JavaSyntax syntax) {
    }

    private final CodeArea area;
    private final StyleComposer styles;
    private long textVersion;

    BackgroundHighlighter(CodeArea area, StyleComposer styles) {
        this.area = area;
        this.styles = styles;
        area.plainTextChanges().subscribe(change -> {
            textVersion++;
            styles.invalidateSyntax();
        });
        area.multiPlainChanges()
                .successionEnds(DEBOUNCE)
                .supplyTask(this::analyzeSnapshot)
                .awaitLatest(area.multiPlainChanges())
                .filterMap(attempt -> attempt.isSuccess() ? Optional.of(attempt.get()) : Optional.empty())
                .subscribe(this::apply);
        area.caretPositionProperty().addListener((o, a, b) -> refreshBracketMarks());
    }

    /** Increases with every edit; a reply computed for an older version is stale. */
    long textVersion() {
        return textVersion;
    }

    private Task<Result> analyzeSnapshot() {
        String snapshot = area.getText();
        long version = textVersion;
        Task<Result> task = new Task<>() {
            @Override
            protected Result call() {
                return new Result(version, JavaSyntax.analyze(snapshot));
            }
        };
        ANALYZER.execute(task);
        return task;
    }

    private void apply(Result result) {
        if (result.version() == textVersion && result.syntax().length() == area.getLength()) {
            styles.setSyntax(result.syntax());
            refreshBracketMarks();
        }
    }

    private void refreshBracketMarks() {
        JavaSyntax syntax = styles.syntax();
        if (syntax == null) {
            return; // the text changed; the next result brings fresh brackets
        }
        int caret = area.getCaretPosition();
        // A closer just before the caret wins (you just typed it), then the bracket after the caret.
        int at = syntax.isBracketAt(caret - 1) && isCloser(caret - 1) ? caret - 1
                : syntax.isBracketAt(caret) ? caret
                : syntax.isBracketAt(caret - 1) ? caret - 1 : -1;
        List<StyleComposer.Mark> marks = new ArrayList<>();
        if (at >= 0) {
            int partner = syntax.partnerOf(at);
            String styleClass = partner >= 0 ? "bracket-match" : "bracket-unmatched";
            marks.add(new StyleComposer.Mark(at, at + 1, styleClass));
            if (partner >= 0) {
                marks.add(new StyleComposer.Mark(partner, partner + 1, styleClass));
            }
        }
        styles.setMarks(StyleComposer.Layer.BRACKETS, marks);
    }

    private boolean isCloser(int pos) {
        char c = area.getText(pos, pos + 1).charAt(0);
        return c == ')' || c == ']' || c == '}';
    }
}
