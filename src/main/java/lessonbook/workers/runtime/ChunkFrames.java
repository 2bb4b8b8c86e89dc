package lessonbook.workers.runtime;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The two messages a map sends per chunk ({@link Messages.Chunk}, {@link Messages.ChunkDone}) packed by hand into
 * one {@code byte[]}. The control channel resets its object stream after each message (so it holds on to
 * nothing), which makes every record message carry its class description again; read in a worker JVM whose
 * code is still interpreted, that cost most of a chunk's ~0.1-0.2 ms. A byte array costs a few bytes of
 * header. A chunk that brings new classes (rare) still travels as the record.
 */
final class ChunkFrames {
    private static final byte CHUNK = 'C';
    private static final byte DONE = 'D';

    private ChunkFrames() {
    }

    /** Whether {@code chunk} fits a frame: it brings no new classes or variables. */
    static boolean fits(Messages.Chunk chunk) {
        return chunk.userClasspath() == null && chunk.variables() == null;
    }

    static byte[] of(Messages.Chunk chunk) {
        byte[] function = chunk.function();
        int functionLength = function == null ? -1 : function.length;
        ByteBuffer frame = ByteBuffer.allocate(1 + 8 + 4 + 8 + 4 + Math.max(0, functionLength) + chunk.inputs().length);
        frame.put(CHUNK).putLong(chunk.mapId()).putInt(chunk.firstIndex()).putLong(chunk.generation())
                .putInt(functionLength);
        if (function != null) {
            frame.put(function);
        }
        return frame.put(chunk.inputs()).array();
    }

    static byte[] of(Messages.ChunkDone done) {
        return ByteBuffer.allocate(1 + 8 + 4 + 8 + done.results().length).put(DONE).putLong(done.mapId())
                .putInt(done.firstIndex()).putLong(done.workNanos()).put(done.results()).array();
    }

    /** The message a frame carries: a {@link Messages.Chunk} or a {@link Messages.ChunkDone}. */
    static Object read(byte[] bytes) {
        ByteBuffer frame = ByteBuffer.wrap(bytes);
        byte kind = frame.get();
        long mapId = frame.getLong();
        int firstIndex = frame.getInt();
        if (kind == DONE) {
            long workNanos = frame.getLong();
            return new Messages.ChunkDone(mapId, firstIndex, workNanos, Arrays.copyOfRange(bytes, frame.position(), bytes.length));
        }
        if (kind != CHUNK) {
            throw new IllegalStateException("unknown frame " + kind);
        }
        long generation = frame.getLong();
        int functionLength = frame.getInt();
        byte[] function = null;
        if (functionLength >= 0) {
            function = new byte[functionLength];
            frame.get(function);
        }
        return new Messages.Chunk(mapId, firstIndex, function, Arrays.copyOfRange(bytes, frame.position(), bytes.length),
                generation, null, null);
    }
}
