package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import lessonbook.testkit.Await;

/** A worker's CPU time is reported while it runs, not only when it exits. */
class WorkerCpuTest extends WithRecordingHost {

    /** A worker that uses a core until it is terminated. */
    private static Worker spinningWorker() {
        return new Worker(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
    }

    @Test
    void aBusyWorkersCpuTimeGrowsWhileItRuns() {
        Worker w = spinningWorker();
        w.start();
        long pid = w.pid();
        Await.until("two growing cpu reports", T, () -> reportsOf(pid).size() >= 2);
        assertThat(w.isAlive()).isTrue();
        assertThat(host.exitOf(pid)).as("reported before any exit").isNull();
        List<Long> reports = reportsOf(pid);
        assertThat(reports.get(1)).isGreaterThan(reports.get(0));
        assertThat(host.cpuReports).allMatch(r -> r.worker().equals(w.name()));
        w.terminate();
        Await.until("the exit", T, () -> host.exitOf(pid) != null);
        assertThat(host.exitOf(pid).cpuMillis()).as("a killed worker's cpu is the last sample")
                .isGreaterThanOrEqualTo(reports.get(1));
    }

    /** The sampler's thread waits without a timeout once no worker runs: an idle kernel does not tick for it. */
    @Test
    void theSamplerStopsTickingWhenNoWorkerRuns() {
        Worker w = new Worker(() -> System.out.println("hi"));
        w.start();
        w.join();
        Await.until("the sampler's thread waiting untimed, with nothing scheduled", T, () -> Thread.getAllStackTraces()
                .keySet().stream().filter(t -> t.getName().equals("worker-cpu-sampler"))
                .anyMatch(t -> t.getState() == Thread.State.WAITING));
        Worker busy = spinningWorker();
        busy.start();
        long pid = busy.pid();
        Await.until("cpu reports again for the next worker", T, () -> reportsOf(pid).size() >= 2);
        busy.terminate();
    }

    @Test
    void poolWorkersAreSampledToo() {
        try (WorkerPool pool = new WorkerPool(1)) {
            var running = pool.applyAsync(x -> {
                long end = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return x;
            }, 1);
            long pid = pool.pids().get(0);
            Await.until("a cpu report of the pool worker", T, () -> !reportsOf(pid).isEmpty());
            assertThat(running).isNotDone();
        }
    }

    @Test
    void aPoolWorkerKilledWhileItStartsReportsTheCpuItUsed() {
        spares(0);   // a JVM of its own, still starting when the pool closes
        WorkerPool pool = new WorkerPool(1);
        long pid = pool.pids().get(0);
        // The worker's cpu counts from its start (the pool's constructor bound it); its JVM may have used a tick or
        // two before that, so what counts is what it used after this first reading.
        long atStart = cpuOf(pid);
        Await.until("the worker JVM used some cpu", T, () -> cpuOf(pid) >= atStart + 30);
        long before = cpuOf(pid);
        pool.close();
        Await.until("the exit", T, () -> host.exitOf(pid) != null);
        assertThat(host.exitOf(pid).cpuMillis()).as("not 0: read before the kill")
                .isGreaterThanOrEqualTo(before - atStart);
    }

    @Test
    void aWorkerWithoutAReadySpareWaitsForItsJvmToStartThenNoLonger() {
        spares(0);
        Worker w = new Worker(() -> System.out.println("hi"));
        w.start();
        w.join();
        Await.until("the wait ended", T, () -> host.waitReports.contains(w.name() + " -"));
        assertThat(host.waitReports).containsSubsequence(w.name() + " " + lessonbook.workers.runtime.ChildJvm.STARTING_JVM,
                w.name() + " -");
    }

    @Test
    void aWorkerOnAReadySpareHasNoStartToWaitFor() {
        spares(1);
        Worker.prestart(1);
        Worker w = new Worker(() -> System.out.println("hi"));
        w.start();
        w.join();
        assertThat(host.waitReports).noneMatch(r -> r.endsWith(lessonbook.workers.runtime.ChildJvm.STARTING_JVM));
    }

    private static long cpuOf(long pid) {
        return lessonbook.process.ProcStat.of(pid).map(lessonbook.process.ProcStat::cpuMillis).orElse(0L);
    }

    private List<Long> reportsOf(long pid) {
        return host.cpuReports.stream().filter(r -> r.pid() == pid).map(RecordingHost.Exit::cpuMillis).toList();
    }
}
