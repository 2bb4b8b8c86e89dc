package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import lessonbook.process.ProcStat;
import lessonbook.testkit.Await;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * The spare JVMs that replace a cell's workers boot a few at a time, leaving a core to the kernel and the window
 * (ten booting at once made the next one-line cell take a second); {@code prestart}, whose caller waits, boots them
 * all at once.
 */
class SpareRefillTest extends WithRecordingHost {
    private static final int SPARES = 4;

    @BeforeEach
    void fourSpares() {
        spares(SPARES);
        WorkerRuntime.terminateAll();
    }

    @Test
    void afterTheWorkersEndTheSparesBootAtMostAllCoresButOneAtATime() {
        Worker w = new Worker(() -> { });
        w.start();
        w.join();
        AtomicInteger mostBooting = new AtomicInteger();
        Await.until(SPARES + " spares ready", T, () -> {
            WorkerRuntime.SpareCount now = WorkerRuntime.spareCount();
            mostBooting.accumulateAndGet(now.booting(), Math::max);
            return now.ready() == SPARES;
        }, () -> WorkerRuntime.spareCount().toString());
        assertThat(mostBooting.get()).as("spares booting at once, seen").isBetween(1,
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(WorkerRuntime.livePids()).hasSize(SPARES);
    }

    @Test
    void sparesStartedWithOtherOptionsAreEndedNotLeftRunning() {
        Worker.prestart(SPARES);
        java.util.List<Long> before = WorkerRuntime.livePids();
        assertThat(before).hasSize(SPARES);
        String was = System.getProperty("lessonbook.workers.xmx");
        System.setProperty("lessonbook.workers.xmx", "200m");   // a cell asking its next workers for another heap
        try {
            Worker.prestart(SPARES);
            for (long pid : before) {
                Await.until("the old spare " + pid + " ended", T,
                        () -> !ProcStat.running(pid));
            }
            assertThat(WorkerRuntime.livePids()).hasSize(SPARES).doesNotContainAnyElementsOf(before);
        } finally {
            if (was == null) {
                System.clearProperty("lessonbook.workers.xmx");
            } else {
                System.setProperty("lessonbook.workers.xmx", was);
            }
            WorkerRuntime.terminateAll();
        }
    }

    @Test
    void prestartBootsTheSparesItWaitsForAtOnce() {
        Worker.prestart(SPARES);
        assertThat(WorkerRuntime.spareCount()).isEqualTo(new WorkerRuntime.SpareCount(0, SPARES));
    }
}
