package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/** The selection's logic, without a window: the run from anchor to cursor, and what the view is told to mark. */
class CellSelectionTest {
    private static final List<Cell> CELLS = List.of(new CodeCell("a", ""), new CodeCell("b", ""),
            new CodeCell("c", ""), new CodeCell("d", ""));

    /** The selected ids among {@code cells}, found as the view finds them: through the notebook's index. */
    private static List<String> ids(CellSelection selection, List<Cell> cells) {
        return selection.ids(cells, new Notebook(cells)::indexOf);
    }

    @Test
    void theRunGoesFromTheAnchorToTheCursorEitherWay() {
        CellSelection selection = new CellSelection();
        selection.collapseTo("b");
        assertThat(ids(selection, CELLS)).containsExactly("b");

        selection.extendTo("d");
        assertThat(ids(selection, CELLS)).containsExactly("b", "c", "d");
        assertThat(selection.cursor()).isEqualTo("d");
        selection.extendTo("a");
        assertThat(ids(selection, CELLS)).as("past the anchor, upwards").containsExactly("a", "b");
        selection.collapseTo("c");
        assertThat(ids(selection, CELLS)).containsExactly("c");
    }

    @Test
    void cellsGoneSinceAreLeftOut() {
        CellSelection selection = new CellSelection();
        selection.collapseTo("a");
        selection.extendTo("c");

        assertThat(ids(selection, List.of(CELLS.get(1), CELLS.get(2), CELLS.get(3))))
                .as("the anchor deleted: the cursor alone").containsExactly("c");
        assertThat(ids(selection, List.of(CELLS.get(0), CELLS.get(3)))).as("the cursor deleted").isEmpty();
    }

    @Test
    void theViewMarksTheSelectedAndUnmarksOnlyThoseNoLongerSelected() {
        CellSelection selection = new CellSelection();
        List<String> told = new ArrayList<>();
        selection.collapseTo("a");
        selection.mark(CELLS, new Notebook(CELLS)::indexOf, id -> told.add("+" + id), id -> told.add("-" + id));
        selection.extendTo("c");
        selection.mark(CELLS, new Notebook(CELLS)::indexOf, id -> told.add("+" + id), id -> told.add("-" + id));
        selection.collapseTo("c");
        selection.mark(CELLS, new Notebook(CELLS)::indexOf, id -> told.add("+" + id), id -> told.add("-" + id));

        assertThat(told).containsExactly("+a", "+a", "+b", "+c", "-a", "-b", "+c");
    }
}
