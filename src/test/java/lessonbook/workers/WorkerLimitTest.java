package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lessonbook.testkit.Await;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * A worker is a whole JVM: the loop that starts one per item of a thousand, or workers that start workers level
 * after level, is refused with a message once a process has as many alive as it may, rather than filling the
 * machine's memory. Real worker JVMs, counted by pid.
 */
class WorkerLimitTest extends WithRecordingHost {
    private static final String MAX = "lessonbook.workers.max";

    @AfterEach
    void restoreLimit() {
        System.clearProperty(MAX);
    }

    /** Ends the spares an earlier test left (and a refill of them still booting), so that the pids below are ours. */
    private static void noWorkerJvmLeft() {
        Await.until("no worker JVM left", T, () -> {
            WorkerRuntime.terminateAll();
            return WorkerRuntime.livePids().isEmpty();
        });
    }

    @Test
    void theWorkerPastTheLimitIsRefusedWithWhatToDoInsteadAndNoProcessStarts() {
        spares(0);
        noWorkerJvmLeft();
        System.setProperty(MAX, "3");
        List<Worker> sleepers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Worker w = new Worker(() -> LockSupport.parkNanos(60_000_000_000L));
            w.start();
            sleepers.add(w);
        }

        Worker fourth = new Worker(() -> System.out.println("never"));
        assertThatThrownBy(fourth::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(fourth.name() + " was not started: 3 workers are alive, and at most 3 may be")
                .hasMessageContaining("join()").hasMessageContaining("WorkerPool");
        assertThatThrownBy(() -> new WorkerPool(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a pool's 2 workers were not started: 3 workers are alive");
        assertThat(WorkerRuntime.livePids()).as("only the three workers' JVMs")
                .containsExactlyInAnyOrderElementsOf(sleepers.stream().map(Worker::pid).toList());

        sleepers.get(0).terminate();
        sleepers.get(0).join();
        Worker next = new Worker(() -> System.out.println("my turn"));
        next.start();
        next.join();
        assertThat(next.exitCode()).isZero();
        assertThat(host.textsOf(next.pid())).containsExactly("my turn");
    }

    @Test
    void aPoolIsMadeWholeOrNotAtAllAndItsReplacementsNeedNoRoom() {
        spares(0);
        noWorkerJvmLeft();
        System.setProperty(MAX, "2");
        assertThatThrownBy(() -> new WorkerPool(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a pool's 3 workers were not started: 0 workers are alive, and at most 2");
        assertThat(WorkerRuntime.livePids()).isEmpty();

        // two workers, one task each before it is replaced: the replacements start while the pool has its two
        try (WorkerPool pool = new WorkerPool(2, new PoolOptions().maxTasksPerWorker(1))) {
            List<Long> pids = pool.map(x -> CurrentProcess.pid(), List.of(1, 2, 3, 4, 5, 6), 1);
            assertThat(pids).hasSize(6).doesNotHaveDuplicates();
        }
    }

    @Test
    void aWorkerMayStartTwoOfItsOwnAndTheirWorkersNone() {
        Worker outer = new Worker(() -> {
            List<Worker> inner = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Worker w = new Worker(() -> {
                    try {
                        new Worker(() -> System.out.println("third level")).start();
                    } catch (IllegalStateException e) {
                        System.out.println("third level refused: " + e.getMessage());
                    }
                });
                try {
                    w.start();
                    inner.add(w);
                } catch (IllegalStateException e) {
                    System.out.println("refused: " + e.getMessage());
                }
            }
            inner.forEach(Worker::join);
        }).name("outer");
        outer.start();
        outer.join();

        assertThat(outer.exitCode()).isZero();
        List<String> texts = host.textsOf(outer.pid());
        assertThat(texts).filteredOn(t -> t.startsWith("refused: ")).singleElement().asString()
                .contains("was not started: a worker may have at most 2 workers of its own alive at once, and 2 are");
        assertThat(texts).filteredOn(t -> t.contains("third level refused: ")).hasSize(2)
                .allMatch(t -> t.contains("a worker started by a worker cannot start workers of its own"));
        assertThat(texts).noneMatch(t -> t.endsWith("] third level"));
    }
}
