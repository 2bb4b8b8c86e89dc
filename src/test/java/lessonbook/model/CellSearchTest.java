package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.model.CellSearch.Hit;

class CellSearchTest {
    private final List<Cell> cells = List.of(
            new MarkdownCell("m", "# Pools\nA pool maps."),
            new CodeCell("a", "var pool = new WorkerPool(2);\npool.map(f, xs);"),
            new CodeCell("b", "int x = 1;"));

    @Test
    void findsEveryPlaceInReadingOrderIgnoringCaseUnlessAsked() {
        CellSearch.Result any = CellSearch.find(cells, "pool", c -> true, false);
        assertThat(any.hits()).containsExactly(new Hit("m", 2, 6), new Hit("m", 10, 14), new Hit("a", 4, 8),
                new Hit("a", 21, 25), new Hit("a", 30, 34));
        assertThat(any.stopped()).isFalse();

        assertThat(CellSearch.find(cells, "Pool", c -> true, true).hits())
                .containsExactly(new Hit("m", 2, 6), new Hit("a", 21, 25));
    }

    @Test
    void leavesOutTheCellsItIsToldToAndFindsNothingForAnEmptyOrOverlongQuery() {
        assertThat(CellSearch.find(cells, "pool", c -> c instanceof MarkdownCell, false).hits()).hasSize(2);
        assertThat(CellSearch.find(cells, "", c -> true, false)).isEqualTo(CellSearch.Result.NONE);
        assertThat(CellSearch.find(cells, "p".repeat(CellSearch.MAX_QUERY + 1), c -> true, false).hits()).isEmpty();
    }

    @Test
    void matchesDoNotOverlapAndStopAtTheBound() {
        List<Cell> many = List.of(new CodeCell("z", "a".repeat(2 * CellSearch.MAX_HITS + 10)));
        assertThat(CellSearch.find(List.of(new CodeCell("y", "aaaa")), "aa", c -> true, false).hits())
                .containsExactly(new Hit("y", 0, 2), new Hit("y", 2, 4));

        CellSearch.Result capped = CellSearch.find(many, "aa", c -> true, false);

        assertThat(capped.hits()).hasSize(CellSearch.MAX_HITS);
        assertThat(capped.stopped()).isTrue();
    }

    @Test
    void theFirstHitFromACellAndOffsetWrapsToTheStart() {
        CellSearch.Result result = CellSearch.find(cells, "pool", c -> true, false);
        assertThat(result.firstFrom(cells, 1, 0)).isEqualTo(2);
        assertThat(result.firstFrom(cells, 1, 22)).isEqualTo(4);
        assertThat(result.firstFrom(cells, 2, 0)).isZero();
    }
}
