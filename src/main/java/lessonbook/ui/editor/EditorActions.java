package lessonbook.ui.editor;

import javafx.scene.control.IndexRange;

import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;

/** The editing keys with indentation logic (Enter, Tab, Shift+Tab on lines, '}'), each one undo step. */
final class EditorActions {

    private EditorActions() {
    }

    static void newline(CodeArea area) {
        if (!area.isEditable()) {
            return;
        }
        IndexRange selection = area.getSelection();
        String text = area.getText();
        String withoutSelection = text.substring(0, selection.getStart()) + text.substring(selection.getEnd());
        Indentation.Insertion insertion = Indentation.newline(withoutSelection, selection.getStart());
        area.replaceText(selection.getStart(), selection.getEnd(), insertion.text());
        area.moveTo(selection.getStart() + insertion.caret());
        area.requestFollowCaret();
    }

    /** Tab: four spaces in place of the selection, or one level more on every line of a multi-line one. */
    static void indent(CodeArea area) {
        if (!area.isEditable()) {
            return;
        }
        IndexRange selection = area.getSelection();
        if (!area.getText(selection.getStart(), selection.getEnd()).contains("\n")) {
            area.replaceSelection(Indentation.UNIT);
            return;
        }
        int first = area.offsetToPosition(selection.getStart(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        int last = area.offsetToPosition(selection.getEnd(), org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMajor();
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(last - first + 1);
        for (int p = last; p >= first; p--) {
            int start = area.getAbsolutePosition(p, 0);
            change.insertText(start, Indentation.UNIT);
        }
        change.commit();
        area.selectRange(area.getAbsolutePosition(first, 0),
                area.getAbsolutePosition(last, area.getParagraphLength(last)));
    }

    /** Shift+Tab on a multi-line selection: one level less on each line. False when there is no such selection. */
    static boolean dedentSelectedLines(CodeArea area) {
        IndexRange selection = area.getSelection();
        if (!area.isEditable() || !area.getText(selection.getStart(), selection.getEnd()).contains("\n")) {
            return false;
        }
        int first = area.offsetToPosition(selection.getStart(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        int last = area.offsetToPosition(selection.getEnd(), org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMajor();
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(last - first + 1);
        boolean any = false;
        for (int p = last; p >= first; p--) {
            String line = area.getParagraph(p).getText();
            int remove = 0;
            while (remove < Indentation.UNIT.length() && remove < line.length() && line.charAt(remove) == ' ') {
                remove++;
            }
            if (remove > 0) {
                int start = area.getAbsolutePosition(p, 0);
                change.deleteText(start, start + remove);
                any = true;
            }
        }
        if (any) {
            change.commit();
        }
        area.selectRange(area.getAbsolutePosition(first, 0),
                area.getAbsolutePosition(last, area.getParagraphLength(last)));
        return true;
    }

    /** '}' on a blank line: re-indent the line to its block's opening line, then insert the brace. */
    static void closingBrace(CodeArea area) {
        IndexRange selection = area.getSelection();
        if (selection.getLength() > 0) {
            area.replaceSelection("}");
            return;
        }
        int caret = area.getCaretPosition();
        String indent = Indentation.indentForClosingBrace(area.getText(), caret);
        if (indent == null) {
            area.replaceSelection("}");
            return;
        }
        int lineStart = Indentation.lineStart(area.getText(), caret);
        area.replaceText(lineStart, caret, indent + "}");
        area.moveTo(lineStart + indent.length() + 1);
    }

    /**
     * Backspace inside a line's indentation removes back to the previous indentation level (four spaces
     * at once), as in IDEs. False when it does not apply, so the ordinary backspace runs.
     */
    static boolean backspaceIndentation(CodeArea area) {
        if (!area.isEditable() || area.getSelection().getLength() > 0) {
            return false;
        }
        int caret = area.getCaretPosition();
        String text = area.getText();
        int lineStart = Indentation.lineStart(text, caret);
        String before = text.substring(lineStart, caret);
        if (before.isEmpty() || !before.chars().allMatch(c -> c == ' ')) {
            return false;
        }
        int remove = before.length() % Indentation.UNIT.length();
        area.deleteText(caret - (remove == 0 ? Indentation.UNIT.length() : remove), caret);
        return true;
    }

    /** Ctrl+/ : comments the selected lines (or the caret's line) out with "// ", or back in if all are. */
    static void toggleLineComment(CodeArea area) {
        if (!area.isEditable()) {
            return;
        }
        IndexRange selection = area.getSelection();
        int first = area.offsetToPosition(selection.getStart(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        int last = area.offsetToPosition(selection.getEnd(), org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMajor();
        if (last > first && area.offsetToPosition(selection.getEnd(),
                org.fxmisc.richtext.model.TwoDimensional.Bias.Backward).getMinor() == 0) {
            last--; // a selection ending at a line's start does not include that line
        }
        boolean allCommented = true;
        int indent = Integer.MAX_VALUE;
        for (int p = first; p <= last; p++) {
            String line = area.getParagraph(p).getText();
            if (line.isBlank()) {
                continue;
            }
            String stripped = line.stripLeading();
            indent = Math.min(indent, line.length() - stripped.length());
            allCommented &= stripped.startsWith("//");
        }
        if (indent == Integer.MAX_VALUE) {
            return;
        }
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(last - first + 1);
        for (int p = last; p >= first; p--) {
            String line = area.getParagraph(p).getText();
            if (line.isBlank()) {
                continue;
            }
            int start = area.getAbsolutePosition(p, 0);
            if (allCommented) {
                int at = line.indexOf("//");
                int width = line.startsWith("// ", at) ? 3 : 2;
                change.deleteText(start + at, start + at + width);
            } else {
                change.insertText(start + indent, "// ");
            }
        }
        change.commit();
    }
}
