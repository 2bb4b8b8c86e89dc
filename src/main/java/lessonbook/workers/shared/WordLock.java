package lessonbook.workers.shared;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;


/**
 * A mutual-exclusion lock in one long of shared memory: 0 when free, else the holder's token, the holder's pid
 * in the high 32 bits and a number for the holding thread in the low 32. Not reentrant (as Python's Lock): a
 * thread taking a lock it holds gets an error instead of hanging. A waiter that finds the holder's process dead
 * (or, in its own process, the holding thread ended) gets a {@link SharedObjectFailure} (BROKEN) naming it.
 * <p>
 * Ordering: taking is a CAS (a full fence), freeing a volatile write, so what the holder wrote under the lock,
 * plain byte copies included, is seen by the next holder in any process.
 */
public final class WordLock {
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicInteger threadNumbers = new AtomicInteger();
    /** Which thread of this process holds a token; bounded by pruning the ended ones. */
    private static final Map<Integer, WeakReference<Thread>> threads = new ConcurrentHashMap<>();
    private static final ThreadLocal<Long> TOKEN = ThreadLocal.withInitial(WordLock::newToken);

    private WordLock() {
    }

    private static long newToken() {
        int number = threadNumbers.incrementAndGet();
        if (threads.size() >= 1024) {
            threads.values().removeIf(ref -> ref.get() == null || !ref.get().isAlive());
        }
        threads.put(number, new WeakReference<>(Thread.currentThread()));
        return (PID << 32) | (number & 0xffffffffL);
    }

    static long token() {
        return TOKEN.get();
    }

    /** Takes the lock, waiting as long as needed ({@code timeout} null) or up to {@code timeout}; false on timeout. */
    public static boolean lock(Segment segment, int offset, String what, Duration timeout) {
        long me = token();
        if (segment.compareAndSet(offset, 0, me)) {
            return true;
        }
        if (segment.getVolatile(offset) == me) {
            throw new IllegalStateException("this thread already holds " + what + "; it is not reentrant,"
                    + " so taking it again would wait forever");
        }
        Waiting waiting = new Waiting(what, timeout, () -> holderPid(segment.getVolatile(offset)));
        try {
            while (true) {
                long holder = segment.getVolatile(offset);
                if (holder == 0) {
                    if (segment.compareAndSet(offset, 0, me)) {
                        return true;
                    }
                    continue;
                }
                if (waiting.checkDue()) {
                    requireHolderAlive(holder, what);
                }
                if (!waiting.pause()) {
                    return false;
                }
            }
        } finally {
            waiting.end();   // taken (or given up): never reported as waiting for a lock it holds itself
        }
    }

    /**
     * Frees the lock; any thread of the holding process may (each notebook cell runs on a thread of its own, and
     * a lock taken in one cell is given back in a later one; Python's Lock lets any thread release it). Another
     * process may not: that would let two holders in at once.
     */
    public static void unlock(Segment segment, int offset, String what) {
        long holder = segment.getVolatile(offset);
        if (holder == 0) {
            throw new IllegalStateException(what + " is not locked");
        }
        if (holderPid(holder) != PID) {
            throw new IllegalStateException(what + " is held by process " + holderPid(holder)
                    + "; only that process can unlock it");
        }
        if (!segment.compareAndSet(offset, holder, 0)) {
            throw new IllegalStateException(what + " was unlocked by another thread meanwhile");
        }
    }

    public static boolean heldByCurrentThread(Segment segment, int offset) {
        return segment.getVolatile(offset) == token();
    }

    /** The pid in a holder token, or 0 when free. */
    public static long holderPid(long holder) {
        return holder >>> 32;
    }

    private static void requireHolderAlive(long holder, String what) {
        long pid = holderPid(holder);
        if (pid == PID) {
            WeakReference<Thread> ref = threads.get((int) holder);
            Thread thread = ref == null ? null : ref.get();
            if (thread == null || !thread.isAlive()) {
                throw SharedObjectFailure.broken(what + " is held by a thread of this process that has ended"
                        + " (an earlier cell that took it and did not unlock it?): waiting here would never end;"
                        + " call unlock() first");
            }
        } else if (!Pids.alive(pid)) {
            throw SharedObjectFailure.broken(what + " is held by process " + pid + ", which has died holding"
                    + " it (killed, or its task ended before unlocking); nobody can unlock it now, make a new one");
        }
    }

}
