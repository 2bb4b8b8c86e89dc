package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The place a trace's frame names: written by the kernel, read back by the window, one form. */
class CellLineTest {

    @Test
    void whatIsWrittenIsReadBack() {
        CellLine place = new CellLine(12, 4);
        assertThat(place.text()).isEqualTo("In [12], line 4");
        assertThat(CellLine.named("at half (" + place.text() + ")")).contains(place);
        assertThat(CellLine.named("(" + new CellLine(3, 0).text() + ")")).contains(new CellLine(3, 0));
    }

    @Test
    void aLineNamesItsLastPlaceAndOnlyThatForm() {
        assertThat(CellLine.named("[Worker-1 4242] \tat lambda (In [2], line 1) (In [5], line 9)"))
                .contains(new CellLine(5, 9));
        assertThat(CellLine.named("at half (#14:2)")).isEmpty();
        assertThat(CellLine.named("printed In [3], line 4 without parentheses")).isEmpty();
        assertThat(CellLine.named("(In [0], line 1)")).isEmpty();
        assertThat(CellLine.named("(In [99999999999], line 1)")).isEmpty();
        assertThat(CellLine.named(null)).isEmpty();
    }

    @Test
    void noPlaceBeforeTheFirstRun() {
        assertThatThrownBy(() -> new CellLine(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
