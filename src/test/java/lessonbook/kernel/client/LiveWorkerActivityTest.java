package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
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

    /**
     * The cell holds the lock until both workers are about to take it, so one of them must wait while the other
     * holds it for 800 ms, however far apart the two started.
     */
    @Test
    void twoWorkersContendingForALockAreReportedAsWaiterAndHolder() {
        try (KernelHarness h = new KernelHarness()) {
            KernelHarness.Ran ran = h.run("import lessonbook.workers.*;\n"
                    + "var lock = new WorkerLock(\"counter lock\");\nvar arrived = new SharedLong();\n"
                    + "void contend() { arrived.incrementAndGet(); lock.lock(); try {"
                    + " long end = System.nanoTime() + 800_000_000L; while (System.nanoTime() < end) Thread.onSpinWait();"
                    + " } finally { lock.unlock(); } }\n"
                    + "lock.lock();\nvar a = new Worker(() -> contend());\nvar b = new Worker(() -> contend());\na.start();\nb.start();\n"
                    + "long giveUp = System.nanoTime() + 25_000_000_000L;\n"
                    + "while (arrived.get() < 2 && System.nanoTime() < giveUp) Thread.onSpinWait();\n"
                    + "lock.unlock();\na.join();\nb.join();\nSystem.out.println(\"arrived \" + arrived.get());");
            assertThat(ran.run().ok()).as(ran.outputs().toString()).isTrue();
            assertThat(ran.stdout()).contains("arrived 2");
            List<KernelEvent.WorkerWaits> all = h.heard.stream().filter(KernelEvent.WorkerWaits.class::isInstance)
                    .map(KernelEvent.WorkerWaits.class::cast).toList();
            assertThat(all).as("the kernel's cell held the lock while the workers started").anyMatch(w ->
                    w.worker().equals(KernelEvent.WorkerWaits.KERNEL_PROCESS) && w.pid() == h.kernel.pid()
                    && "lock 'counter lock'".equals(w.holding()));
            List<KernelEvent.WorkerWaits> waits = all.stream()
                    .filter(w -> !w.worker().equals(KernelEvent.WorkerWaits.KERNEL_PROCESS)).toList();
            List<KernelEvent.WorkerWaits> waiting = waits.stream()
                    .filter(w -> w.waitingOn() != null && w.waitingOn().startsWith("lock 'counter lock' (held by pid ")).toList();
            List<Long> waiters = waiting.stream().map(KernelEvent.WorkerWaits::pid).distinct().toList();
            List<Long> holders = waits.stream().filter(w -> "lock 'counter lock'".equals(w.holding()))
                    .map(KernelEvent.WorkerWaits::pid).distinct().toList();
            // a waiter names the holder's pid: the other worker, or the kernel whose cell held it first
            for (KernelEvent.WorkerWaits w : waiting) {
                long named = Long.parseLong(w.waitingOn().replaceAll(".*held by pid (\\d+)\\)$", "$1"));
                assertThat(named).as("holder named in %s", w).isNotEqualTo(w.pid());
                assertThat(holders.contains(named) || named == h.kernel.pid()).as("holder named in %s", w).isTrue();
            }
            assertThat(waiters).as("pids reported waiting on the lock, in %s", waits).isNotEmpty();
            assertThat(holders).as("pids reported holding the lock, in %s", waits).isNotEmpty();
            // the second to get the lock waited while the first held it: some waiter is not the only holder
            assertThat(waiters.stream().anyMatch(w -> holders.stream().anyMatch(x -> !x.equals(w)))).isTrue();
            List<Long> workerPids = ran.all(Output.WorkerEvent.class).stream().map(Output.WorkerEvent::pid)
                    .distinct().toList();
            assertThat(workerPids).containsAll(waiters).containsAll(holders);
        }
    }
}
