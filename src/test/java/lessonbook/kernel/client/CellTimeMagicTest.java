package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;
import lessonbook.testkit.KernelHarness;

/**
 * {@code %%time} in a real kernel: the cell runs as without it, and its last output says the wall time and the CPU
 * of the kernel and of the worker processes the cell started (real JVMs, their CPU as the OS counted it).
 */
class CellTimeMagicTest {
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    private static final Pattern WORKERS = Pattern.compile(
            "time: wall ([\\d.]+) (s|ms) · CPU [\\d.]+ (?:s|ms): 2 workers ([\\d.]+) (s|ms), kernel [\\d.]+ m?s "
                    + "\\(compiling the cell [\\d.]+ m?s\\) · on average ([\\d.]+) of \\d+ cores? busy");

    @Test
    void aTimedCellRunsAsBeforeAndEndsWithItsTimes() {
        KernelHarness.Ran ran = harness.run("%%time\nlong sum = 0;\nfor (int i = 0; i < 1000; i++) sum += i;\nsum");

        assertThat(ran.only(Output.Value.class).value()).isEqualTo("499500");
        List<Output> outputs = ran.outputs();
        assertThat(outputs.get(outputs.size() - 1)).isInstanceOfSatisfying(Output.Info.class, info ->
                assertThat(info.message()).matches("time: wall [\\d.]+ m?s · CPU [\\d.]+ m?s: kernel [\\d.]+ m?s "
                        + "\\(compiling the cell [\\d.]+ m?s\\)( · .*)?"));
        assertThat(harness.run("sum").only(Output.Value.class).value()).as("the body's variables are the notebook's")
                .isEqualTo("499500");
    }

    @Test
    void theWorkersCpuIsCountedBesideTheKernels() {
        harness.run("import lessonbook.workers.*;\n"
                + "long spin(long n) { long r = 0; for (long i = 0; i < n; i++) r += i ^ (r >>> 3); return r; }");
        KernelHarness.Ran ran = harness.run("%%time\n"
                + "List<Worker> ws = new ArrayList<>();\n"
                + "for (int k = 0; k < 2; k++) { Worker w = new Worker(() -> spin(600_000_000L)); w.start(); ws.add(w); }\n"
                + "for (Worker w : ws) w.join();");

        Output.Info info = (Output.Info) ran.outputs().get(ran.outputs().size() - 1);
        Matcher m = WORKERS.matcher(info.message());
        assertThat(m.matches()).as(info.message()).isTrue();
        double workerSeconds = Double.parseDouble(m.group(3)) / (m.group(4).equals("ms") ? 1000 : 1);
        double wallSeconds = Double.parseDouble(m.group(1)) / (m.group(2).equals("ms") ? 1000 : 1);
        assertThat(workerSeconds).as("two busy workers' CPU, not the kernel's").isGreaterThan(0.1);
        assertThat(Double.parseDouble(m.group(5))).isGreaterThan(0.0);
        assertThat(workerSeconds).isLessThan(2 * wallSeconds + 0.5);
    }

    @Test
    void aWorkerStillRunningWhenTheCellEndsCountsWhatItUsedUntilThen() throws Exception {
        harness.run("import lessonbook.workers.*;\n"
                + "long spin(long n) { long r = 0; for (long i = 0; i < n; i++) r += i ^ (r >>> 3); return r; }");
        KernelHarness.Ran ran = harness.run("%%time\n"
                + "var busy = new Worker(() -> spin(Long.MAX_VALUE));\n"
                + "busy.start();\n"
                + "Thread.sleep(600);");
        try {
            Output.Info info = (Output.Info) ran.outputs().get(ran.outputs().size() - 1);
            Matcher m = Pattern.compile(": 1 worker ([\\d.]+) (s|ms) so far, 1 still alive, kernel").matcher(info.message());
            assertThat(m.find()).as(info.message()).isTrue();
            double seconds = Double.parseDouble(m.group(1)) / (m.group(2).equals("ms") ? 1000 : 1);
            assertThat(seconds).as("its CPU until the cell ended (read from the system then: see CellTimeTest)")
                    .isGreaterThan(0.1).isLessThan(2.0);
        } finally {
            harness.run("busy.terminate();");
        }
    }

    @Test
    void aFailedCellSaysSoAndAnotherMagicIsStillRefused() {
        KernelHarness.Ran failed = harness.run("%%time\nthrow new IllegalStateException(\"no\");");
        assertThat(failed.run().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(failed.all(Output.Info.class)).last().satisfies(i ->
                assertThat(i.message()).startsWith("time (until it failed): wall "));

        KernelHarness.Ran refused = harness.run("%%time\n%%bash\necho hi");
        assertThat(refused.only(Output.Notice.class).message()).startsWith("The magic %%bash is not supported");
        assertThat(refused.all(Output.Info.class)).isEmpty();
    }
}
