package lessonbook.ui;

import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The notebook's page: the cell column on a sheet of paper drawn behind it. The paper is placed once per layout
 * pass, after the column's: a listener on the column's bounds was called, and made the bounds be computed over
 * every cell, each time the column's layout moved one cell, which made laying out n cells take n * n steps (a
 * 20,000-cell notebook never showed).
 */
final class PaperPage extends StackPane {
    /** The steps in which the paper's height follows the column's (see {@link #placePaper}). */
    static final double PAPER_STEP = 4096;
    private final Region paper = new Region();
    private final VBox column;

    PaperPage(VBox column) {
        super();
        this.column = column;
        getChildren().setAll(paper, column);
        setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("page");
        paper.getStyleClass().add("paper");
        paper.setManaged(false);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        placePaper();
    }

    /**
     * The paper follows the column's width at once but its height only in steps of {@link #PAPER_STEP} pixels
     * (below the last cell it runs on, out of the scroll range). A background that changes size is repainted
     * whole, and the column changes height whenever any cell does: a cell out of view getting its lanes or its
     * results (Run All of a lesson) repainted the whole visible notebook, under software rendering a quarter of a
     * second of a core each time, while the workers needed the cores.
     */
    private void placePaper() {
        double x = column.getLayoutX();
        double y = column.getLayoutY();
        double height = Math.ceil(column.getHeight() / PAPER_STEP) * PAPER_STEP;
        if (paper.getLayoutX() != x || paper.getLayoutY() != y || paper.getWidth() != column.getWidth()
                || paper.getHeight() != height) {
            paper.resizeRelocate(x, y, column.getWidth(), height);
        }
    }
}
