package lessonbook.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import lessonbook.model.Output;

class CheckTest {
    private final List<Output> shown = new ArrayList<>();
    private Consumer<Output> previous;

    @BeforeEach
    void installSink() {
        previous = Display.install(shown::add);
    }

    @AfterEach
    void restoreSink() {
        Display.install(previous);
    }

    @Test
    void wholeNumbersAndDecimalsCompareByValueWhateverTheirType() {
        Check.equal("int and BigInteger", 120, BigInteger.valueOf(120));
        Check.equal("long and int", 5L, 5);
        Check.equal("float and double", 0.5f, 0.5);
        Check.equal("not equal", 2432902008176640000L, -2102132736);

        assertThat(shown).extracting(o -> ((Output.Check) o).passed()).containsExactly(true, true, true, false);
        assertThat(shown.get(3).text())
                .isEqualTo("[failed] not equal: expected 2432902008176640000 but was -2102132736\n");
    }

    @Test
    void stringsAreQuotedArraysCompareByElementsAndThatHasNoValues() {
        Check.equal("greeting", "hi", "hi ");
        Check.equal("array", new int[] {1, 2}, new int[] {1, 2});
        Check.that("faster", false);

        assertThat(shown).containsExactly(new Output.Check("greeting", false, "\"hi\"", "\"hi \""),
                new Output.Check("array", true, "[1, 2]", "[1, 2]"), new Output.Check("faster", false, null, null));
        assertThat(shown.get(2).text()).isEqualTo("[failed] faster\n");
    }
}
