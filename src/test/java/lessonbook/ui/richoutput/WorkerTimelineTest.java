package lessonbook.ui.richoutput;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Output.WorkerEvent;
import lessonbook.model.Output.WorkerEvent.Phase;

/** The lanes' state without JavaFX: workers' lives, who holds a lock, and the span the lanes cover. */
class WorkerTimelineTest {
    private final WorkerTimeline timeline = new WorkerTimeline();

    private void started(String worker, long pid, long at) {
        timeline.apply(new WorkerEvent(worker, pid, Phase.STARTED, at, null, 0));
    }

    private void exited(String worker, long pid, long at, int code, long cpu) {
        timeline.apply(new WorkerEvent(worker, pid, Phase.EXITED, at, code, cpu));
    }

    @Test
    void aLockHeldByARunningWorkerOrTheNotebookIsNamedAndAnUnknownPidStaysAPid() {
        started("Worker-3", 303, 1000);
        timeline.waits(KernelEvent.WorkerWaits.KERNEL_PROCESS, 42, null, "lock 'counter'", 1000);
        assertThat(timeline.withHolderNamed("lock 'counter' (held by pid 303)"))
                .isEqualTo("lock 'counter' (held by Worker-3)");
        assertThat(timeline.withHolderNamed("lock 'counter' (held by pid 42)"))
                .isEqualTo("lock 'counter' (held by the notebook)");
        assertThat(timeline.withHolderNamed("lock 'counter' (held by pid 999)"))
                .isEqualTo("lock 'counter' (held by pid 999)");
        exited("Worker-3", 303, 2000, 0, 10);
        // a pid that exited may be reused by another process: no longer named after the worker
        assertThat(timeline.withHolderNamed("lock 'counter' (held by pid 303)"))
                .isEqualTo("lock 'counter' (held by pid 303)");
    }

    @Test
    void theNotebooksOwnWaitsGoToTheSummaryNotToALane() {
        timeline.waits(KernelEvent.WorkerWaits.KERNEL_PROCESS, 42, "queue 'results'", null, 1000);
        assertThat(timeline.kernelWaits()).isEqualTo("the notebook waits for queue 'results'");
        assertThat(timeline.lanes()).isEmpty();
        timeline.waits(KernelEvent.WorkerWaits.KERNEL_PROCESS, 42, null, null, 1100);
        assertThat(timeline.kernelWaits()).isNull();
    }

    @Test
    void anExitClearsWaitsAndLateCpuOrWaitReportsChangeNothing() {
        started("Worker-1", 11, 1000);
        assertThat(timeline.waits("Worker-1", 11, "barrier 'b'", "lock #1", 1100)).isTrue();
        assertThat(timeline.cpu("Worker-1", 11, 80)).isTrue();
        exited("Worker-1", 11, 1500, 0, 120);
        WorkerLane lane = timeline.all().iterator().next();
        assertThat(lane.waitingOn).isNull();
        assertThat(lane.holding).isNull();
        assertThat(timeline.cpu("Worker-1", 11, 500)).isFalse();
        assertThat(timeline.waits("Worker-1", 11, "barrier 'b'", null, 1600)).isFalse();
        assertThat(lane.cpuMillis).isEqualTo(120);
        assertThat(lane.state()).isEqualTo(WorkerLane.State.DONE);
    }

    @Test
    void theSpanRunsToTheWallClockWhileLiveWorkersRunAndToTheLastEventOtherwise() {
        started("Worker-1", 11, 1000);
        started("Worker-2", 12, 1040);
        timeline.line("Worker-2", 12, 1300);
        assertThat(timeline.span(5000, true)).isEqualTo(new WorkerTimeline.Span(1000, 5000, true));
        // a wall clock behind the events (another machine's, a step back) never cuts the lanes short
        assertThat(timeline.span(900, true)).isEqualTo(new WorkerTimeline.Span(1000, 1300, true));
        assertThat(timeline.span(5000, false)).isEqualTo(new WorkerTimeline.Span(1000, 1300, false));
        exited("Worker-1", 11, 2000, 0, 900);
        exited("Worker-2", 12, 2100, 1, 950);
        assertThat(timeline.anyRunning()).isFalse();
        assertThat(timeline.span(5000, true)).isEqualTo(new WorkerTimeline.Span(1000, 2100, false));
    }

    @Test
    void frozenWorkersWithoutAnExitAreNoLongerRunning() {
        started("Worker-1", 11, 1000);
        assertThat(timeline.anyRunning()).isTrue();
        timeline.freeze();
        assertThat(timeline.anyRunning()).isFalse();
        assertThat(timeline.all().iterator().next().state()).isEqualTo(WorkerLane.State.UNKNOWN);
    }

    @Test
    void oneLanePerWorkerNameAndPidInTheOrderFirstHeardOf() {
        started("Worker-2", 12, 1000);
        started("Worker-1", 11, 1001);
        timeline.line("Worker-2", 12, 1002);
        started("Worker-1", 13, 1003);   // the same name in another process: another lane
        assertThat(timeline.all()).extracting(l -> l.worker + "/" + l.pid)
                .containsExactly("Worker-2/12", "Worker-1/11", "Worker-1/13");
    }
}
