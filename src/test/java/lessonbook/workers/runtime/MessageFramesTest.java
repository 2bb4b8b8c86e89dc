package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StreamCorruptedException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What one end of a worker's channel packs, the other reads back field for field (any string: a lone surrogate
 * too); a message too large for a frame stays a record; a frame cut short, with a length or count beyond its end,
 * or with bytes left over is refused before anything that size is allocated.
 */
class MessageFramesTest {
    private static final List<Messages.VariableValue> VARIABLES = List.of(
            new Messages.VariableValue("INPUTS", "REPL.$JShell$21", "INPUTS", new byte[] {1, 2, 3}),
            new Messages.VariableValue("é ✓ \ud83d\ude00", "REPL.$JShell$22", "lone \ud800 surrogate", new byte[0]));

    private static Object roundTrip(Object message) throws Exception {
        Object packed = MessageFrames.pack(message, Long.MAX_VALUE);
        assertThat(packed).isInstanceOf(byte[].class);
        return MessageFrames.unpack(packed);
    }

    @Test
    void everyFramedMessageComesBackFieldForField() throws Exception {
        Messages.Assign assign = (Messages.Assign) roundTrip(new Messages.Assign("PoolWorker-3", true,
                List.of("/tmp/lessonbook-classes/1", "/home/ö/lib.jar"), 7, VARIABLES, 2));
        assertThat(assign.name()).isEqualTo("PoolWorker-3");
        assertThat(assign.daemon()).isTrue();
        assertThat(assign.userClasspath()).containsExactly("/tmp/lessonbook-classes/1", "/home/ö/lib.jar");
        assertThat(assign.generation()).isEqualTo(7);
        assertSameVariables(assign.variables());
        assertThat(assign.depth()).isEqualTo(2);

        Messages.Chunk chunk = (Messages.Chunk) roundTrip(new Messages.Chunk(Long.MAX_VALUE, 40, new byte[] {9},
                new byte[] {4, 5}, -3, List.of("/a"), VARIABLES));
        assertThat(chunk.mapId()).isEqualTo(Long.MAX_VALUE);
        assertThat(chunk.firstIndex()).isEqualTo(40);
        assertThat(chunk.function()).containsExactly(9);
        assertThat(chunk.inputs()).containsExactly(4, 5);
        assertThat(chunk.generation()).isEqualTo(-3);
        assertThat(chunk.userClasspath()).containsExactly("/a");
        assertSameVariables(chunk.variables());

        Messages.Chunk plain = (Messages.Chunk) roundTrip(new Messages.Chunk(1, 0, null, new byte[0], 2, null, null));
        assertThat(plain.function()).isNull();
        assertThat(plain.userClasspath()).isNull();
        assertThat(plain.variables()).isNull();

        Messages.ChunkDone done = (Messages.ChunkDone) roundTrip(new Messages.ChunkDone(3, 8, 123_456_789_012L,
                new byte[] {-1, 0, 1}));
        assertThat(List.of(done.mapId(), (long) done.firstIndex(), done.workNanos()))
                .containsExactly(3L, 8L, 123_456_789_012L);
        assertThat(done.results()).containsExactly(-1, 0, 1);

        assertThat(((Messages.RunOnce) roundTrip(new Messages.RunOnce(new byte[] {42}))).task()).containsExactly(42);
        assertThat(roundTrip(new Messages.Stop())).isEqualTo(new Messages.Stop());
        assertThat(roundTrip(new Messages.Finished(-9, 1_234))).isEqualTo(new Messages.Finished(-9, 1_234));
    }

    private static void assertSameVariables(List<Messages.VariableValue> read) {
        assertThat(read).hasSize(VARIABLES.size());
        for (int i = 0; i < read.size(); i++) {
            Messages.VariableValue v = read.get(i);
            Messages.VariableValue w = VARIABLES.get(i);
            assertThat(List.of(v.name(), v.declaringClass(), v.field()))
                    .containsExactly(w.name(), w.declaringClass(), w.field());
            assertThat(v.value()).containsExactly(w.value());
        }
    }

    @Test
    void messagesWithoutAFrameOrTooLargeForOneStayRecords() throws Exception {
        Messages.Waits waits = new Messages.Waits("a queue", null);
        assertThat(MessageFrames.pack(waits, Long.MAX_VALUE)).isSameAs(waits);
        Messages.RunOnce big = new Messages.RunOnce(new byte[1000]);
        assertThat(MessageFrames.pack(big, 999)).isSameAs(big);
        assertThat(MessageFrames.unpack(waits)).isSameAs(waits);   // a record received passes through
    }

    @Test
    void corruptFramesAreRefused() {
        byte[] good = (byte[]) MessageFrames.pack(new Messages.Assign("w", false, List.of("/a"), 1, VARIABLES, 1),
                Long.MAX_VALUE);
        for (int cut = 0; cut < good.length; cut++) {
            byte[] shorter = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> MessageFrames.unpack(shorter)).isInstanceOf(StreamCorruptedException.class);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> MessageFrames.unpack(longer)).hasMessageContaining("left over");
        assertThatThrownBy(() -> MessageFrames.unpack(new byte[] {'?'})).hasMessageContaining("unknown frame kind");

        // an Assign claiming a 2 GB name, or two billion class path entries, in a frame of a few bytes
        byte[] hugeLength = {'A', 0x7f, -1, -1, -1};
        assertThatThrownBy(() -> MessageFrames.unpack(hugeLength)).isInstanceOf(StreamCorruptedException.class);
        byte[] hugeCount = {'A', 0, 0, 0, 1, 0, 'w', 0, 0, 0, 0, 0x7f, -1, -1, -1};
        assertThatThrownBy(() -> MessageFrames.unpack(hugeCount)).isInstanceOf(StreamCorruptedException.class);
        byte[] negativeLength = {'R', -1, -1, -1, -2};
        assertThatThrownBy(() -> MessageFrames.unpack(negativeLength)).isInstanceOf(StreamCorruptedException.class);
    }
}
