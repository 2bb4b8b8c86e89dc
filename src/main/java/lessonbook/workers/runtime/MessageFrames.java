package lessonbook.workers.runtime;

import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The messages every worker exchanges with its parent, packed by hand into one {@code byte[]} each: who it is
 * ({@link Messages.Assign}), its task ({@link Messages.RunOnce}) or chunks ({@link Messages.Chunk},
 * {@link Messages.ChunkDone}), and its end ({@link Messages.Stop}, {@link Messages.Finished}). The rarer ones
 * (failures, waits, the initializer) travel as the records themselves, through the channel's allow-list.
 * <p>
 * Why: the control channel resets its object stream after each message (so it holds on to nothing), which makes
 * every record carry its class description again, and a worker reads it with code that still runs interpreted.
 * Measured in the lesson's pool of ten: reading the {@code Assign} record cost each worker 2.4-2.8 ms of CPU before
 * its task could start, and a chunk record most of a small chunk's ~0.1-0.2 ms; ten workers starting at once on two
 * cores pay that ten times over. A frame costs a few microseconds.
 * <p>
 * The fields are packed with shifts, not through {@code ByteBuffer}: interpreted, each {@code ByteBuffer} call is
 * several nested calls. Reading checks every length against what is left, so a frame cannot make the reader
 * allocate more than the frame's own size (which the channel bounds).
 */
final class MessageFrames {
    private static final byte CHUNK = 'C';
    private static final byte DONE = 'D';
    private static final byte ASSIGN = 'A';
    private static final byte RUN_ONCE = 'R';
    private static final byte STOP = 'S';
    private static final byte FINISHED = 'F';

    private MessageFrames() {
    }

    /**
     * The frame for {@code message}, or {@code message} itself when it has none or would not fit {@code maxBytes}.
     * The frame's size is counted first, so a message too large for one costs no allocation, and one that fits is
     * written straight into an array of its exact size.
     */
    static Object pack(Object message, long maxBytes) {
        Out counter = new Out(-1);
        // Integer.MAX_VALUE - 8: the largest array a JVM allocates (several large variables can add up to more)
        if (!write(message, counter) || counter.size > Math.min(maxBytes, Integer.MAX_VALUE - 8)) {
            return message;
        }
        Out out = new Out((int) counter.size);
        write(message, out);
        return out.bytes;
    }

    /** Writes {@code message}'s frame to {@code out}; false when it has no frame. */
    private static boolean write(Object message, Out out) {
        if (message instanceof Messages.Chunk chunk) {
            out.kind(CHUNK).putLong(chunk.mapId()).putInt(chunk.firstIndex()).putLong(chunk.generation())
                    .putBytes(chunk.function()).putBytes(chunk.inputs()).putStrings(chunk.userClasspath())
                    .putVariables(chunk.variables());
        } else if (message instanceof Messages.ChunkDone done) {
            out.kind(DONE).putLong(done.mapId()).putInt(done.firstIndex()).putLong(done.workNanos())
                    .putBytes(done.results());
        } else if (message instanceof Messages.Assign assign) {
            out.kind(ASSIGN).putString(assign.name()).putInt(assign.daemon() ? 1 : 0)
                    .putStrings(assign.userClasspath()).putLong(assign.generation()).putVariables(assign.variables())
                    .putInt(assign.depth());
        } else if (message instanceof Messages.RunOnce once) {
            out.kind(RUN_ONCE).putBytes(once.task());
        } else if (message instanceof Messages.Stop) {
            out.kind(STOP);
        } else if (message instanceof Messages.Finished finished) {
            out.kind(FINISHED).putInt(finished.exitCode()).putLong(finished.cpuMillis());
        } else {
            return false;
        }
        return true;
    }

    /** The message a received frame carries; anything else received is returned as it is. */
    static Object unpack(Object received) throws StreamCorruptedException {
        if (!(received instanceof byte[] frame)) {
            return received;
        }
        In in = new In(frame);
        byte kind = in.kind();
        Object message = switch (kind) {
            case CHUNK -> in.chunk();
            case DONE -> new Messages.ChunkDone(in.getLong(), in.getInt(), in.getLong(), in.getBytes());
            case ASSIGN -> new Messages.Assign(in.getString(), in.getInt() != 0, in.getStrings(), in.getLong(),
                    in.getVariables(), in.getInt());
            case RUN_ONCE -> new Messages.RunOnce(in.getBytes());
            case STOP -> new Messages.Stop();
            case FINISHED -> new Messages.Finished(in.getInt(), in.getLong());
            default -> throw new StreamCorruptedException("unknown frame kind " + kind);
        };
        in.expectEnd();
        return message;
    }

    /**
     * Writes a frame into an array of the size counted before; with no array ({@code new Out(-1)}) it only counts.
     * A null array, list or string is written as length -1.
     */
    private static final class Out {
        private final byte[] bytes;
        private long size;
        private int at;

        Out(int exactSize) {
            bytes = exactSize < 0 ? null : new byte[exactSize];
        }

        Out kind(byte kind) {
            if (bytes != null) {
                bytes[at++] = kind;
            }
            size += 1;
            return this;
        }

        Out putInt(int v) {
            if (bytes != null) {
                bytes[at] = (byte) (v >>> 24);
                bytes[at + 1] = (byte) (v >>> 16);
                bytes[at + 2] = (byte) (v >>> 8);
                bytes[at + 3] = (byte) v;
                at += 4;
            }
            size += 4;
            return this;
        }

        Out putLong(long v) {
            return putInt((int) (v >>> 32)).putInt((int) v);
        }

        Out putBytes(byte[] b) {
            if (b == null) {
                return putInt(-1);
            }
            putInt(b.length);
            if (bytes != null) {
                System.arraycopy(b, 0, bytes, at, b.length);
                at += b.length;
            }
            size += b.length;
            return this;
        }

        /** As its chars, two bytes each: exact for any string, a lone surrogate too (UTF-8 would turn it into '?'). */
        Out putString(String s) {
            if (s == null) {
                return putInt(-1);
            }
            int length = s.length();
            putInt(length);
            if (bytes != null) {
                for (int i = 0; i < length; i++) {
                    char c = s.charAt(i);
                    bytes[at++] = (byte) (c >>> 8);
                    bytes[at++] = (byte) c;
                }
            }
            size += 2L * length;
            return this;
        }

        Out putStrings(List<String> strings) {
            if (strings == null) {
                return putInt(-1);
            }
            putInt(strings.size());
            for (String s : strings) {
                putString(s);
            }
            return this;
        }

        Out putVariables(List<Messages.VariableValue> variables) {
            if (variables == null) {
                return putInt(-1);
            }
            putInt(variables.size());
            for (Messages.VariableValue v : variables) {
                putString(v.name()).putString(v.declaringClass()).putString(v.field()).putBytes(v.value());
            }
            return this;
        }
    }

    /** Reads a frame front to back; every count and length is checked against the bytes left. */
    private static final class In {
        private final byte[] frame;
        private int at;

        In(byte[] frame) {
            this.frame = frame;
        }

        /** A chunk's fields, in the order {@link #pack} writes them (not the record's). */
        Messages.Chunk chunk() throws StreamCorruptedException {
            long mapId = getLong();
            int firstIndex = getInt();
            long generation = getLong();
            byte[] function = getBytes();
            byte[] inputs = getBytes();
            return new Messages.Chunk(mapId, firstIndex, function, inputs, generation, getStrings(), getVariables());
        }

        byte kind() throws StreamCorruptedException {
            need(1);
            return frame[at++];
        }

        int getInt() throws StreamCorruptedException {
            need(4);
            int v = (frame[at] << 24) | ((frame[at + 1] & 0xff) << 16) | ((frame[at + 2] & 0xff) << 8)
                    | (frame[at + 3] & 0xff);
            at += 4;
            return v;
        }

        long getLong() throws StreamCorruptedException {
            return ((long) getInt() << 32) | (getInt() & 0xffffffffL);
        }

        byte[] getBytes() throws StreamCorruptedException {
            int length = getInt();
            if (length == -1) {
                return null;
            }
            need(length);
            byte[] b = Arrays.copyOfRange(frame, at, at + length);
            at += length;
            return b;
        }

        String getString() throws StreamCorruptedException {
            int length = getInt();
            if (length == -1) {
                return null;
            }
            need(2L * length);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = (char) (((frame[at] & 0xff) << 8) | (frame[at + 1] & 0xff));
                at += 2;
            }
            return new String(chars);
        }

        List<String> getStrings() throws StreamCorruptedException {
            int count = count(4);
            if (count == -1) {
                return null;
            }
            List<String> strings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                strings.add(getString());
            }
            return strings;
        }

        List<Messages.VariableValue> getVariables() throws StreamCorruptedException {
            int count = count(16);
            if (count == -1) {
                return null;
            }
            List<Messages.VariableValue> variables = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                variables.add(new Messages.VariableValue(getString(), getString(), getString(), getBytes()));
            }
            return variables;
        }

        /** A count of items of at least {@code minBytes} each: more than the bytes left could hold is corrupt. */
        private int count(int minBytes) throws StreamCorruptedException {
            int count = getInt();
            if (count != -1) {
                need((long) count * minBytes);
            }
            return count;
        }

        private void need(long bytes) throws StreamCorruptedException {
            if (bytes < 0 || bytes > frame.length - at) {
                throw new StreamCorruptedException("a frame cut short or corrupt: " + bytes + " bytes wanted at "
                        + at + " of " + frame.length);
            }
        }

        void expectEnd() throws StreamCorruptedException {
            if (at != frame.length) {
                throw new StreamCorruptedException("a frame with " + (frame.length - at) + " bytes left over");
            }
        }
    }
}
