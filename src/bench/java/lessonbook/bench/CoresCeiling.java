package lessonbook.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The speedup this machine allows at the moment it is asked: the tutorial's loop run on one thread alone, then on
 * one thread per core at once, all in this JVM and all through the same compiled code; the ceiling is what the
 * threads at once did per second over what the one alone did. It is the core count on a machine whose cores are
 * its own, and less where they are shared: on the 2-core virtual machine the project is measured on, the loop
 * pinned to one core took 276 ms, to the other 285-414 ms in the same minute, each a steady figure per JVM for
 * seconds at a time. A speedup figure reads against this ceiling measured beside it, not against the core count;
 * Python's peer runs under the same ceiling.
 * <p>
 * Not the lesson's workload: no process starts, no JIT warm-up in a fresh JVM, nothing sent. Those are the costs
 * the speedup figures include and the ceiling leaves out.
 */
public final class CoresCeiling {
    /** About 60 ms of the loop on one core of that machine: short enough to run beside every round. */
    static final long INPUT = 200_000_000L;
    private static final int PROBES = 3;
    private static volatile long sink;

    private CoresCeiling() {
    }

    /** The median of a few probes, each the loop alone, then on every core at once, then alone again. */
    public static double measure() {
        warmUp();
        List<Double> ceilings = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            ceilings.add(probe(Runtime.getRuntime().availableProcessors()));
        }
        return Median.of(ceilings);
    }

    /** Compiles the loop as a whole method (C2), as the sequential run's calls after its first one run it. */
    private static void warmUp() {
        for (int i = 0; i < 40; i++) {
            sink += WorkerBench.factorial(INPUT / 100);
        }
    }

    /** One probe on {@code threads} threads: the sum over them of (time alone / their time at once). */
    static double probe(int threads) {
        double alone = (secondsAlone() + secondsAlone()) / 2;
        double[] atOnce = new double[threads];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                atOnce[slot] = secondsAlone();
            }, "cores-ceiling-" + t);
            thread.start();
            running.add(thread);
        }
        go.countDown();
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while probing the cores", e);
            }
        }
        double ceiling = 0;
        for (double seconds : atOnce) {
            ceiling += alone / seconds;
        }
        return ceiling;
    }

    private static double secondsAlone() {
        long t0 = System.nanoTime();
        sink += WorkerBench.factorial(INPUT);
        return (System.nanoTime() - t0) / 1e9;
    }
}
