package lessonbook.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;

import org.fxmisc.richtext.CodeArea;

/**
 * The list of completions under the caret. The text area keeps the keyboard focus while it shows: typing
 * goes on in the area and narrows the list to the suggestions that still start with what was typed since
 * the anchor; the area's key filter (see {@link #handleKey}) routes Up/Down/Enter/Tab/Escape here.
 */
final class CompletionPopup {

    private final CodeArea area;
    private final Consumer<Parent> styler;
    private final Popup popup = new Popup();
    private final ListView<Completions.Suggestion> list = new ListView<>();
    private final ObservableList<Completions.Suggestion> shown = FXCollections.observableArrayList();
    private List<Completions.Suggestion> all = List.of();
    private int anchor;

    CompletionPopup(CodeArea area, Consumer<Parent> styler) {
        this.area = area;
        this.styler = styler;
        list.setItems(shown);
        list.setFocusTraversable(false);
        list.getStyleClass().add("completion-list");
        list.setPrefWidth(360);
        list.setCellFactory(v -> new SuggestionCell());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                accept();
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        // Escape is handled by the area's filter so that it can also be consumed there.
        popup.setHideOnEscape(false);
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** The suggestions currently listed, in order (for tests and the shell's own checks). */
    List<String> items() {
        List<String> items = new ArrayList<>();
        for (Completions.Suggestion s : shown) {
            items.add(s.continuation());
        }
        return items;
    }

    ListView<Completions.Suggestion> listView() {
        return list;
    }

    /** Shows the suggestions of one completion reply; those matching the expected type come first. */
    void show(Completions completions) {
        Map<String, Completions.Suggestion> unique = new LinkedHashMap<>();
        for (Completions.Suggestion s : completions.suggestions()) {
            if (s.matchesType()) {
                unique.putIfAbsent(s.continuation(), s);
            }
        }
        for (Completions.Suggestion s : completions.suggestions()) {
            unique.putIfAbsent(s.continuation(), s);
        }
        all = List.copyOf(unique.values());
        anchor = completions.anchor();
        if (!refilter()) {
            return;
        }
        if (shown.size() == 1 && all.size() == 1) {
            // Like Jupyter and IDEs: a single possibility is inserted at once.
            accept();
            return;
        }
        if (!popup.isShowing()) {
            Bounds caret = area.getCaretBounds().orElse(area.localToScreen(area.getBoundsInLocal()));
            if (caret == null) {
                return;
            }
            styler.accept(list);
            popup.show(area, caret.getMinX(), caret.getMaxY() + 2);
        }
    }

    /** Narrows the list to what was typed since the anchor; hides it (false) when nothing is left. */
    boolean refilter() {
        int caret = area.getCaretPosition();
        if (caret < anchor || anchor > area.getLength()) {
            hide();
            return false;
        }
        String typed = area.getText(anchor, caret);
        List<Completions.Suggestion> matching = new ArrayList<>();
        for (Completions.Suggestion s : all) {
            if (s.continuation().startsWith(typed) && !s.continuation().equals(typed)) {
                matching.add(s);
            }
        }
        if (matching.isEmpty()) {
            hide();
            return false;
        }
        shown.setAll(matching);
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        list.setPrefHeight(Math.min(matching.size(), 10) * 24 + 4);
        return true;
    }

    /** Replaces the text from the anchor to the caret with the selected suggestion. */
    void accept() {
        Completions.Suggestion chosen = list.getSelectionModel().getSelectedItem();
        hide();
        if (chosen == null) {
            return;
        }
        int caret = area.getCaretPosition();
        if (anchor <= caret) {
            area.replaceText(anchor, caret, chosen.continuation());
            area.requestFollowCaret();
        }
    }

    void hide() {
        popup.hide();
    }

    /** Key routing while the popup shows; true when the key was used (the caller consumes it). */
    boolean handleKey(KeyEvent e) {
        if (!popup.isShowing() || e.getEventType() != KeyEvent.KEY_PRESSED) {
            return false;
        }
        switch (e.getCode()) {
            case UP:
                move(-1);
                return true;
            case DOWN:
                move(1);
                return true;
            case PAGE_UP:
                move(-9);
                return true;
            case PAGE_DOWN:
                move(9);
                return true;
            case ENTER:
            case TAB:
                if (e.isShiftDown() || e.isControlDown() || e.isAltDown()) {
                    hide();
                    return false;
                }
                accept();
                return true;
            case ESCAPE:
                hide();
                return true;
            default:
                return false;
        }
    }

    private void move(int delta) {
        int index = list.getSelectionModel().getSelectedIndex() + delta;
        index = Math.max(0, Math.min(shown.size() - 1, index));
        list.getSelectionModel().select(index);
        list.scrollTo(Math.max(0, index - 4));
    }

    private static final class SuggestionCell extends ListCell<Completions.Suggestion> {
        @Override
        protected void updateItem(Completions.Suggestion item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("matches-type");
            if (empty || item == null) {
                setText(null);
            } else {
                setText(item.continuation());
                if (item.matchesType()) {
                    getStyleClass().add("matches-type");
                }
            }
        }
    }
}
