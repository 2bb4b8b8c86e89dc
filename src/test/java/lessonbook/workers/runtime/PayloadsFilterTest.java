package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.InvalidClassException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import lessonbook.process.Strangers;
import lessonbook.workers.SerializableFunction;

/** User values travel between processes through an allow-list: the user's classes and the JDK's values only. */
class PayloadsFilterTest {
    private static final ClassLoader LOADER = PayloadsFilterTest.class.getClassLoader();

    record Point(int x, int y) implements java.io.Serializable {
    }

    @Test
    void theUsersClassesTheJdksValuesAndLambdasComeBack() throws Exception {
        Map<String, Object> map = new HashMap<>();
        map.put("points", List.of(new Point(1, 2), new Point(3, 4)));
        map.put("big", BigInteger.TWO.pow(100));
        map.put("day", LocalDate.of(2026, 12, 3));
        map.put("grid", new int[][] {{1, 2}, {3}});
        assertThat(Payloads.fromBytes(Payloads.toBytes(map), LOADER)).usingRecursiveComparison().isEqualTo(map);

        int offset = 5;
        SerializableFunction<Integer, Integer> f = x -> x + offset;
        @SuppressWarnings("unchecked")
        SerializableFunction<Integer, Integer> back = (SerializableFunction<Integer, Integer>) Payloads.fromBytes(
                Payloads.toBytes(f), LOADER);
        assertThat(back.apply(1)).isEqualTo(6);
    }

    @Test
    void aJdkClassOffTheListIsRejectedByName() throws Exception {
        byte[] bytes = Payloads.toBytes(List.of("x", new File("/etc/passwd")));
        assertThatThrownBy(() -> Payloads.fromBytes(bytes, LOADER)).isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("class java.io.File is not allowed");
    }

    @Test
    void anArrayAnnouncedLargerThanItsPayloadIsRejectedBeforeItIsAllocated() {
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThatThrownBy(() -> Payloads.fromBytes(Strangers.HUGE_ARRAY, LOADER))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("an array of 2147483647 elements");
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).isLessThan(64L << 20);
    }
}
