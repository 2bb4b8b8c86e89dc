package lessonbook.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The speedup this machine allows at the moment it is asked, for the lesson's kind of work: one plain JVM per core
 * ({@link PlainJvms}: a worker's compiler options, nothing of Lessonbook around it) each running the tutorial's loop
 * once, as a cell's worker runs it ({@link WorkerBench#factorial}), all at once, against one such JVM alone; the
 * ceiling is the sum over them of (fastest loop seen / their loop). It is the core count where the cores are the
 * machine's own and alike, and less where they are shared.
 * <p>
 * Why the fastest loop seen, and why fresh JVMs: on the 2-core virtual machine the project is measured on, a fresh
 * JVM's loop as javac wrote it (compiled on the stack, as in a worker) pinned to one core ({@code taskset}) took
 * 283-291 ms, pinned to the other 313-419 ms; which core was the slow one changed from one half hour to the next.
 * That loop is now rotated for workers (kernel/jvm/LoopRotation) and runs 0.29-0.31 s either way, but a core shared
 * with another tenant still slows what runs on it. A speedup figure reads against the ceiling measured beside it,
 * not against the core count; Python's peer runs under the same ceiling.
 * <p>
 * Leaves out what the speedup figures include: the kernel or host dispatching, output, the JVMs' exits.
 */
public final class CoresCeiling {
    /** The lesson's input: each of its workers runs one such loop. */
    static final long INPUT = 1_000_000_000L;
    private static final int PROBES = 3;

    private CoresCeiling() {
    }

    /** The median of a few probes, each one JVM alone, then one per core at once. */
    public static double measure() throws Exception {
        List<Double> ceilings = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            ceilings.add(probe(Runtime.getRuntime().availableProcessors()));
        }
        return Median.of(ceilings);
    }

    /** One probe: {@code jvms} plain JVMs at once, against one alone. */
    static double probe(int jvms) throws Exception {
        List<Double> alone = seconds(PlainJvms.loopSpans(List.of(INPUT)));
        List<Double> atOnce = seconds(PlainJvms.loopSpans(Collections.nCopies(jvms, INPUT)));
        return ceiling(alone.get(0), atOnce);
    }

    /** The sum over {@code atOnce} of (the fastest of all the loops / that loop). */
    static double ceiling(double alone, List<Double> atOnce) {
        double fastest = Math.min(alone, Collections.min(atOnce));
        double sum = 0;
        for (double seconds : atOnce) {
            sum += fastest / seconds;
        }
        return sum;
    }

    private static List<Double> seconds(List<long[]> spans) {
        List<Double> seconds = new ArrayList<>();
        for (long[] span : spans) {
            seconds.add((span[1] - span[0]) / 1e9);
        }
        return seconds;
    }
}
