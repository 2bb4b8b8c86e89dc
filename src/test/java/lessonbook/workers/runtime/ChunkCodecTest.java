package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A chunk's numbers come back exactly, as the same box types, and anything else goes through serialization. */
class ChunkCodecTest {
    private static final ClassLoader LOADER = ChunkCodecTest.class.getClassLoader();

    private static Object[] roundTrip(Object... values) throws Exception {
        return ChunkCodec.decode(ChunkCodec.encode(values), LOADER);
    }

    @Test
    void numbersTravelRawAndComeBackExactly() throws Exception {
        Object[] ints = {0, 1, -1, 255, -256, Integer.MIN_VALUE, Integer.MAX_VALUE, 123_456_789};
        assertThat(ChunkCodec.encode(ints)).hasSize(1 + 4 * ints.length);
        assertThat(roundTrip(ints)).containsExactly(ints);
        Object[] longs = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, -(1L << 33) + 7};
        assertThat(ChunkCodec.encode(longs)).hasSize(1 + 8 * longs.length);
        assertThat(roundTrip(longs)).containsExactly(longs);
        Object[] doubles = {0.0, -0.0, 1.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -1e300};
        assertThat(roundTrip(doubles)).containsExactly(doubles);
    }

    @Test
    void mixedNullOrOtherValuesAreSerialized() throws Exception {
        assertThat(roundTrip(1, 2L)).containsExactly(1, 2L);
        assertThat(roundTrip(1, null)).containsExactly(1, null);
        assertThat(roundTrip(null, 1)).containsExactly(null, 1);
        assertThat(roundTrip("a", 1.0)).containsExactly("a", 1.0);
        assertThat(roundTrip()).isEmpty();
    }
}
