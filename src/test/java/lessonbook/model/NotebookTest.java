package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A notebook's lookups by id, through the index it keeps, agree with its cells after every kind of change. */
class NotebookTest {
    @Test
    void lookupsByIdAgreeWithTheCellsAfterChanges() {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            cells.add(i % 2 == 0 ? new MarkdownCell("m" + i, "text " + i) : new CodeCell("c" + i, "int x" + i + ";"));
        }
        Notebook notebook = new Notebook(cells);
        assertThat(notebook.indexOf("c999")).isEqualTo(999);
        assertThat(notebook.indexOf("m0")).isZero();
        assertThat(notebook.indexOf("nope")).isEqualTo(-1);

        Notebook edited = notebook.map("c501", c -> c.withSource("int changed;"));
        assertThat(edited.cell("c501").orElseThrow().source()).isEqualTo("int changed;");
        assertThat(edited.indexOf("c999")).isEqualTo(999);
        assertThat(notebook.cell("c501").orElseThrow().source()).as("the old notebook is unchanged").isEqualTo("int x501;");

        List<Cell> moved = new ArrayList<>(edited.cells());
        moved.add(0, moved.remove(999));
        Notebook reordered = edited.withCells(moved);
        assertThat(reordered.indexOf("c999")).isZero();
        assertThat(reordered.indexOf("m0")).isEqualTo(1);

        Notebook converted = reordered.map("m2", Cell::convert);
        assertThat(converted.cell("m2")).hasValueSatisfying(c -> assertThat(c).isInstanceOf(CodeCell.class));
        assertThat(converted).isEqualTo(new Notebook(converted.cells())).hasSameHashCodeAs(new Notebook(converted.cells()));
        assertThat(converted).isNotEqualTo(reordered);
    }

    @Test
    void ofTwoCellsWithOneIdTheFirstIsFoundAsAScanFoundIt() {
        Notebook notebook = new Notebook(List.of(new CodeCell("a", "1"), new CodeCell("b", "2"), new CodeCell("a", "3")));
        assertThat(notebook.indexOf("a")).isZero();
        assertThat(notebook.cell("a").orElseThrow().source()).isEqualTo("1");
    }
}
