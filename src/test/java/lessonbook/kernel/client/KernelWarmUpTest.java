package lessonbook.kernel.client;

import lessonbook.testkit.Await;
import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.model.Output;

/** The kernel warms its own code while idle after start, and gives way to cells at once. */
class KernelWarmUpTest {
    /**
     * Run as the first cell, which arrives while the warm-up has just begun: lets a warm-up step in flight end
     * (polling, bounded), then computes for 300 ms and prints the warm-up thread's state and the cpu it used
     * meanwhile.
     */
    private static final String MEASURE_WARM_UP_WHILE_COMPUTING = """
            Thread warm = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("lessonbook-kernel-warm-up")).findFirst().orElseThrow();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (warm.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long before = threads.getThreadCpuTime(warm.getId());
            long end = System.nanoTime() + 300_000_000L;
            long spins = 0;
            while (System.nanoTime() < end) {
                spins++;
            }
            long used = threads.getThreadCpuTime(warm.getId()) - before;
            System.out.println(warm.getState() + " " + used / 1_000_000);
            """;

    /**
     * Which of the classes a cell's first workers and first pool need on the kernel's side are loaded, asked of the
     * kernel's class loader without loading them (java.lang is open to the kernel's cells, see KernelLauncher).
     */
    private static final String LOADED = """
            var find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
            find.setAccessible(true);
            for (String name : new String[] {"lessonbook.workers.runtime.Variables", "lessonbook.workers.runtime.CpuSampler",
                    "lessonbook.workers.runtime.PoolDispatcher", "lessonbook.workers.runtime.MapRun$Chunk",
                    "lessonbook.workers.WorkerPool"}) {
                System.out.println(name + " " + (find.invoke(ClassLoader.getSystemClassLoader(), name) != null));
            }
            """;

    @Test
    void whileIdleItLoadsWhatItsFirstWorkersAndPoolNeedWithoutStartingAny() {
        try (KernelHarness h = new KernelHarness()) {
            // each probe is a cell, after which the warm-up waits for a quiet spell again: a probe a second
            h.awaitWarmUpEnded();
            assertThat(h.run(LOADED).stdout().lines()).allMatch(line -> line.endsWith(" true"));
            String jvms = """
                    var spares = lessonbook.workers.runtime.WorkerRuntime.spareCount();
                    System.out.println(lessonbook.workers.runtime.WorkerRuntime.livePids().size() + " "
                            + (spares.booting() + spares.ready()));
                    """;
            // two reads, not one: a spare may be between starting and counted, or between ended and gone
            String[][] last = {{"?", "?"}};
            Await.until("worker JVMs alive: the spares, no more", Duration.ofSeconds(20), () -> {
                last[0] = h.run(jvms).stdout().strip().split(" ");
                return last[0][0].equals(last[0][1]);
            }, () -> "live " + last[0][0] + ", spares " + last[0][1]);
        }
    }

    /**
     * Spare worker JVMs are for notebooks that use workers: none while the cells never name the API, even with no
     * delay before spares boot and after the whole warm-up; the spares once a cell imports it.
     */
    @Test
    void sparesBootOnlyOnceACellNamesTheWorkerApi() {
        List<String> options = new java.util.ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        options.add("-Dlessonbook.workers.sparesDelayMs=0");
        try (KernelHarness h = new KernelHarness(KernelLauncher.standard().withJvmOptions(options))) {
            assertThat(h.run("int answer = 41 + 1;").stdout()).isEmpty();
            h.awaitWarmUpEnded();
            assertThat(childJvms(h)).as("worker JVMs of a kernel whose cells never named the API").isEmpty();

            h.run("import lessonbook.workers.*;");
            Await.until("two spare worker JVMs (the tests' lessonbook.workers.maxSpares)", Duration.ofSeconds(30),
                    () -> childJvms(h).size() == 2, () -> childJvms(h).toString());
        }
    }

    private static List<Long> childJvms(KernelHarness h) {
        // JVMs only: the kernel also runs renice for a moment to lower a thread's priority
        return ProcessHandle.of(h.kernel.pid()).orElseThrow().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    @Test
    void aComputingCellHasTheCpuToItself() {
        try (KernelHarness h = new KernelHarness()) {
            KernelHarness.Ran first = h.run(MEASURE_WARM_UP_WHILE_COMPUTING);
            assertThat(first.run().executionCount()).isEqualTo(1);
            String[] stateAndMillis = first.stdout().strip().split(" ");
            assertThat(stateAndMillis[0]).as("warm-up thread during the cell").isIn("WAITING", "TIMED_WAITING");
            assertThat(Long.parseLong(stateAndMillis[1])).as("ms of cpu the warm-up used in 300 ms of the cell")
                    .isLessThan(5);
            assertThat(h.run("6 * 7").only(Output.Value.class).value()).isEqualTo("42");
        }
    }
}
