package lessonbook.workers.runtime;

import java.util.Arrays;

/**
 * The two messages a map sends per chunk ({@link Messages.Chunk}, {@link Messages.ChunkDone}) packed by hand into
 * one {@code byte[]}. The control channel resets its object stream after each message (so it holds on to
 * nothing), which makes every record message carry its class description again; read in a worker JVM whose
 * code is still interpreted, that cost most of a chunk's ~0.1-0.2 ms. A byte array costs a few bytes of
 * header. A chunk that brings new classes (rare) still travels as the record.
 * <p>
 * The fields are packed with shifts, not through {@code ByteBuffer}: in a pool worker this runs interpreted
 * (see {@link ChunkCodec}), where each {@code ByteBuffer} get or put is several nested calls (~40 µs a chunk).
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
        byte[] inputs = chunk.inputs();
        byte[] frame = new byte[1 + 8 + 4 + 8 + 4 + Math.max(0, functionLength) + inputs.length];
        frame[0] = CHUNK;
        putLong(frame, 1, chunk.mapId());
        putInt(frame, 9, chunk.firstIndex());
        putLong(frame, 13, chunk.generation());
        putInt(frame, 21, functionLength);
        int at = 25;
        if (function != null) {
            System.arraycopy(function, 0, frame, at, functionLength);
            at += functionLength;
        }
        System.arraycopy(inputs, 0, frame, at, inputs.length);
        return frame;
    }

    static byte[] of(Messages.ChunkDone done) {
        byte[] results = done.results();
        byte[] frame = new byte[1 + 8 + 4 + 8 + results.length];
        frame[0] = DONE;
        putLong(frame, 1, done.mapId());
        putInt(frame, 9, done.firstIndex());
        putLong(frame, 13, done.workNanos());
        System.arraycopy(results, 0, frame, 21, results.length);
        return frame;
    }

    /** The message a frame carries: a {@link Messages.Chunk} or a {@link Messages.ChunkDone}. */
    static Object read(byte[] frame) {
        byte kind = frame[0];
        long mapId = getLong(frame, 1);
        int firstIndex = getInt(frame, 9);
        if (kind == DONE) {
            return new Messages.ChunkDone(mapId, firstIndex, getLong(frame, 13), Arrays.copyOfRange(frame, 21, frame.length));
        }
        if (kind != CHUNK) {
            throw new IllegalStateException("unknown frame " + kind);
        }
        long generation = getLong(frame, 13);
        int functionLength = getInt(frame, 21);
        int at = 25;
        byte[] function = null;
        if (functionLength >= 0) {
            function = Arrays.copyOfRange(frame, at, at + functionLength);
            at += functionLength;
        }
        return new Messages.Chunk(mapId, firstIndex, function, Arrays.copyOfRange(frame, at, frame.length),
                generation, null, null);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static long getLong(byte[] b, int at) {
        return ((long) getInt(b, at) << 32) | (getInt(b, at + 4) & 0xffffffffL);
    }
}
