package lessonbook.ui;

import java.text.NumberFormat;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lessonbook.model.Cell;
import lessonbook.model.CellRole;
import lessonbook.model.CellSearch;
import lessonbook.model.CodeCell;
import lessonbook.model.ReplaceCount;
import lessonbook.model.NotebookDocument;
import lessonbook.ui.editor.BarButtons;

/**
 * Find in Lesson (Ctrl+F outside the editors; inside one, Ctrl+F finds in that cell): every place the query occurs
 * in the cells' source, counted, and stepped through with Enter and Shift+Enter. Each step selects the cell,
 * scrolls to it and, in a code cell, selects the text, while the keyboard stays in the bar. Exercise and check
 * cells are not searched while their solutions are hidden, so a search in front of the class never points at one.
 * Find and Replace in Lesson (Ctrl+H) adds a second row: Replace (or Enter in its field) replaces the current match
 * and moves to the next, Replace All every match; each is one step that Z takes back, through the document, and
 * cells that cannot be edited (locked checks) keep their text and are counted.
 *
 * <p>On the FX thread. The search runs there too ({@link CellSearch} is bounded, and a lesson file is at most
 * 48 MB); while the bar is open, changes to the lesson mark the hits stale and one search per pulse renews them.
 * A replacement is at most as long as a query, so Replace All (at most {@value CellSearch#MAX_HITS} places) adds
 * at most 10 MB; a lesson grown past what Lessonbook opens is refused at Save ({@code LessonFiles.write}).
 */
final class LessonFindBar extends VBox {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ROOT);

    private final NotebookDocument document;
    private final NotebookView view;
    private final TextField query = new TextField();
    private final ToggleButton matchCase = new ToggleButton("Aa");
    private final Label count = new Label();
    private final TextField replacement = new TextField();
    private final Label replaced = new Label();
    private final HBox replaceRow;
    private CellSearch.Result result = CellSearch.Result.NONE;
    private int current = -1;

    LessonFindBar(NotebookDocument document, NotebookView view) {
        this.document = document;
        this.view = view;
        getStyleClass().add("lesson-find-bar");
        setSpacing(4);
        query.setPromptText("Find in lesson");
        query.getStyleClass().add("lesson-find-field");
        matchCase.setTooltip(new Tooltip("Match case"));
        matchCase.setFocusTraversable(false);
        count.getStyleClass().add("match-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(query, Priority.ALWAYS);
        query.setMaxWidth(480);
        HBox findRow = new HBox(4, query, matchCase, BarButtons.of("\u2191", "Previous match (Shift+Enter)", this::previous),
                BarButtons.of("\u2193", "Next match (Enter)", this::next), count,
                BarButtons.of("\u2715", "Close (Escape)", this::close));
        findRow.setAlignment(Pos.CENTER_LEFT);
        replacement.setPromptText("Replace with");
        replacement.getStyleClass().add("lesson-replace-field");
        HBox.setHgrow(replacement, Priority.ALWAYS);
        replacement.setMaxWidth(480);
        replaced.getStyleClass().add("match-count");
        replaceRow = new HBox(4, replacement, BarButtons.of("Replace", "Replace this match (Enter)", this::replaceCurrent),
                BarButtons.of("Replace All", "Replace every match in the lesson", this::replaceAll), replaced);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(findRow, replaceRow);
        showReplace(false);

        query.textProperty().addListener((o, was, now) -> search(true));
        matchCase.selectedProperty().addListener((o, was, now) -> search(true));
        TextChangeRenewal.install(document, this, () -> search(false));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setVisible(false);
        setManaged(false);
    }

    /** Opens the bar with the keyboard in its field, searching from the selected cell. */
    void open() {
        showReplace(false);
        show();
    }

    /** Opens the bar with its replace row (Ctrl+H). */
    void openReplace() {
        showReplace(true);
        show();
    }

    private void showReplace(boolean shown) {
        replaceRow.setVisible(shown);
        replaceRow.setManaged(shown);
        replaced.setText("");
    }

    private void show() {
        setVisible(true);
        setManaged(true);
        query.requestFocus();
        query.selectAll();
        search(true);
    }

    void close() {
        setVisible(false);
        setManaged(false);
        view.requestFocus();
    }

    boolean isOpen() {
        return isVisible();
    }

    /** "3 of 12", "No matches" or why nothing was searched; for tests and the eye. */
    String countText() {
        return count.getText();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            close();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && replacement.isFocused()) {
            replaceCurrent();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            if (e.isShiftDown()) {
                previous();
            } else {
                next();
            }
            e.consume();
        }
    }

    void next() {
        step(1);
    }

    void previous() {
        step(-1);
    }

    private void step(int delta) {
        int size = result.hits().size();
        if (size == 0) {
            return;
        }
        current = current < 0 ? 0 : Math.floorMod(current + delta, size);
        showCurrent();
    }

    /** Searches again; from the selected cell on when the query changed, else staying near the current hit. */
    private void search(boolean fromSelection) {
        String text = query.getText();
        result = CellSearch.find(document.cells(), text, this::searched, matchCase.isSelected());
        int size = result.hits().size();
        if (size == 0) {
            current = -1;
        } else if (fromSelection || current < 0) {
            current = result.firstFrom(document.cells(), Math.max(0, view.selectedIndex()), 0);
            showCurrent();
        } else {
            current = Math.min(current, size - 1);
        }
        count.setText(text.isEmpty() ? ""
                : text.length() > CellSearch.MAX_QUERY ? "At most " + COUNT.format(CellSearch.MAX_QUERY)
                        + " characters"
                : size == 0 ? "No matches"
                : COUNT.format(current + 1) + " of " + COUNT.format(size) + (result.stopped() ? "+" : ""));
    }

    private void showCurrent() {
        CellSearch.Hit hit = result.hits().get(current);
        if (document.indexOf(hit.cellId()) < 0) {
            return;
        }
        view.select(hit.cellId());
        view.scrollToSelected();
        if (view.view(hit.cellId()) instanceof CodeCellView code) {
            code.showFound(hit.start(), hit.end());
        }
        count.setText(COUNT.format(current + 1) + " of " + COUNT.format(result.hits().size())
                + (result.stopped() ? "+" : ""));
    }

    /** The current match replaced, then the next one shown. */
    void replaceCurrent() {
        if (current < 0 || !replacementFits()) {
            return;
        }
        int at = current;
        report(document.replace(java.util.List.of(result.hits().get(at)), query.getText(), matchCase.isSelected(),
                replacement.getText(), "Replace"));
        search(false);   // now, not at the next pulse: the next match, shown below, is where this one was
        if (current >= 0) {
            showCurrent();
        }
    }

    /** Every match replaced, as one step. */
    void replaceAll() {
        if (!replacementFits()) {
            return;
        }
        search(false);
        if (result.hits().isEmpty()) {
            return;
        }
        boolean more = result.stopped();
        report(document.replace(result.hits(), query.getText(), matchCase.isSelected(), replacement.getText(),
                "Replace All"));   // the changed cells renew the count at the next pulse (TextChangeRenewal)
        if (more) {
            replaced.setText(replaced.getText() + " · more remain: Replace All again");
        }
    }

    /** What the last Replace did; for tests and the eye. */
    String replacedText() {
        return replaced.getText();
    }

    private boolean replacementFits() {
        if (replacement.getLength() <= CellSearch.MAX_QUERY) {
            return true;
        }
        replaced.setText("At most " + COUNT.format(CellSearch.MAX_QUERY) + " characters");
        return false;
    }

    private void report(ReplaceCount n) {
        if (document.isReadOnly()) {
            replaced.setText("This notebook cannot be changed here: nothing replaced");
            return;
        }
        String text = n.replaced() == 0 ? "Nothing replaced"
                : "Replaced " + COUNT.format(n.replaced()) + (n.cells() == 1 ? " in 1 cell" : " in "
                        + COUNT.format(n.cells()) + " cells") + " (Z takes it back)";
        if (n.leftAlone() > 0) {
            text += " · " + COUNT.format(n.leftAlone()) + " in locked cells left as they are";
        }
        replaced.setText(text);
    }

    private boolean searched(Cell cell) {
        return view.solutionsShown() || !(cell instanceof CodeCell code && code.role().kind() != CellRole.Kind.PLAIN);
    }
}
