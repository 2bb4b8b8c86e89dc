package lessonbook.bench.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jdk.jshell.JShell;
import lessonbook.bench.Figure;
import lessonbook.bench.Median;
import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelLauncher;

/**
 * Kernel figures for {@code lessonbook bench}: start to first result, and a warm one-line evaluation against
 * the same snippet through JShell's default (JDI) engine, the path a naive embedding takes.
 */
public final class KernelBench {
    static final String SNIPPET = "int x = 1;";
    /** Both engines get the same warm-up before their 50 timed evaluations. */
    static final int WARM_UP = 50;
    private final int starts;
    private final int evals;

    public KernelBench() {
        this(5, 50);
    }

    public KernelBench(int starts, int evals) {
        this.starts = starts;
        this.evals = evals;
    }

    public List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        KernelLauncher launcher = KernelLauncher.standard();
        if (launcher.classDataCache() != null) {
            // A one-time cost per JDK and build (done in the background on first use); not part of a start.
            launcher.classDataCache().trainInBackground().get(180, TimeUnit.SECONDS);
        }
        // Alternating, so that a drift of the machine's speed over the suite (another tenant, the page cache) lands
        // on both sides alike: one side's starts all first, then the other's, once read 1,762 ms against 1,695.
        double[] withArchive = new double[starts];
        double[] without = new double[starts];
        KernelLauncher noArchive = launcher.withClassDataCache(null);
        for (int i = 0; i < starts; i++) {
            withArchive[i] = kernelReadyMillis(launcher);
            without[i] = kernelReadyMillis(noArchive);
        }
        System.err.printf("kernel bench: ms to a first result with the class-data archive %s, without %s%n",
                Arrays.toString(withArchive), Arrays.toString(without));
        figures.add(new Figure("kernel.ready", Median.of(withArchive), "ms"));
        figures.add(new Figure("kernel.ready.vs.no_cds", Median.of(without), "ms"));
        figures.add(new Figure("eval.warm", warmEvalMillis(), "ms"));
        figures.add(new Figure("eval.warm.vs.jdi", jdiEvalMillis(), "ms"));
        return figures;
    }

    /** The time from asking for a kernel to the first result of a trivial cell. */
    private static double kernelReadyMillis(KernelLauncher launcher) throws Exception {
        long start = System.nanoTime();
        try (JvmKernel kernel = JvmKernel.start(launcher)) {
            kernel.execute("bench", "1").get(60, TimeUnit.SECONDS);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    /** Median host-observed round trip of a one-line statement on a warm kernel. */
    private double warmEvalMillis() throws Exception {
        try (JvmKernel kernel = JvmKernel.start()) {
            for (int i = 0; i < WARM_UP; i++) {
                kernel.execute("warm", SNIPPET).get(60, TimeUnit.SECONDS);
            }
            double[] times = new double[evals];
            for (int i = 0; i < evals; i++) {
                long start = System.nanoTime();
                kernel.execute("bench", SNIPPET).get(60, TimeUnit.SECONDS);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            return Median.of(times);
        }
    }

    /** The same snippet through an in-process JShell with its default engine (a JDI-controlled agent JVM). */
    private double jdiEvalMillis() {
        try (JShell jshell = JShell.create()) {
            for (int i = 0; i < WARM_UP; i++) {
                jshell.eval(SNIPPET);
            }
            double[] times = new double[evals];
            for (int i = 0; i < evals; i++) {
                long start = System.nanoTime();
                jshell.eval(SNIPPET);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            return Median.of(times);
        }
    }

    public static void main(String[] args) throws Exception {
        new KernelBench().run().forEach(f -> System.out.println(f.line()));
    }
}
