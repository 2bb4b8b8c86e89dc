package lessonbook.ui;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;

import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Diagnostic;

/**
 * A plain RichTextFX editor for cells until the full Java editor lands: line numbers, a keyword
 * colouring, diagnostics underlined with the message on hover, and Ctrl+Space completion.
 */
public final class PlainCodeEditor implements CellEditor {
    private static final Pattern KEYWORDS = Pattern.compile("\\b(abstract|boolean|break|byte|case|catch|char|class"
            + "|continue|default|do|double|else|enum|extends|final|finally|float|for|if|implements|import"
            + "|instanceof|int|interface|long|new|null|package|private|protected|public|record|return|short|static"
            + "|super|switch|this|throw|throws|true|false|try|var|void|while)\\b"
            + "|(?<string>\"([^\"\\\\\\n]|\\\\.)*\")|(?<comment>//[^\\n]*)");

    private final CodeArea area = new CodeArea();
    private final boolean code;
    private final Popup hover = new Popup();
    private final Label hoverLabel = new Label();
    private final ContextMenu completions = new ContextMenu();
    private CompletionSource completionSource;
    private Consumer<String> onTextChanged = t -> { };
    private List<Diagnostic> diagnostics = List.of();
    private boolean settingText;

    public PlainCodeEditor(boolean code) {
        this.code = code;
        area.getStyleClass().add(code ? "code-editor" : "markdown-editor");
        area.setAutoHeight(true);
        area.setWrapText(!code);
        if (code) {
            area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        }
        area.textProperty().addListener((o, was, now) -> {
            restyle();
            if (!settingText) {
                onTextChanged.accept(now);
            }
        });
        hoverLabel.getStyleClass().add("diagnostic-hover");
        hover.getContent().add(hoverLabel);
        area.setMouseOverTextDelay(Duration.ofMillis(300));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> showHover(e.getCharacterIndex(),
                e.getScreenPosition().getX(), e.getScreenPosition().getY()));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        completions.getStyleClass().add("completion-popup");
    }

    public void setCompletionSource(CompletionSource source) {
        this.completionSource = source;
    }

    @Override
    public Node node() {
        return area;
    }

    public CodeArea area() {
        return area;
    }

    @Override
    public String text() {
        return area.getText();
    }

    @Override
    public void setText(String text) {
        if (text.equals(area.getText())) {
            return;
        }
        settingText = true;
        try {
            area.replaceText(text);
            area.getUndoManager().forgetHistory();
        } finally {
            settingText = false;
        }
    }

    @Override
    public void setOnTextChanged(Consumer<String> listener) {
        this.onTextChanged = listener;
    }

    @Override
    public void showDiagnostics(List<Diagnostic> diagnostics) {
        this.diagnostics = List.copyOf(diagnostics);
        restyle();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public void focusEditor() {
        area.requestFocus();
    }

    @Override
    public int caretPosition() {
        return area.getCaretPosition();
    }

    @Override
    public boolean isEditing() {
        return area.isFocused();
    }

    public ContextMenu completionPopup() {
        return completions;
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE && e.isControlDown() && completionSource != null) {
            e.consume();
            showCompletions();
        } else if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && code) {
            e.consume();
            area.replaceSelection("    ");
        } else if (e.getCode() == KeyCode.ENTER && !e.isShiftDown() && !e.isControlDown() && !e.isAltDown()
                && code) {
            e.consume();
            area.replaceSelection("\n" + indentAt(area.getCaretPosition()));
        }
    }

    /** Keeps the current line's indent, one level more after an opening brace. */
    private String indentAt(int caret) {
        String text = area.getText(0, caret);
        int lineStart = text.lastIndexOf('\n') + 1;
        String line = text.substring(lineStart);
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return line.stripTrailing().endsWith("{") ? indent + "    " : indent;
    }

    private void showCompletions() {
        String text = area.getText();
        int caret = area.getCaretPosition();
        completionSource.complete(text, caret).thenAccept(result -> Platform.runLater(() -> {
            if (!text.equals(area.getText())) {
                return;
            }
            completions.getItems().clear();
            for (KernelEvent.Suggestion s : result.suggestions().stream().limit(40).toList()) {
                Label label = new Label(s.continuation());
                label.getStyleClass().add(s.matchesType() ? "completion-typed" : "completion-item");
                CustomMenuItem item = new CustomMenuItem(label, true);
                item.setOnAction(a -> {
                    area.replaceText(result.anchor(), area.getCaretPosition(), s.continuation());
                    completions.hide();
                });
                completions.getItems().add(item);
            }
            if (completions.getItems().isEmpty()) {
                return;
            }
            area.getCaretBounds().ifPresent(b -> completions.show(area, b.getMinX(), b.getMaxY()));
        }));
    }

    private void showHover(int index, double x, double y) {
        for (Diagnostic d : diagnostics) {
            if (index >= d.start() && index <= Math.max(d.start(), d.end())) {
                hoverLabel.setText(d.message());
                hover.show(area, x + 8, y + 12);
                return;
            }
        }
    }

    private void restyle() {
        String text = area.getText();
        if (text.isEmpty()) {
            return;
        }
        StyleSpans<Collection<String>> spans = code ? highlight(text) : plain(text);
        area.setStyleSpans(0, spans);
        for (Diagnostic d : diagnostics) {
            int start = Math.max(0, Math.min(d.start(), text.length()));
            int end = Math.max(start, Math.min(Math.max(d.end(), d.start() + 1), text.length()));
            if (end > start) {
                area.setStyleClass(start, end, d.error() ? "diagnostic-error" : "diagnostic-warning");
            }
        }
    }

    private static StyleSpans<Collection<String>> plain(String text) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        b.add(Collections.emptyList(), text.length());
        return b.create();
    }

    private static StyleSpans<Collection<String>> highlight(String text) {
        Matcher m = KEYWORDS.matcher(text);
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("string") != null ? "string" : m.group("comment") != null ? "comment" : "keyword";
            b.add(Collections.emptyList(), m.start() - last);
            b.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        b.add(Collections.emptyList(), text.length() - last);
        return b.create();
    }

}
