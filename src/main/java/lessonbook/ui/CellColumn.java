package lessonbook.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javafx.beans.property.DoubleProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * The notebook's page: its cells one below the other, centred in the page's width and at most {@link #MAX_WIDTH_EM}
 * wide, held in runs of a few cells ({@link CellRun}) under a plain {@link Parent}, not a layout pane.
 * <p>
 * Why not a {@code VBox}: JavaFX repaints a {@code Region} whole whenever its size changes, background or not
 * (its peer's {@code setSize} marks all of it dirty). The page changes height whenever any cell does: a cell out of
 * view getting its output, its lanes or its results during Run All repainted the whole visible notebook (25 ms of
 * a core each time under software rendering, while the workers needed the cores), seen in a debugger as the
 * column's and the page's {@code setSize} in 26 of a Run All's frames. A {@code Parent} has no size of its own:
 * its bounds are its children's.
 * <p>
 * Why runs: every cell below one that grows moves, and JavaFX repaints a parent whole once more than 12 of its
 * children changed in a frame ({@code NGNode.DIRTY_CHILDREN_ACCUMULATED_THRESHOLD}), in view or not: a cell that
 * grew near the top of a 33-cell lesson moved the other 30 and repainted the whole view. The cells are in runs
 * of at most {@link #RUN_MAX}, the runs in runs of at most as many, and so on up, as many levels (two at least)
 * as leave the column itself no more than {@link #RUN_MAX} runs: a level more for every eight times as many cells
 * (three past ~800 cells, four past ~6,000). What moves when a cell grows is the cells below it in its run and
 * the runs below its own at each level; one out of view that moves repaints nothing. A cell stays in its run
 * while the cells around it are added, removed or moved (taking a cell out of its parent applies its styles
 * again, which for a long notebook is seconds); a notebook that grows past a level's size moves its runs into a
 * new level once.
 * <p>
 * Why unmanaged, the column and its runs: a plain parent's layout bounds are its children's bounds, and JavaFX asks
 * the parent of a managed node whose layout bounds changed for a layout. A ticking label or a growing lane inside
 * a cell changes the bounds of everything around it up to the page, so each tick laid out the whole window. A
 * layout request stops at an unmanaged node; a run passes its cells' own requests (a cell changed height) on to
 * the column, and the scroll pane follows the column's bounds by itself.
 * <p>
 * The scroll pane reads the page's extent from its layout bounds: a childless spacer spans the page's width at
 * its top (the cells keep their margins), another makes the room below the last cell. The paper behind the cells
 * is drawn by {@link NotebookSkin}, outside the scrolled content, for the same reason. Sizes in em of the
 * notebook's font, which zoom changes. FX thread only.
 */
final class CellColumn extends Parent {
    static final double MAX_WIDTH_EM = 70;
    /** Cells a new or moved cell may join in a run, leaving room for cells added later. */
    static final int RUN_SIZE = 8;
    /** Cells a run may keep: JavaFX's threshold, so that all but one of a run's cells may move in one frame. */
    static final int RUN_MAX = 12;
    private static final double TOP_EM = 1.2;
    private static final double RIGHT_EM = 2;
    private static final double BOTTOM_EM = 12;
    private static final double LEFT_EM = 0.6;
    private static final double SPACING_EM = 0.5;
    private final DoubleProperty fontSize;
    private final Region widthSpan = spacer();
    private final Region bottomRoom = spacer();
    private double pageWidth;
    private Runnable onCellsMoved = () -> { };

    CellColumn(DoubleProperty fontSize) {
        this.fontSize = fontSize;
        getStyleClass().add("cell-column");
        setManaged(false);
        getChildren().setAll(widthSpan, bottomRoom);
        fontSize.addListener((o, was, now) -> requestLayout());
    }

    private static Region spacer() {
        Region spacer = new Region();
        spacer.setManaged(false);   // placed by layoutChildren
        spacer.setMouseTransparent(true);
        return spacer;
    }

    /** The cells, top to bottom. */
    List<Node> cells() {
        List<Node> cells = new ArrayList<>();
        addCells(this, cells);
        return cells;
    }

    private void addCells(Parent parent, List<Node> cells) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof CellRun run) {
                addCells(run, cells);
            } else if (parent != this) {   // the column's own other children are its spacers
                cells.add(child);
            }
        }
    }

    /**
     * Shows {@code cells} in this order: in runs of cells, themselves in runs of runs, and so on up until the
     * column holds at most {@link #RUN_MAX} runs; each level regrouped as {@link #regroup} says.
     */
    void setCells(List<? extends Node> cells) {
        List<CellRun> tops = regroup(regroup(cells));
        while (tops.size() > RUN_MAX) {
            List<CellRun> above = regroup(tops);
            if (above.size() == tops.size()) {
                break;   // every run alone in a run of its own: a level more would change nothing
            }
            tops = above;
        }
        List<Node> children = new ArrayList<>(tops.size() + 2);
        children.add(widthSpan);
        children.add(bottomRoom);
        children.addAll(tops);
        if (!getChildren().equals(children)) {
            getChildren().setAll(children);
        }
    }

    /**
     * Puts {@code items} (cells, or runs of cells) in runs, in this order, and returns the runs. An item keeps its
     * run while the run's items stay together in order (up to {@link #RUN_MAX} of them); a new or moved item joins
     * the run before it while that has fewer than {@link #RUN_SIZE}, else a new run.
     */
    private List<CellRun> regroup(List<? extends Node> items) {
        List<CellRun> owners = new ArrayList<>();
        List<List<Node>> members = new ArrayList<>();
        Set<CellRun> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            CellRun own = runOf(item);
            int last = owners.size() - 1;
            boolean lastHasRoom = last >= 0 && members.get(last).size() < RUN_SIZE;
            // a moved item leaves its run to the items that stayed together in it
            boolean ownStays = own != null && !used.contains(own) && (own.getChildren().size() == 1
                    || i + 1 < items.size() && runOf(items.get(i + 1)) == own || !lastHasRoom);
            if (own != null && last >= 0 && owners.get(last) == own && members.get(last).size() < RUN_MAX) {
                members.get(last).add(item);
            } else if (ownStays) {
                used.add(own);
                owners.add(own);
                members.add(new ArrayList<>(List.of(item)));
            } else if (lastHasRoom) {
                members.get(last).add(item);
            } else {
                owners.add(new CellRun());
                members.add(new ArrayList<>(List.of(item)));
            }
        }
        for (int i = 0; i < owners.size(); i++) {
            if (!owners.get(i).getChildren().equals(members.get(i))) {
                owners.get(i).getChildren().setAll(members.get(i));
            }
        }
        return owners;
    }

    /** The run of this column {@code item} is in, or null. */
    private CellRun runOf(Node item) {
        if (item.getParent() instanceof CellRun run) {
            Parent above = run.getParent();
            while (above instanceof CellRun up) {
                above = up.getParent();
            }
            return above == this ? run : null;
        }
        return null;
    }

    /** Where {@code cell} lies on the page (its bounds in this column's coordinates). */
    Bounds boundsOf(Node cell) {
        Bounds bounds = cell.getBoundsInParent();
        for (Parent p = cell.getParent(); p != null && p != this; p = p.getParent()) {
            bounds = p.localToParent(bounds);
        }
        return bounds;
    }

    /**
     * Calls {@code action} whenever the page's height changes (a cell grew, shrank, came or went). A plain parent's
     * layout bounds follow every change of its children's geometry; only a change of height is news here.
     */
    void addOnHeightChanged(Runnable action) {
        layoutBoundsProperty().addListener((o, was, now) -> {
            if (was.getHeight() != now.getHeight()) {
                action.run();
            }
        });
    }

    /** Called after a layout that moved any cell on the page (a cell above it changed height). */
    void setOnCellsMoved(Runnable action) {
        onCellsMoved = action;
    }

    /** The page's height: what the scroll pane scrolls over. */
    double height() {
        return getLayoutBounds().getHeight();
    }
    /** The viewport's width, which the page fills (the scroll pane does not size a plain {@code Parent}). */
    void setPageWidth(double width) {
        if (width != pageWidth) {
            pageWidth = width;
            requestLayout();
        }
    }

    /** Where the paper lies across a page {@code width} wide: its left edge and its width. */
    double[] paperSpan(double width) {
        double paper = Math.min(MAX_WIDTH_EM * fontSize.get(), width);
        return new double[] {Math.round((width - paper) / 2), Math.round(paper)};
    }

    @Override
    protected void layoutChildren() {
        double em = fontSize.get();
        double[] paper = paperSpan(pageWidth);
        double x = paper[0] + Math.round(LEFT_EM * em);
        double margins = Math.round(LEFT_EM * em) + Math.round(RIGHT_EM * em);
        // as a VBox would: no cell narrower than its least width (the page is then wider than the view, and scrolls)
        double width = Math.max(0, paper[1] - margins);
        for (Node cell : cells()) {
            width = Math.max(width, Math.ceil(cell.minWidth(-1)));
        }
        Placing placing = new Placing(x, width, Math.round(TOP_EM * em), Math.round(SPACING_EM * em));
        placing.inside(this, 0);
        double y = placing.y;
        // Sized only when the page's width or the font changes; moved only when the last cell's bottom does.
        widthSpan.resizeRelocate(0, 0, Math.max(pageWidth, x + width + Math.round(RIGHT_EM * em)), 1);
        bottomRoom.resizeRelocate(0, y, 1, Math.round(BOTTOM_EM * em));
        keepAtPageTop();
        if (placing.moved) {
            onCellsMoved.run();
        }
    }

    /**
     * The scroll pane's skin puts the page at its viewport's top by the page's layout bounds, but only when the
     * viewport itself lays out. The first time it did, the cells were not laid out yet and a text's ascent reached
     * above the page's top, so the page was put 12 px low and stayed there: every scroll value showed the page 12 px
     * below where the view's anchor computed it, and its last 12 px were out of reach. Puts it where the skin means
     * it to be, as the page's own bounds are now.
     */
    private void keepAtPageTop() {
        Bounds bounds = getLayoutBounds();
        if (getLayoutX() != -bounds.getMinX() || getLayoutY() != -bounds.getMinY()) {
            relocate(0, 0);
        }
    }

    /**
     * One layout's walk down the runs: each cell below the one before it, each run where its first cell's top is,
     * in its parent's coordinates.
     */
    private final class Placing {
        private final double x;
        private final double width;
        private final double spacing;
        /** The next cell's top on the page, before the spacing above it. */
        double y;
        boolean first = true;
        boolean moved;

        Placing(double x, double width, double top, double spacing) {
            this.x = x;
            this.width = width;
            this.y = top;
            this.spacing = spacing;
        }

        /** Places what {@code parent} holds; its own top lies at {@code parentTop} on the page. */
        void inside(Parent parent, double parentTop) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child instanceof CellRun run) {
                    double top = first ? y : y + spacing;
                    moved |= run.getLayoutY() != top - parentTop;
                    run.setLayoutY(top - parentTop);
                    inside(run, top);
                } else if (parent != CellColumn.this) {
                    if (!first) {
                        y += spacing;
                    }
                    first = false;
                    double height = Math.ceil(Math.max(child.minHeight(width), Math.min(child.prefHeight(width),
                            child.maxHeight(width))));
                    moved |= child.getLayoutY() != y - parentTop;
                    child.resizeRelocate(x, y - parentTop, width, height);
                    y += height;
                }
            }
        }
    }

    /**
     * A few neighbouring cells, or runs of them, placed by the column (a run lays nothing out itself: its cells'
     * places depend on every cell above them).
     */
    static final class CellRun extends Parent {
        CellRun() {
            getStyleClass().add("cell-run");
            setManaged(false);
        }

        /** A cell asked for a layout (its height may have changed): the column places the cells below it. */
        @Override
        public void requestLayout() {
            super.requestLayout();
            if (getParent() != null) {
                getParent().requestLayout();
            }
        }

        @Override
        public ObservableList<Node> getChildren() {
            return super.getChildren();
        }

        @Override
        protected void layoutChildren() {
            // placed by CellColumn.layoutChildren
        }
    }
}
