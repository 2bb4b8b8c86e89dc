package lessonbook.kernel.jvm.timeit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The measuring half of {@code %timeit}, called by the code the kernel writes for a timed cell (see
 * {@link TimeitSource}); nothing else should call it. It runs IPython's plan: the loop once (the first call, said
 * apart, see {@link TimeitReport}), then, unless the cell said {@code -n}, 1, 2, 5, 10, 20, 50... loops until one
 * run takes at least 0.2 s, then that many loops {@code runs} times.
 * <p>
 * Threading: {@link #run} on the thread that runs the cell's code (JShell's engine is in the kernel's process), and
 * {@link #takeReport} after it on the kernel's main thread, which waits for that code to end.
 */
public final class Timeit {
    /** The kernel's loop around the cell's code: runs it {@code loops} times, returns the nanoseconds they took. */
    public interface Loop {
        long time(long loops) throws Throwable;
    }

    /**
     * Where a timed expression's value goes on each loop: a volatile write the JIT compiler must keep, so it cannot
     * drop the computation of a value no one reads (timing nothing), as it may drop an unused one.
     */
    public static volatile Object sink;

    /** IPython's: the loops per run are chosen so that a run takes at least this long. */
    static final long ENOUGH_NANOS = 200_000_000L;
    private static final AtomicReference<TimeitReport> LAST = new AtomicReference<>();

    private Timeit() {
    }

    /** Measures {@code loop}; {@code loops} 0 lets the measurement choose. */
    public static void run(Loop loop, long loops, int runs) throws Throwable {
        LAST.set(null);
        long first = loop.time(1);
        long chosen = loops > 0 ? loops : enoughLoops(loop);
        long[] nanos = new long[runs];
        for (int r = 0; r < runs; r++) {
            nanos[r] = loop.time(chosen);
        }
        sink = null;   // the last value is not kept alive by the measurement
        LAST.set(new TimeitReport(chosen, nanos, first));
    }

    /** What the last {@link #run} measured, once; empty when it did not finish (the code threw, or was stopped). */
    public static Optional<TimeitReport> takeReport() {
        return Optional.ofNullable(LAST.getAndSet(null));
    }

    private static long enoughLoops(Loop loop) throws Throwable {
        for (long base = 1; ; base *= 10) {
            for (long times : new long[] {1, 2, 5}) {
                long loops = base * times;
                if (loop.time(loops) >= ENOUGH_NANOS || loops >= TimeitOptions.MAX_LOOPS) {
                    return loops;
                }
            }
        }
    }
}
