package lessonbook.kernel.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the kernel says holds its heap after a cell ran out of memory: the words and the ranking, without a kernel. */
class HeapHoldersTest {

    @Test
    void primitiveArraysShowTheirExactSize() {
        HeapHolders.Holder holder = HeapHolders.measure("big", new int[3 << 20]);
        assertThat(holder.toString()).isEqualTo("big (an int[] of 3,145,728 elements, 12 MB)");
        assertThat(holder.bytes()).isEqualTo(12L << 20);
    }

    @Test
    void aListOfArraysRanksByWhatItsElementsHoldAndShowsItsCount() {
        List<long[]> hog = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hog.add(new long[1 << 17]);
        }
        HeapHolders.Holder holder = HeapHolders.measure("hog", hog);
        assertThat(holder.toString()).isEqualTo("hog (an ArrayList of 3 elements)");
        assertThat(holder.bytes()).isGreaterThanOrEqualTo(3L << 20);
    }

    @Test
    void mapsCountEntriesAndTextCountsCharacters() {
        Map<Integer, Integer> squares = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            squares.put(i, i * i);
        }
        assertThat(HeapHolders.measure("squares", squares).toString())
                .isEqualTo("squares (a HashMap of 2,000 entries)");
        assertThat(HeapHolders.measure("text", new StringBuilder("abc")).toString())
                .isEqualTo("text (a StringBuilder of 3 characters)");
    }

    /** Measuring a cell's own collection would call its size(), the student's code: such values are left out. */
    @Test
    void aValueOfACellsOwnClassIsNotMeasured() {
        class Bag extends ArrayList<Object> {
            private static final long serialVersionUID = 1L;

            @Override
            public int size() {
                throw new AssertionError("the student's size() ran");
            }
        }
        // a class of this test's loader stands for a cell's (JShell's loader); the JDK's own have none
        assertThat(HeapHolders.measure("bag", new Bag())).isNull();
        assertThat(HeapHolders.measure("nothing", null)).isNull();
    }

    @Test
    void theMessageNamesTheLargestHolderAndWhatToDo() {
        KernelMemory.HeapInUse heap = new KernelMemory.HeapInUse(233L << 20, 248L << 20);
        assertThat(HeapHolders.stillFullMessage(heap, List.of(HeapHolders.measure("hog", List.of(new long[1 << 20])))))
                .isEqualTo("The kernel's memory is still full after this cell: 233 of 248 MB in use, held by the"
                        + " notebook's variables: hog (a List of 1 element). Set it to null (hog = null;), or restart"
                        + " the kernel. Until then every cell runs slowly, and one more OutOfMemoryError may end the"
                        + " kernel.");
        assertThat(HeapHolders.stillFullMessage(heap, List.of())).contains("held by the notebook's variables or by"
                + " threads a cell started. Set the variable that holds it to null, or restart the kernel.");
    }
}
