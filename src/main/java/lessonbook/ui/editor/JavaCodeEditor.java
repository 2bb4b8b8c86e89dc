package lessonbook.ui.editor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

import lessonbook.model.Diagnostic;

/**
 * A Java code editor for one notebook cell, built on RichTextFX's {@link CodeArea}.
 *
 * <h2>Behaviour</h2>
 * Syntax highlighting is computed on a background thread from a snapshot of the text; only the result for
 * the latest text is applied. Line numbers; Enter keeps the indentation (one level more after an opening
 * bracket, and {@code {|}} opens an indented line between the braces); typing {@code }} on a blank line
 * moves it back to its block's indentation; Tab inserts four spaces (indents every line of a multi-line
 * selection), Backspace in the indentation removes a level; Ctrl+/ comments lines out and in; the bracket
 * beside the caret and its partner are highlighted ({@code bracket-match}, or
 * {@code bracket-unmatched}); undo Ctrl+Z, redo Ctrl+Y or Ctrl+Shift+Z; find Ctrl+F, replace Ctrl+H.
 * Ctrl+Space asks the {@link CompletionSource}; Ctrl+Shift+Space or Shift+Tab asks the
 * {@link DocumentationSource}. Neither is ever awaited on the FX thread: a reply later than
 * {@link #setRequestTimeout the timeout} (default 60 s), a failure, or a reply for text that has moved on
 * shows no list; a line under the caret says why, or that the reply is still awaited ({@link #assistHint}).
 *
 * <h2>Keys left to the notebook</h2>
 * KEY_PRESSED events of <b>Shift+Enter, Ctrl+Enter, Alt+Enter</b> are never consumed and insert nothing:
 * they bubble to the editor's parents, so the shell handles them with ordinary handlers (or filters).
 * <b>Escape</b> bubbles too, except when it closes something of the editor's own (the completion or
 * documentation popup, or the find bar): then it is consumed, and a second Escape reaches the shell.
 * Shift+Enter and Escape typed inside the find bar's fields are consumed by the bar.
 *
 * <h2>Size, zoom and themes</h2>
 * By default ({@link #autoGrowProperty() autoGrow} true) the editor is as tall as its text, wraps long
 * lines and never scrolls inside: mouse-wheel events are passed on to the parent so the notebook scrolls.
 * With autoGrow false it fills the height it is given and scrolls (a {@link VirtualizedScrollPane}).
 * Fonts follow the inherited CSS {@code -fx-font-size} (set it on the scene root to zoom everything), or
 * {@link #fontSizeProperty()} when that is positive. Colours come from the scene's stylesheets: add
 * {@link EditorTheme#LIGHT} or {@link EditorTheme#DARK} ({@link EditorTheme#applyTo}).
 * Style classes: {@code java-code-editor} (this), {@code java-code-area} (the text), token classes
 * {@code keyword literal string number comment annotation type-name paren brace bracket}, decorations
 * {@code diagnostic-error diagnostic-warning bracket-match bracket-unmatched search-hit}.
 *
 * <p>Use on the FX thread only.
 */
public class JavaCodeEditor extends VBox {

    private final CodeArea area = new CodeArea();
    private final StyleComposer styles = new StyleComposer(area);
    private final BackgroundHighlighter highlighter = new BackgroundHighlighter(area, styles);
    // Created when first needed: a notebook holds hundreds of editors and most never open these.
    private FindReplaceBar findBar;
    private final EditorPopups popups = new EditorPopups(area);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 0);
    private final BooleanProperty autoGrow = new SimpleBooleanProperty(this, "autoGrow", true);
    private final EditorAssist assist = new EditorAssist(area, popups, highlighter::textVersion);
    private DiagnosticMarks diagnostics = DiagnosticMarks.none();
    private final EditorSizing sizing;

    public JavaCodeEditor() {
        this("");
    }

    public JavaCodeEditor(String text) {
        getStyleClass().add("java-code-editor");
        area.getStyleClass().add("java-code-area");
        area.setParagraphGraphicFactory(new LineNumbers(area));

        area.plainTextChanges().subscribe(change -> onTextChanged());
        area.caretPositionProperty().addListener((o, a, b) -> {
            popups.hideHint();
            if (popups.isCompletionShowing()) {
                popups.completion().refilter();
            }
        });
        area.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                popups.hideCompletion();
                popups.hideHint();
            }
        });
        EditorKeyMap.install(this, area, popups);
        installDiagnosticHover();

        sizing = new EditorSizing(this, area, autoGrow);
        fontSize.addListener((o, a, b) -> setStyle(b.doubleValue() > 0 ? "-fx-font-size: " + b + "px;" : ""));
        sizing.apply();
        setText(text);
    }

    // ---- text -------------------------------------------------------------------------------------------

    public String getText() {
        return area.getText();
    }

    /** Replaces the whole text, forgets the undo history and moves the caret to the start. */
    public void setText(String text) {
        area.replaceText(text == null ? "" : text);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
    }

    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    /** The underlying text area, for caret, selection, focus and undo; leave its styles to the editor. */
    public CodeArea getCodeArea() {
        return area;
    }

    public BooleanProperty editableProperty() {
        return area.editableProperty();
    }

    public void requestEditorFocus() {
        area.requestFocus();
    }

    public int getCaretPosition() {
        return area.getCaretPosition();
    }

    public void moveCaretTo(int position) {
        area.moveTo(Math.max(0, Math.min(position, area.getLength())));
        area.requestFollowCaret();
    }

    /**
     * The line a stack trace named ({@code at half (In [3], line 4)}, clicked): the caret goes to its first
     * character that is not blank and the line is marked until the next edit. A line past the end is the last.
     */
    public void showTraceLine(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        String text = area.getParagraph(paragraph).getText();
        int indent = 0;
        while (indent < text.length() && Character.isWhitespace(text.charAt(indent))) {
            indent++;
        }
        int start = area.getAbsolutePosition(paragraph, 0);
        styles.setMarks(StyleComposer.Layer.TARGET, text.isEmpty() ? List.of()
                : List.of(new StyleComposer.Mark(start + indent, start + text.length(), "trace-target")));
        area.moveTo(start + indent);
        area.requestFollowCaret();
    }

    /** Selects a found piece of text and scrolls the area to it, without taking the keyboard. */
    public void showFound(int start, int end) {
        int length = area.getLength();
        area.selectRange(Math.min(start, length), Math.min(end, length));
        area.requestFollowCaret();
    }

    /** For Jupyter-like navigation: Up on the first line may move to the previous cell. */
    public boolean isCaretOnFirstLine() {
        return area.getCurrentParagraph() == 0;
    }

    public boolean isCaretOnLastLine() {
        return area.getCurrentParagraph() == area.getParagraphs().size() - 1;
    }

    // ---- diagnostics ------------------------------------------------------------------------------------

    /** Underlines each diagnostic's span; hovering shows its message. The next edit clears them. */
    public void showDiagnostics(List<Diagnostic> list) {
        diagnostics = DiagnosticMarks.place(list, area.getText());
        styles.setMarks(StyleComposer.Layer.DIAGNOSTICS, diagnostics.marks());
    }

    /**
     * Like {@link #showDiagnostics(List)}, but only if the text is still {@code forCode}, the code that was
     * compiled: diagnostics of a run arrive after the student may have typed on, and would then mark the
     * wrong characters. Returns whether they were shown.
     */
    public boolean showDiagnostics(List<Diagnostic> list, String forCode) {
        if (!area.getText().equals(forCode)) {
            return false;
        }
        showDiagnostics(list);
        return true;
    }

    public void clearDiagnostics() {
        diagnostics = DiagnosticMarks.none();
        popups.hideTooltip();
        styles.setMarks(StyleComposer.Layer.DIAGNOSTICS, List.of());
    }

    public List<Diagnostic> getDiagnostics() {
        return diagnostics.diagnostics();
    }

    /** The message shown when hovering the character at {@code index}, if a diagnostic covers it. */
    public Optional<String> diagnosticMessageAt(int index) {
        return diagnostics.messageAt(index);
    }

    // ---- completion and documentation -------------------------------------------------------------------

    public ObjectProperty<CompletionSource> completionSourceProperty() {
        return assist.completionSource;
    }

    public void setCompletionSource(CompletionSource source) {
        assist.completionSource.set(source);
    }

    public ObjectProperty<DocumentationSource> documentationSourceProperty() {
        return assist.documentationSource;
    }

    public void setDocumentationSource(DocumentationSource source) {
        assist.documentationSource.set(source);
    }

    /** How long completion and documentation replies are waited for (off the FX thread); default 60 s. */
    public void setRequestTimeout(Duration timeout) {
        assist.setTimeout(timeout);
    }

    /** What Ctrl+Space does: asks the completion source and shows its suggestions at the caret. */
    public void requestCompletion() {
        assist.requestCompletion();
    }

    /** What Ctrl+Shift+Space and Shift+Tab do: shows the documentation of the symbol at the caret. */
    public void requestDocumentation() {
        assist.requestDocumentation();
    }

    /** Whether the completion list is showing, and what it lists. */
    public boolean isCompletionShowing() {
        return popups.isCompletionShowing();
    }

    public List<String> completionItems() {
        return popups.completionItems();
    }

    public boolean isDocumentationShowing() {
        return popups.isDocumentationShowing();
    }

    /** The line under the caret saying why completion or documentation shows nothing (yet); empty when none. */
    public String assistHint() {
        return popups.hintShown();
    }

    // ---- find and replace -------------------------------------------------------------------------------

    public void showFind() {
        findBar().open(false);
    }

    public void showReplace() {
        findBar().open(true);
    }

    public void closeFind() {
        if (findBar != null) {
            findBar.close();
        }
    }

    boolean isFindOpen() {
        return findBar != null && findBar.isOpen();
    }

    FindReplaceBar findBar() {
        if (findBar == null) {
            findBar = new FindReplaceBar(area, styles);
            getChildren().add(0, findBar);
        }
        return findBar;
    }

    CompletionPopup completionPopup() {
        return popups.completion();
    }

    DocumentationPopup documentationPopup() {
        return popups.documentation();
    }

    Tooltip diagnosticTooltip() {
        return popups.tooltip();
    }

    // ---- sizing and fonts -------------------------------------------------------------------------------

    /** How tall the editor is (package-private: its tests). */
    EditorSizing sizing() {
        return sizing;
    }

    /** Font size in px for this editor; 0 (default) inherits {@code -fx-font-size} from the parents. */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** True (default): as tall as the text, no inner scrolling. False: fills its space and scrolls. */
    public BooleanProperty autoGrowProperty() {
        return autoGrow;
    }

    // ---- internals --------------------------------------------------------------------------------------

    private void onTextChanged() {
        popups.hideDocumentation();
        popups.hideHint();
        if (!styles.marks(StyleComposer.Layer.TARGET).isEmpty()) {
            styles.setMarks(StyleComposer.Layer.TARGET, List.of());
        }
        if (!diagnostics.isEmpty()) {
            clearDiagnostics();
        }
    }

    private void installDiagnosticHover() {
        area.setMouseOverTextDelay(Duration.ofMillis(300));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            Optional<String> message = diagnostics.messageAt(e.getCharacterIndex());
            if (message.isPresent()) {
                popups.tooltip().setText(message.get());
                popups.tooltip().show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 14);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> popups.hideTooltip());
    }
}
