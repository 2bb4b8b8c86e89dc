package lessonbook.workers.runtime;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many worker JVMs a process may have alive at once. A worker is a whole JVM (about 45 MB, measured: 60 idle
 * workers held 2.5 GB), so the beginner's loop that starts a worker per item of a thousand, or a recursive
 * algorithm that starts two workers per call, would otherwise fill the class's laptops' memory and take the app
 * down with them. Python's fork is cheaper and has no such limit; here the start that would pass it fails at once
 * with a message that says what to do instead.
 * <p>
 * The bound holds for the whole tree of processes: the notebook's kernel (depth 0) may have {@link #topLevel()}
 * workers alive; a worker (depth 1) may have {@link #NESTED} of its own; a worker's worker none. So at most
 * {@code topLevel * (1 + NESTED)} worker JVMs exist at once. Pool workers count like any other; a pool's
 * replacement for a retiring worker does not, since the pool's size was admitted when it was made.
 */
final class WorkerLimits {
    /** Workers a worker may have alive at once: enough for divide and conquer one level down. */
    static final int NESTED = 2;
    private static final long MIB = 1024 * 1024;
    /** Physical memory per allowed worker at depth 0: a quarter of the machine's memory at 64 MiB a worker. */
    private static final long MEMORY_PER_WORKER = 256 * MIB;
    static final int LEAST = 8;
    static final int MOST = 64;

    /**
     * The machine's memory, read once: the first read loads the management beans (~33 ms in a fresh JVM) and each
     * later one took ~0.5 ms, on every worker's start inside a timed cell. A holder, so that only a process that
     * asks for the top-level limit reads it; a kernel reads it while idle ({@link RuntimeWarmUp#HOST_CLASSES}).
     */
    static final class Memory {
        static final long PHYSICAL = physicalMemory();

        private Memory() {
        }
    }

    private WorkerLimits() {
    }

    /**
     * Counts the worker {@code name} into {@code alive} (the process's claimed worker JVMs) unless that passes the
     * limit, in which case it throws the reason; returns the new count.
     */
    static int admit(AtomicInteger alive, String name, int depth) {
        int allowed = allowedAlive(depth);
        while (true) {
            int now = alive.get();
            if (now >= allowed) {
                throw new IllegalStateException(refusal(name, 1, now, allowed, depth));
            }
            if (alive.compareAndSet(now, now + 1)) {
                return now + 1;
            }
        }
    }

    /** Throws the reason when {@code count} more workers would pass the limit (a pool, before it starts any). */
    static void checkRoom(int alive, int count, int depth) {
        int allowed = allowedAlive(depth);
        if (alive + count > allowed) {
            throw new IllegalStateException(refusal(
                    count == 1 ? "a worker" : "a pool's " + count + " workers", count, alive, allowed, depth));
        }
    }

    /** Workers a process at {@code depth} may have alive at once. */
    static int allowedAlive(int depth) {
        return depth <= 0 ? topLevel() : depth == 1 ? NESTED : 0;
    }

    /**
     * {@code -Dlessonbook.workers.max}, else one per 256 MiB of the machine's memory (of the container's, where the
     * JVM sees a limit), at least {@value #LEAST} and at most {@value #MOST}: 32 on an 8 GB laptop.
     */
    static int topLevel() {
        Integer fixed = Integer.getInteger("lessonbook.workers.max");
        if (fixed != null) {
            return Math.max(1, fixed);
        }
        return Memory.PHYSICAL <= 0 ? LEAST * 2
                : (int) Math.max(LEAST, Math.min(MOST, Memory.PHYSICAL / MEMORY_PER_WORKER));
    }

    private static long physicalMemory() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
        } catch (LinkageError | RuntimeException e) {
            // a runtime without jdk.management: the middle of the range
        }
        return -1;
    }

    /** Why {@code what} (one worker, or a pool's {@code count}) cannot start with {@code alive} already alive. */
    static String refusal(String what, int count, int alive, int allowed, int depth) {
        String reason;
        if (depth >= 2) {
            reason = "a worker started by a worker cannot start workers of its own (each worker is a whole JVM: "
                    + "workers that start workers, level after level, would fill the computer's memory). Start them "
                    + "from the notebook, or give the work to a WorkerPool.";
        } else if (depth == 1) {
            reason = "a worker may have at most " + allowed + " workers of its own alive at once, and " + alive
                    + (alive == 1 ? " is" : " are") + " (each worker is a whole JVM of about 50 MB). Wait for them with "
                    + "join(), or start the workers from the notebook.";
        } else {
            reason = alive + (alive == 1 ? " worker is" : " workers are") + " alive, and at most " + allowed
                    + " may be at once (each worker is a whole JVM of about 50 MB; -Dlessonbook.workers.max=N "
                    + "sets the limit). Wait for some with join(), or give the tasks to a WorkerPool: a few workers "
                    + "that run many tasks.";
        }
        return what + (count == 1 ? " was not started: " : " were not started: ") + reason;
    }
}
