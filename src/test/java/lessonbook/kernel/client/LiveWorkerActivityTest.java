package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Output;

/** A running worker's CPU time and wait states reach the app while it runs, apart from the cell's outputs. */
class LiveWorkerActivityTest {

    @Test
    void aBusyWorkersCpuTimeArrivesBeforeItsExit() {
        try (KernelHarness h = new KernelHarness()) {
            KernelHarness.Ran ran = h.run("import lessonbook.workers.*;\nvar w = new Worker(() -> { long end = System.nanoTime() + 2_000_000_000L;"
                    + " long n = 0; while (System.nanoTime() < end) n++; });\nw.start();\nw.join();");
            assertThat(ran.run().ok()).as(ran.outputs().toString()).isTrue();
            Output.WorkerEvent exit = ran.all(Output.WorkerEvent.class).stream()
                    .filter(e -> e.phase() == Output.WorkerEvent.Phase.EXITED).findFirst().orElseThrow();
            List<Object> heard = List.copyOf(h.heard);
            int exitAt = heard.indexOf(exit);
            List<KernelEvent.WorkerCpu> before = heard.subList(0, exitAt).stream()
                    .filter(KernelEvent.WorkerCpu.class::isInstance).map(KernelEvent.WorkerCpu.class::cast)
                    .filter(c -> c.pid() == exit.pid()).toList();
            assertThat(before).as("CPU samples of pid %d before its exit", exit.pid()).isNotEmpty();
            assertThat(before.get(before.size() - 1).cpuMillis()).isPositive();
            // transient: never among the cell's outputs
            assertThat(ran.outputs()).noneMatch(o -> o.getClass().getName().contains("Cpu"));
        }
    }
}
