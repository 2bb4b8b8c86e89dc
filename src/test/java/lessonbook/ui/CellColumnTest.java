package lessonbook.ui;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The column keeps each cell in its run while cells are added, removed and moved around it: taking a node out of
 * its parent applies its styles again, which over a long notebook's cells takes seconds.
 */
@ExtendWith(ApplicationExtension.class)
class CellColumnTest {
    private CellColumn column;
    private final List<Node> cells = new ArrayList<>();

    @BeforeEach
    void makeColumn() {
        column = onFx(() -> new CellColumn(new SimpleDoubleProperty(14)));
    }

    @Test
    void newCellsAreShownInOrderInRunsOfEight() {
        addCells(20);
        onFx(() -> column.setCells(cells));

        assertThat(onFx(column::cells)).containsExactlyElementsOf(cells);
        assertThat(runSizes()).containsExactly(8, 8, 4);
    }

    @Test
    void aCellAddedMovedOrRemovedIsTheOnlyOneToChangeItsParent() {
        addCells(20);
        onFx(() -> column.setCells(cells));

        Map<Node, Parent> before = parents();
        Node added = onFx(Region::new);
        cells.add(3, added);
        onFx(() -> column.setCells(cells));
        assertThat(onFx(column::cells)).containsExactlyElementsOf(cells);
        assertThat(changedParents(before)).containsExactly(added);

        before = parents();
        Node moved = cells.remove(12);
        cells.add(1, moved);
        onFx(() -> column.setCells(cells));
        assertThat(onFx(column::cells)).containsExactlyElementsOf(cells);
        assertThat(changedParents(before)).containsExactly(moved);

        before = parents();
        cells.remove(5);
        cells.remove(0);
        onFx(() -> column.setCells(cells));
        assertThat(onFx(column::cells)).containsExactlyElementsOf(cells);
        assertThat(changedParents(before)).isEmpty();
        assertThat(runSizes()).allSatisfy(size -> assertThat(size).isBetween(1, CellColumn.RUN_MAX));
    }

    @Test
    void runsAreThemselvesInRunsSoThatFewMoveAtOnceInALongNotebook() {
        addCells(200);
        onFx(() -> column.setCells(cells));

        assertThat(onFx(column::cells)).containsExactlyElementsOf(cells);
        assertThat(runSizes()).hasSize(25).allSatisfy(size -> assertThat(size).isEqualTo(8));
        assertThat(runsOfRunsSizes()).containsExactly(8, 8, 8, 1);

        Map<Node, Parent> before = parents();
        Node moved = cells.remove(150);
        cells.add(7, moved);
        cells.add(100, onFx(Region::new));
        onFx(() -> column.setCells(cells));
        assertThat(onFx(column::cells)).containsExactlyElementsOf(cells);
        assertThat(changedParents(before)).containsExactly(moved, cells.get(100));
    }

    @Test
    void aVeryLongNotebookGetsMoreLevelsAndAGrowingCellStillMovesFewChildrenOfAnyParent() {
        for (int i = 0; i < 2_000; i++) {
            Region cell = onFx(Region::new);
            onFx(() -> cell.setPrefHeight(20));
            cells.add(cell);
        }
        onFx(() -> column.setCells(cells));
        assertThat(onFx(column::cells)).containsExactlyElementsOf(cells);
        // 2,000 cells: 250 runs, 32 runs of runs, 4 runs of those; the column holds the 4
        assertThat(onFx(() -> depthOf(cells.get(0)))).isEqualTo(3);
        assertThat(onFx(() -> column.getChildrenUnmodifiable().stream()
                .filter(CellColumn.CellRun.class::isInstance).count())).isLessThanOrEqualTo(CellColumn.RUN_MAX);
        onFx(column::layout);
        Map<Node, Double> before = onFx(() -> layoutYs(column, new IdentityHashMap<>()));

        onFx(() -> {
            ((Region) cells.get(1)).setPrefHeight(60);
            column.layout();
        });

        Map<Parent, Integer> movedChildren = onFx(() -> {
            Map<Parent, Integer> moved = new IdentityHashMap<>();
            for (Map.Entry<Node, Double> node : before.entrySet()) {
                if (node.getKey().getLayoutY() != node.getValue()) {
                    moved.merge(node.getKey().getParent(), 1, Integer::sum);
                }
            }
            return moved;
        });
        assertThat(movedChildren).isNotEmpty();
        // JavaFX repaints a parent whole once more than 12 of its children changed in a frame
        assertThat(movedChildren.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(12));
        double cellBelow = onFx(() -> column.boundsOf(cells.get(2)).getMinY() - column.boundsOf(cells.get(1)).getMaxY());
        double lastGap = onFx(() -> column.boundsOf(cells.get(1999)).getMinY()
                - column.boundsOf(cells.get(1998)).getMaxY());
        assertThat(cellBelow).isEqualTo(lastGap);   // the cells stay stacked with equal gaps through every level
    }

    private int depthOf(Node cell) {
        int depth = 0;
        for (Parent p = cell.getParent(); p != column; p = p.getParent()) {
            depth++;
        }
        return depth;
    }

    private static Map<Node, Double> layoutYs(Parent parent, Map<Node, Double> into) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            into.put(child, child.getLayoutY());
            if (child instanceof CellColumn.CellRun run) {
                layoutYs(run, into);
            }
        }
        return into;
    }

    @Test
    void aRunLongerThanItMayBeIsSplit() {
        addCells(8);
        onFx(() -> column.setCells(cells));
        for (int i = 0; i < 7; i++) {
            cells.add(4, onFx(Region::new));
        }
        onFx(() -> column.setCells(cells));

        assertThat(onFx(column::cells)).containsExactlyElementsOf(cells);
        assertThat(runSizes()).allSatisfy(size -> assertThat(size).isBetween(1, CellColumn.RUN_MAX));
    }

    private void addCells(int count) {
        for (int i = 0; i < count; i++) {
            cells.add(onFx(Region::new));
        }
    }

    /** How many cells each run holds, top to bottom. */
    private List<Integer> runSizes() {
        return onFx(() -> column.getChildrenUnmodifiable().stream()
                .filter(CellColumn.CellRun.class::isInstance)
                .flatMap(runs -> ((Parent) runs).getChildrenUnmodifiable().stream())
                .map(run -> ((Parent) run).getChildrenUnmodifiable().size()).toList());
    }

    /** How many runs each run of runs holds. */
    private List<Integer> runsOfRunsSizes() {
        return onFx(() -> column.getChildrenUnmodifiable().stream()
                .filter(CellColumn.CellRun.class::isInstance)
                .map(runs -> ((Parent) runs).getChildrenUnmodifiable().size()).toList());
    }

    private Map<Node, Parent> parents() {
        Map<Node, Parent> parents = new IdentityHashMap<>();
        for (Node cell : cells) {
            parents.put(cell, cell.getParent());
        }
        return parents;
    }

    private List<Node> changedParents(Map<Node, Parent> before) {
        List<Node> changed = new ArrayList<>();
        for (Node cell : cells) {
            if (before.get(cell) != cell.getParent()) {
                changed.add(cell);
            }
        }
        return changed;
    }
}
