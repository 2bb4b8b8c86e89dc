package lessonbook.ui.editor;

import static javafx.scene.input.KeyCode.BACK_SPACE;
import static javafx.scene.input.KeyCode.ENTER;
import static javafx.scene.input.KeyCode.F;
import static javafx.scene.input.KeyCode.H;
import static javafx.scene.input.KeyCode.SLASH;
import static javafx.scene.input.KeyCode.SPACE;
import static javafx.scene.input.KeyCode.TAB;
import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.CONTROL_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;
import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.EventPattern.keyTyped;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.ignore;
import static org.fxmisc.wellbehaved.event.InputMap.process;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.event.Event;
import javafx.scene.Parent;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.wellbehaved.event.InputHandler;
import org.fxmisc.wellbehaved.event.Nodes;

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
 * {@link #setRequestTimeout the timeout} (default 3 s), a failure, or a reply for text that has moved on
 * shows nothing.
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
    private VirtualizedScrollPane<CodeArea> scrollPane;
    private final StyleComposer styles = new StyleComposer(area);
    private final BackgroundHighlighter highlighter = new BackgroundHighlighter(area, styles);
    // Created when first needed: a notebook holds hundreds of editors and most never open these.
    private FindReplaceBar findBar;
    private final EditorPopups popups = new EditorPopups(area);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 0);
    private final BooleanProperty autoGrow = new SimpleBooleanProperty(this, "autoGrow", true);
    private final EditorAssist assist = new EditorAssist(area, popups::completion, popups::documentation, highlighter::textVersion);
    private DiagnosticMarks diagnostics = DiagnosticMarks.none();

    public JavaCodeEditor() {
        this("");
    }

    public JavaCodeEditor(String text) {
        getStyleClass().add("java-code-editor");
        area.getStyleClass().add("java-code-area");
        area.setParagraphGraphicFactory(new LineNumbers(area));

        area.plainTextChanges().subscribe(change -> onTextChanged());
        area.caretPositionProperty().addListener((o, a, b) -> {
            if (popups.isCompletionShowing()) {
                popups.completion().refilter();
            }
        });
        area.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                popups.hideCompletion();
            }
        });
        installKeys();
        installDiagnosticHover();

        autoGrow.addListener((o, a, b) -> applySizing());
        // The estimate changes during the area's layout pass, when a new pref height would not reach the
        // parents' layout; apply it just after the pass instead.
        area.totalHeightEstimateProperty().addListener((o, a, b) -> Platform.runLater(this::fitHeightToText));
        area.addEventFilter(ScrollEvent.SCROLL, this::passScrollToParent);
        fontSize.addListener((o, a, b) -> setStyle(b.doubleValue() > 0 ? "-fx-font-size: " + b + "px;" : ""));
        applySizing();
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

    /** How long completion and documentation replies are waited for (off the FX thread); default 3 s. */
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

    /** Font size in px for this editor; 0 (default) inherits {@code -fx-font-size} from the parents. */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** True (default): as tall as the text, no inner scrolling. False: fills its space and scrolls. */
    public BooleanProperty autoGrowProperty() {
        return autoGrow;
    }

    private void applySizing() {
        if (findBar != null) {
            getChildren().retainAll(findBar);
        } else {
            getChildren().clear();
        }
        if (scrollPane != null) {
            scrollPane.removeContent();
            scrollPane = null;
        }
        if (autoGrow.get()) {
            area.setWrapText(true);
            VBox.setVgrow(area, Priority.NEVER);
            getChildren().add(area);
            fitHeightToText();
        } else {
            area.setWrapText(false);
            area.setPrefHeight(Region.USE_COMPUTED_SIZE);
            area.setMinHeight(Region.USE_COMPUTED_SIZE);
            scrollPane = new VirtualizedScrollPane<>(area);
            VBox.setVgrow(scrollPane, Priority.ALWAYS);
            getChildren().add(scrollPane);
        }
    }

    private void fitHeightToText() {
        if (!autoGrow.get()) {
            return;
        }
        Double estimate = area.getTotalHeightEstimate();
        // Until the area has laid out its first lines, guess from the line count rather than jump.
        double content = estimate != null ? estimate : area.getParagraphs().size() * EditorPopups.fontSize(area) * 1.4;
        double height = Math.ceil(content + area.snappedTopInset() + area.snappedBottomInset()) + 2;
        if (height != area.getPrefHeight()) {
            area.setPrefHeight(height);
            area.setMinHeight(height);
        }
    }

    private void passScrollToParent(ScrollEvent e) {
        Parent parent = getParent();
        if (autoGrow.get() && parent != null) {
            e.consume();
            Event.fireEvent(parent, e.copyFor(parent, parent));
        }
    }

    // ---- internals --------------------------------------------------------------------------------------

    private void onTextChanged() {
        popups.hideDocumentation();
        if (!diagnostics.isEmpty()) {
            clearDiagnostics();
        }
    }

    private void installKeys() {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (popups.handleKey(e)) {
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && findBar != null && findBar.isOpen()) {
                findBar.close();
                e.consume();
            }
        });
        Nodes.addInputMap(area, sequence(
                // The notebook's run keys: neither consumed nor turned into a newline.
                ignore(keyPressed(ENTER, SHIFT_DOWN)),
                ignore(keyPressed(ENTER, CONTROL_DOWN)),
                ignore(keyPressed(ENTER, SHORTCUT_DOWN)),
                ignore(keyPressed(ENTER, ALT_DOWN)),
                consume(keyPressed(ENTER), e -> EditorActions.newline(area)),
                consume(keyPressed(TAB), e -> EditorActions.indent(area)),
                consume(keyPressed(TAB, SHIFT_DOWN), e -> {
                    if (!EditorActions.dedentSelectedLines(area)) {
                        requestDocumentation();
                    }
                }),
                consume(keyPressed(SPACE, CONTROL_DOWN), e -> requestCompletion()),
                consume(keyPressed(SPACE, CONTROL_DOWN, SHIFT_DOWN), e -> requestDocumentation()),
                process(keyPressed(BACK_SPACE), e -> EditorActions.backspaceIndentation(area)
                        ? InputHandler.Result.CONSUME : InputHandler.Result.PROCEED),
                consume(keyPressed(SLASH, SHORTCUT_DOWN), e -> EditorActions.toggleLineComment(area)),
                consume(keyPressed(F, SHORTCUT_DOWN), e -> showFind()),
                consume(keyPressed(H, SHORTCUT_DOWN), e -> showReplace()),
                consume(keyTyped().onlyIf(e -> "}".equals(e.getCharacter()) && !e.isControlDown() && !e.isAltDown()
                        && area.isEditable()), e -> EditorActions.closingBrace(area))));
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
