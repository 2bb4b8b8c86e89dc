package lessonbook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The ceiling's arithmetic: each loop at once counts as the share of the fastest core it ran at. */
class CoresCeilingTest {
    @Test
    void twoCoresAlikeAllowTwiceTheSpeed() {
        assertThat(CoresCeiling.ceiling(0.300, List.of(0.300, 0.300))).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aSlowerCoreCountsForItsShare() {
        // one core runs the loop in 285 ms, the other in 380: three quarters of a second fast core
        assertThat(CoresCeiling.ceiling(0.285, List.of(0.285, 0.380))).isCloseTo(1.75, within(1e-9));
    }

    @Test
    void theFastestLoopIsTheReferenceEvenWhenTheLoopAloneRanOnTheSlowCore() {
        assertThat(CoresCeiling.ceiling(0.380, List.of(0.285, 0.380))).isCloseTo(1.75, within(1e-9));
    }
}
