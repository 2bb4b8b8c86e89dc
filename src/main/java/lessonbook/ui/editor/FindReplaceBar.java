package lessonbook.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;

/**
 * The find (Ctrl+F) and replace (Ctrl+H) bar above the text: literal search, optionally case-sensitive,
 * every hit highlighted, next/previous (Enter / Shift+Enter in the field), the match count, replace and
 * replace all (one undo step). Enter, Shift+Enter and Escape typed in its fields are consumed here, so
 * they never reach the notebook's run/command keys.
 */
final class FindReplaceBar extends VBox {

    private final CodeArea area;
    private final StyleComposer styles;
    private final TextField query = new TextField();
    private final TextField replacement = new TextField();
    private final ToggleButton matchCase = new ToggleButton("Aa");
    private final Label count = new Label();
    private final HBox replaceRow;
    private List<int[]> hits = List.of();

    FindReplaceBar(CodeArea area, StyleComposer styles) {
        this.area = area;
        this.styles = styles;
        getStyleClass().add("find-replace-bar");
        query.setPromptText("Find");
        query.getStyleClass().add("find-field");
        replacement.setPromptText("Replace with");
        replacement.getStyleClass().add("replace-field");
        matchCase.setTooltip(new Tooltip("Match case"));
        count.getStyleClass().add("match-count");
        count.setMinWidth(Region.USE_PREF_SIZE);

        Button previous = BarButtons.of("\u2191", "Previous match (Shift+Enter)", this::previous);
        Button next = BarButtons.of("\u2193", "Next match (Enter)", this::next);
        Button close = BarButtons.of("\u2715", "Close (Escape)", this::close);
        HBox.setHgrow(query, Priority.ALWAYS);
        HBox findRow = new HBox(4, query, matchCase, previous, next, count, close);
        findRow.setAlignment(Pos.CENTER_LEFT);
        Button replaceOne = BarButtons.of("Replace", "Replace this match", this::replaceCurrent);
        Button replaceAll = BarButtons.of("Replace all", "Replace every match", this::replaceAll);
        HBox.setHgrow(replacement, Priority.ALWAYS);
        replaceRow = new HBox(4, replacement, replaceOne, replaceAll);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(findRow, replaceRow);
        setSpacing(4);

        query.textProperty().addListener((o, a, b) -> {
            refresh();
            selectFirstFrom(area.getSelection().getStart());
        });
        matchCase.selectedProperty().addListener((o, a, b) -> refresh());
        area.textProperty().addListener((o, a, b) -> {
            if (isVisible()) {
                refresh();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        hideBar();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            close();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            if (e.getTarget() == replacement && !e.isShiftDown()) {
                replaceCurrent();
            } else if (e.isShiftDown()) {
                previous();
            } else {
                next();
            }
            e.consume();
        }
    }

    /** Opens the bar, with the selected text (if on one line) as the query. */
    void open(boolean withReplace) {
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            query.setText(selected);
        }
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
        setVisible(true);
        setManaged(true);
        refresh();
        (withReplace && !query.getText().isEmpty() ? replacement : query).requestFocus();
        query.selectAll();
    }

    void close() {
        hideBar();
        area.requestFocus();
    }

    private void hideBar() {
        setVisible(false);
        setManaged(false);
        hits = List.of();
        styles.setMarks(StyleComposer.Layer.SEARCH, List.of());
    }

    boolean isOpen() {
        return isVisible();
    }

    TextField queryField() {
        return query;
    }

    TextField replacementField() {
        return replacement;
    }

    String countText() {
        return count.getText();
    }

    int hitCount() {
        return hits.size();
    }

    private void refresh() {
        hits = findAll(area.getText(), query.getText(), matchCase.isSelected());
        List<StyleComposer.Mark> marks = new ArrayList<>();
        for (int[] h : hits) {
            marks.add(new StyleComposer.Mark(h[0], h[1], "search-hit"));
        }
        styles.setMarks(StyleComposer.Layer.SEARCH, marks);
        updateCount();
    }

    static List<int[]> findAll(String text, String needle, boolean matchCase) {
        List<int[]> found = new ArrayList<>();
        if (needle.isEmpty()) {
            return found;
        }
        String haystack = matchCase ? text : text.toLowerCase(Locale.ROOT);
        String sought = matchCase ? needle : needle.toLowerCase(Locale.ROOT);
        if (haystack.length() != text.length() || sought.length() != needle.length()) {
            haystack = text;
            sought = needle;
        }
        int from = 0;
        int at;
        while ((at = haystack.indexOf(sought, from)) >= 0) {
            found.add(new int[] {at, at + sought.length()});
            from = at + sought.length();
        }
        return found;
    }

    private int currentIndex() {
        int start = area.getSelection().getStart();
        int end = area.getSelection().getEnd();
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i)[0] == start && hits.get(i)[1] == end) {
                return i;
            }
        }
        return -1;
    }

    private void updateCount() {
        String q = query.getText();
        int current = currentIndex();
        count.setText(q.isEmpty() ? "" : hits.isEmpty() ? "No results"
                : current >= 0 ? (current + 1) + " of " + hits.size() : hits.size() + " found");
    }

    private void select(int index) {
        int[] h = hits.get(index);
        area.selectRange(h[0], h[1]);
        area.requestFollowCaret();
        updateCount();
    }

    private void selectFirstFrom(int pos) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i)[0] >= pos) {
                select(i);
                return;
            }
        }
        if (!hits.isEmpty()) {
            select(0);
        }
    }

    void next() {
        if (hits.isEmpty()) {
            return;
        }
        int current = currentIndex();
        if (current >= 0) {
            select((current + 1) % hits.size());
        } else {
            selectFirstFrom(area.getCaretPosition());
        }
    }

    void previous() {
        if (hits.isEmpty()) {
            return;
        }
        int current = currentIndex();
        int caret = area.getSelection().getStart();
        int index = current >= 0 ? current - 1 : -1;
        if (current < 0) {
            for (int i = hits.size() - 1; i >= 0 && index < 0; i--) {
                if (hits.get(i)[1] <= caret) {
                    index = i;
                }
            }
        }
        select(index < 0 ? hits.size() - 1 : index);
    }

    void replaceCurrent() {
        int current = currentIndex();
        if (current < 0) {
            next();
            return;
        }
        int[] h = hits.get(current);
        area.replaceText(h[0], h[1], replacement.getText());
        area.moveTo(h[0] + replacement.getText().length());
        refresh();
        next();
    }

    /** Replaces every hit as one change, hence one undo step. */
    void replaceAll() {
        if (hits.isEmpty()) {
            return;
        }
        MultiChangeBuilder<?, ?, ?> change = area.createMultiChange(hits.size());
        for (int i = hits.size() - 1; i >= 0; i--) {
            change.replaceText(hits.get(i)[0], hits.get(i)[1], replacement.getText());
        }
        change.commit();
        refresh();
    }
}
