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

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.fxmisc.richtext.CodeArea;
import org.fxmisc.wellbehaved.event.InputHandler;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The keys of a {@link JavaCodeEditor} (listed in its documentation). The open popups see a key first; the
 * notebook's run keys (Shift/Ctrl/Alt+Enter) are left to bubble, never consumed and never a newline.
 */
final class EditorKeyMap {
    private EditorKeyMap() {
    }

    static void install(JavaCodeEditor editor, CodeArea area, EditorPopups popups) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (popups.handleKey(e)) {
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && editor.isFindOpen()) {
                editor.closeFind();
                e.consume();
            }
        });
        Nodes.addInputMap(area, sequence(
                ignore(keyPressed(ENTER, SHIFT_DOWN)),
                ignore(keyPressed(ENTER, CONTROL_DOWN)),
                ignore(keyPressed(ENTER, SHORTCUT_DOWN)),
                ignore(keyPressed(ENTER, ALT_DOWN)),
                consume(keyPressed(ENTER), e -> EditorActions.newline(area)),
                consume(keyPressed(TAB), e -> EditorActions.indent(area)),
                consume(keyPressed(TAB, SHIFT_DOWN), e -> {
                    if (!EditorActions.dedentSelectedLines(area)) {
                        editor.requestDocumentation();
                    }
                }),
                consume(keyPressed(SPACE, CONTROL_DOWN), e -> editor.requestCompletion()),
                consume(keyPressed(SPACE, CONTROL_DOWN, SHIFT_DOWN), e -> editor.requestDocumentation()),
                process(keyPressed(BACK_SPACE), e -> EditorActions.backspaceIndentation(area)
                        ? InputHandler.Result.CONSUME : InputHandler.Result.PROCEED),
                consume(keyPressed(SLASH, SHORTCUT_DOWN), e -> EditorActions.toggleLineComment(area)),
                consume(keyPressed(F, SHORTCUT_DOWN), e -> editor.showFind()),
                consume(keyPressed(H, SHORTCUT_DOWN), e -> editor.showReplace()),
                consume(keyTyped().onlyIf(e -> "}".equals(e.getCharacter()) && !e.isControlDown() && !e.isAltDown()
                        && area.isEditable()), e -> EditorActions.closingBrace(area))));
    }
}
