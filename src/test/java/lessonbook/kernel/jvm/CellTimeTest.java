package lessonbook.kernel.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lessonbook.kernel.protocol.KernelEvent.Outcome;

/** The line a {@code %%time} cell ends with, from its figures, and the tally of its workers' CPU. */
class CellTimeTest {
    @Test
    void theLineCountsTheKernelAndTheWorkersAndSaysHowManyCoresWereBusy() {
        assertThat(CellTime.line(Outcome.OK, 1620, new CellTime.Kernel(120, 40), 10, 0, 2910, 2))
                .isEqualTo("time: wall 1.62 s · CPU 3.03 s: 10 workers 2.91 s, kernel 120 ms (compiling the cell 40 ms)"
                        + " · on average 1.87 of 2 cores busy");
        assertThat(CellTime.line(Outcome.OK, 290, new CellTime.Kernel(290, 8), 0, 0, 0, 1))
                .isEqualTo("time: wall 290 ms · CPU 290 ms: kernel 290 ms (compiling the cell 8 ms) · on average 1.00"
                        + " of 1 core busy");
        assertThat(CellTime.line(Outcome.INTERRUPTED, 125_300, new CellTime.Kernel(50, -1), 1, 1, 60_000, 4))
                .isEqualTo("time (until interrupted): wall 2 min 5.3 s · CPU 1 min 0.1 s: 1 worker 1 min 0.0 s so far,"
                        + " 1 still alive, kernel 50 ms · on average 0.48 of 4 cores busy");
        assertThat(CellTime.line(Outcome.ERROR, 5, new CellTime.Kernel(0, 3), 0, 0, 0, 2))
                .as("too short for a ratio; a thread's exact clock above the process's ticks is capped")
                .isEqualTo("time (until it failed): wall 5 ms · CPU 0 ms: kernel 0 ms (compiling the cell 0 ms)");
        assertThat(CellTime.line(Outcome.OK, 900, new CellTime.Kernel(-1, -1), 2, 0, 1700, 2))
                .isEqualTo("time: wall 900 ms · CPU of this kernel not known on this system · 2 workers 1.70 s");
    }

    @Test
    void aWorkerCountsFromItsStartOrFromWhatWasKnownWhenTheCellBegan() {
        WorkerCpuTally tally = new WorkerCpuTally();
        tally.started("earlier", 7);
        tally.cpu("earlier", 7, 400);   // a pool's worker, busy in an earlier cell
        WorkerCpuTally.Cell cell = tally.open("timed");
        tally.started("timed", 8);
        tally.cpu("timed", 8, 100);
        tally.cpu("timed", 7, 450);     // mapped again in the timed cell
        tally.exited("timed", 8, 300);
        tally.cpu("other", 9, 1_000);   // another cell's worker

        assertThat(cell.count()).isEqualTo(2);
        assertThat(cell.running()).isEqualTo(1);
        assertThat(cell.cpuMillis()).isEqualTo(300 + 50);
        tally.close("timed");
        tally.cpu("timed", 7, 900);
        assertThat(cell.cpuMillis()).as("closed: nothing more counts").isEqualTo(350);
    }

    @Test
    void workersStillAliveAreReadFromTheSystemWhenTheCellBeginsAndEnds() {
        java.util.Map<Long, Long> system = new java.util.HashMap<>(java.util.Map.of(7L, 420L));
        WorkerCpuTally tally = new WorkerCpuTally(pid -> system.containsKey(pid)
                ? java.util.OptionalLong.of(system.get(pid)) : java.util.OptionalLong.empty());
        tally.started("earlier", 7);
        tally.cpu("earlier", 7, 400);   // its last sample; the system says 420 when the timed cell begins
        WorkerCpuTally.Cell cell = tally.open("timed");
        tally.cpu("timed", 7, 430);     // a sample during the cell
        system.put(7L, 480L);           // the map ran on after the last sample

        cell.refresh();
        assertThat(cell.cpuMillis()).as("480 at the end, from 420 at the start").isEqualTo(60);
        assertThat(cell.running()).isEqualTo(1);
    }
}
