package lessonbook.workers.shared;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * One shared object's memory: a file mapped into every process that uses it, so a write by one process is a
 * write to the very memory the others read. Layout: a header (magic, kind, size, the object's internal lock
 * word, a table of the pids that use it) and then the object's own data from {@link #DATA}.
 * <p>
 * Memory ordering: the long operations here are VarHandle volatile accesses and atomic read-modify-writes on
 * 8-byte-aligned addresses of the mapping; the CPU makes them atomic and ordered for every process sharing the
 * pages, as it does for threads. Plain byte copies ({@link #put}/{@link #get}) are ordered by the lock word
 * around them (a CAS to take it, a volatile write to free it). Thread-safe.
 */
public final class Segment {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long MAGIC = 0x4c4253484d303031L;   // "LBSHM001"
    private static final int KIND = 8;
    private static final int SIZE = 16;
    /** The object's internal lock word (see {@link WordLock}). */
    public static final int LOCK = 24;
    private static final int PARTICIPANTS = 64;
    private static final int SLOTS = 32;
    public static final int DATA = PARTICIPANTS + SLOTS * 8;
    /** One mapping per file and process, so a process registers once however often the object is deserialized. */
    private static final Map<Path, Segment> MAPPED = new ConcurrentHashMap<>();

    private final Path path;
    private final String kind;
    private final MappedByteBuffer memory;

    private Segment(Path path, String kind, MappedByteBuffer memory) {
        this.path = path;
        this.kind = kind;
        this.memory = memory;
    }

    /** Where element {@code index} of a data area of {@code length} 8-byte elements lies; checks the index. */
    public static int elementOffset(int index, int length) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the shared array of length " + length);
        }
        return DATA + 8 * index;
    }

    /** Makes a new shared object of {@code dataBytes} (zeroed) in this process's folder. */
    public static Segment create(String kind, long dataBytes) {
        long total = DATA + ((dataBytes + 7) & ~7L);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a shared " + kind + " of " + dataBytes + " bytes is too large (at most 2 GiB)");
        }
        Path path = SegmentFiles.newFile(kind, total);
        try (FileChannel channel = FileChannel.open(path, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE), SegmentFiles.privateFile())) {
            MappedByteBuffer memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, total);
            Segment segment = new Segment(path, kind, memory);
            segment.setVolatile(KIND, kindCode(kind));
            segment.setVolatile(SIZE, total);
            segment.setVolatile(0, MAGIC);   // last: a reader that sees the magic sees the rest
            segment.register();
            MAPPED.put(path, segment);
            return segment;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make shared memory for a " + kind + " (" + path + "): " + e, e);
        }
    }

    /** Maps the shared object at {@code path} (made by another process, or already mapped here). */
    public static Segment open(String path, String kind) {
        return MAPPED.computeIfAbsent(Path.of(path), p -> map(p, kind));
    }

    private static Segment map(Path path, String kind) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long total = channel.size();
            if (total < DATA) {
                throw SharedObjectFailure.broken("the shared " + kind + " at " + path + " is damaged (" + total + " bytes)");
            }
            Segment segment = new Segment(path, kind, channel.map(FileChannel.MapMode.READ_WRITE, 0, total));
            if (segment.getVolatile(0) != MAGIC || segment.getVolatile(KIND) != kindCode(kind)
                    || segment.getVolatile(SIZE) != total) {
                throw SharedObjectFailure.broken("the file " + path + " is not a shared " + kind);
            }
            segment.register();
            return segment;
        } catch (NoSuchFileException e) {
            throw SharedObjectFailure.broken("this shared " + kind + " no longer exists: the process that made it"
                    + " (pid " + SegmentFiles.creatorPid(path) + ") has ended or restarted, and its shared objects"
                    + " with it");
        } catch (IOException e) {
            throw SharedObjectFailure.broken("cannot map the shared " + kind + " at " + path + ": " + e);
        }
    }

    private static long kindCode(String kind) {
        long code = 0;
        for (byte b : kind.getBytes(StandardCharsets.US_ASCII)) {
            code = code * 31 + b;
        }
        return code;
    }

    public String path() {
        return path.toString();
    }

    public String kind() {
        return kind;
    }

    public long getVolatile(int offset) {
        return (long) LONGS.getVolatile(memory, offset);
    }

    public void setVolatile(int offset, long value) {
        LONGS.setVolatile(memory, offset, value);
    }

    public boolean compareAndSet(int offset, long expected, long value) {
        return LONGS.compareAndSet(memory, offset, expected, value);
    }

    public long getAndAdd(int offset, long delta) {
        return (long) LONGS.getAndAdd(memory, offset, delta);
    }

    /** Plain copy into the mapping; ordered for other processes by the lock that the caller holds. */
    public void put(int offset, byte[] bytes, int from, int length) {
        memory.put(offset, bytes, from, length);
    }

    public void get(int offset, byte[] bytes, int from, int length) {
        memory.get(offset, bytes, from, length);
    }

    /**
     * Notes this process in the table of users, reusing the slot of one that has ended; a full table is ignored.
     * A user that ended normally is noted as its negated pid (see {@link #leavingNormally()}).
     */
    private void register() {
        long me = ProcessHandle.current().pid();
        for (int round = 0; round < 2; round++) {
            for (int slot = 0; slot < SLOTS; slot++) {
                int offset = PARTICIPANTS + slot * 8;
                long pid = getVolatile(offset);
                if (pid == me) {
                    return;
                }
                boolean free = pid == 0 || (round == 1 && (pid < 0 || !Pids.alive(pid)));
                if (free && compareAndSet(offset, pid, me)) {
                    return;
                }
            }
        }
    }

    /**
     * The other processes that used this object, if every one of them has ended; empty while one of them lives,
     * or when no other process ever used it (this process may still hand it to one).
     */
    public List<Long> othersIfAllEnded() {
        long me = ProcessHandle.current().pid();
        List<Long> ended = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            long pid = getVolatile(PARTICIPANTS + slot * 8);
            if (pid == 0 || pid == me) {
                continue;
            }
            if (pid > 0 && Pids.alive(pid)) {
                return List.of();
            }
            ended.add(Math.abs(pid));
        }
        return ended;
    }

    /**
     * The other processes that used this object and ended without {@link #leavingNormally()}: killed, crashed, or
     * a worker whose task threw. A barrier's waiters ask it, since such a process will never arrive.
     */
    public List<Long> othersThatDied() {
        long me = ProcessHandle.current().pid();
        List<Long> died = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            long pid = getVolatile(PARTICIPANTS + slot * 8);
            if (pid > 0 && pid != me && !Pids.alive(pid)) {
                died.add(pid);
            }
        }
        return died;
    }

    /**
     * Called by a worker whose task returned, just before it exits: in every shared object it used, its entry
     * says it ended normally, so that no waiter takes its end for a death.
     */
    public static void leavingNormally() {
        long me = ProcessHandle.current().pid();
        for (Segment segment : MAPPED.values()) {
            for (int slot = 0; slot < SLOTS; slot++) {
                int offset = PARTICIPANTS + slot * 8;
                if (segment.getVolatile(offset) == me) {
                    segment.compareAndSet(offset, me, -me);
                }
            }
        }
    }
}
