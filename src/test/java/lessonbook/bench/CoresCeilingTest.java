package lessonbook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The ceiling's arithmetic, on a case whose answer is known on any machine: one thread "at once" does what the
 * thread alone did, so the ceiling of one thread is 1 (within the noise of a shared test machine).
 */
class CoresCeilingTest {
    @Test
    void oneThreadAtOnceIsNoFasterThanItselfAlone() {
        double ceiling = CoresCeiling.probe(1);

        assertThat(ceiling).isBetween(0.6, 1.4);
    }
}
