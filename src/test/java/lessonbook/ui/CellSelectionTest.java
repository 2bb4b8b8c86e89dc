package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.model.Cell;
import lessonbook.model.CodeCell;

/** The selection's logic, without a window: the run from anchor to cursor, and what the view is told to mark. */
class CellSelectionTest {
    private static final List<Cell> CELLS = List.of(new CodeCell("a", ""), new CodeCell("b", ""),
            new CodeCell("c", ""), new CodeCell("d", ""));

    @Test
    void theRunGoesFromTheAnchorToTheCursorEitherWay() {
        CellSelection selection = new CellSelection();
        selection.collapseTo("b");
        assertThat(selection.ids(CELLS)).containsExactly("b");

        selection.extendTo("d");
        assertThat(selection.ids(CELLS)).containsExactly("b", "c", "d");
        assertThat(selection.cursor()).isEqualTo("d");
        selection.extendTo("a");
        assertThat(selection.ids(CELLS)).as("past the anchor, upwards").containsExactly("a", "b");
        selection.collapseTo("c");
        assertThat(selection.ids(CELLS)).containsExactly("c");
    }

    @Test
    void cellsGoneSinceAreLeftOut() {
        CellSelection selection = new CellSelection();
        selection.collapseTo("a");
        selection.extendTo("c");

        assertThat(selection.ids(List.of(CELLS.get(1), CELLS.get(2), CELLS.get(3))))
                .as("the anchor deleted: the cursor alone").containsExactly("c");
        assertThat(selection.ids(List.of(CELLS.get(0), CELLS.get(3)))).as("the cursor deleted").isEmpty();
    }

    @Test
    void theViewMarksTheSelectedAndUnmarksOnlyThoseNoLongerSelected() {
        CellSelection selection = new CellSelection();
        List<String> told = new ArrayList<>();
        selection.collapseTo("a");
        selection.mark(CELLS, id -> told.add("+" + id), id -> told.add("-" + id));
        selection.extendTo("c");
        selection.mark(CELLS, id -> told.add("+" + id), id -> told.add("-" + id));
        selection.collapseTo("c");
        selection.mark(CELLS, id -> told.add("+" + id), id -> told.add("-" + id));

        assertThat(told).containsExactly("+a", "+a", "+b", "+c", "-a", "-b", "+c");
    }
}
