package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkSizingTest {
    private final ChunkSizing sizing = new ChunkSizing();

    @Test
    void aFunctionNotMeasuredYetGetsPythonsFourChunksPerWorkerAndOneAhead() {
        assertThat(sizing.chunkSize(7, 1000, 2)).isEqualTo(125);
        assertThat(sizing.chunkSize(7, 10, 10)).isEqualTo(1);
        assertThat(sizing.chunksAhead(7, 125)).isEqualTo(1);
    }

    @Test
    void aShortMapSendsEachInputOnItsOwnSoThatNoWorkerIsAChunkBehind() {
        assertThat(sizing.chunkSize(7, 10, 2)).as("the tutorial's ten inputs on two workers, not 6 + 4").isEqualTo(1);
        assertThat(sizing.chunkSize(7, 32, 2)).as("16 a worker").isEqualTo(1);
        assertThat(sizing.chunkSize(7, 34, 2)).as("17 a worker: Python's chunks").isEqualTo(5);
        sizing.measured(7, 10 * 300_000L, 10);   // 0.3 ms an input: a share of 5 costs 1.5 ms, cheap
        assertThat(sizing.chunkSize(7, 10, 2)).as("a cheap function still goes out as one share").isEqualTo(5);
    }

    @Test
    void aCheapFunctionGetsOneChunkPerWorkerAndTheWholeMapAhead() {
        sizing.measured(7, 125 * 500L, 125);   // 0.5 us an input: a share of 500 costs 0.25 ms
        assertThat(sizing.chunkSize(7, 1000, 2)).isEqualTo(500);
        assertThat(sizing.chunkSize(7, 1001, 2)).as("the share rounds up").isEqualTo(501);
        assertThat(sizing.chunksAhead(7, 500)).isGreaterThan(1);
        assertThat(sizing.chunkSize(8, 1000, 2)).as("another function is not known to be cheap").isEqualTo(125);
    }

    @Test
    void anExpensiveFunctionKeepsPythonsChunksAndNoneAhead() {
        sizing.measured(7, 10 * 300_000L, 10);   // 0.3 ms an input: a share of 40 costs 12 ms
        assertThat(sizing.chunkSize(7, 80, 2)).isEqualTo(10);
        assertThat(sizing.chunksAhead(7, 10)).isEqualTo(1);
    }

    @Test
    void theBudgetDecides() {
        sizing.measured(7, 4_000, 1);   // 4 us an input
        assertThat(sizing.chunkSize(7, 1000, 2)).as("500 x 4 us = 2 ms: within").isEqualTo(500);
        assertThat(sizing.chunkSize(7, 1002, 2)).as("501 x 4 us: over").isEqualTo(126);
        assertThat(sizing.chunksAhead(7, 10)).isEqualTo(50);
        assertThat(sizing.chunksAhead(7, 1)).as("at most 64 ahead").isEqualTo(64);
    }

    @Test
    void noWorkersYetCountsAsOne() {
        assertThat(sizing.chunkSize(7, 100, 0)).isEqualTo(25);
    }
}
