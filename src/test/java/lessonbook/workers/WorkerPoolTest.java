package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import lessonbook.process.ProcStat;
import lessonbook.testkit.Await;

class WorkerPoolTest extends WithRecordingHost {

    @AfterEach
    void clearWorkerOptions() {
        System.clearProperty("lessonbook.workers.xmx");
        System.clearProperty("lessonbook.workers.jvmOptions");
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void mapReturnsResultsInInputOrderComputedInOtherProcesses() {
        try (WorkerPool pool = new WorkerPool(3)) {
            assertThat(pool.size()).isEqualTo(3);
            List<Long> pids = pool.map(x -> ProcessHandle.current().pid(), range(30));
            assertThat(pids).doesNotContain(ProcessHandle.current().pid());
            assertThat(pool.pids()).containsAll(pids);
            List<Integer> squares = pool.map(x -> x * x, range(100));
            assertThat(squares).isEqualTo(range(100).stream().map(x -> x * x).toList());
            assertThat(pool.map(x -> x, List.<Integer>of())).isEmpty();
        }
    }

    /**
     * The pool keeps a lambda that captures nothing serialized between calls; one that captures a value is sent
     * again each call, so the same call site with a new captured value computes with the new value.
     */
    @Test
    void theSameCallSiteUsesWhatItCapturedThisTime() {
        try (WorkerPool pool = new WorkerPool(2)) {
            for (int k = 1; k <= 3; k++) {
                int added = k;
                assertThat(pool.map(x -> x + added, range(20))).isEqualTo(range(20).stream().map(x -> x + added).toList());
                assertThat(pool.map(x -> x * 2, range(20))).isEqualTo(range(20).stream().map(x -> x * 2).toList());
            }
        }
    }

    /**
     * Once a function is known to be cheap, a map sends its chunks far ahead to each worker (as Python's shared pipe
     * holds them); results still come back in input order and a failure still names its input.
     */
    @Test
    void cheapMapsSentAheadKeepOrderAndNameTheFailingInput() {
        SerializableFunction<Integer, Integer> plusOne = x -> {
            if (x < 0) {
                throw new IllegalArgumentException("negative " + x);
            }
            return x + 1;
        };
        try (WorkerPool pool = new WorkerPool(2)) {
            for (int i = 0; i < 3; i++) {
                assertThat(pool.map(plusOne, range(1000))).isEqualTo(range(1000).stream().map(x -> x + 1).toList());
            }
            List<Integer> inputs = new ArrayList<>(range(1000));
            inputs.set(777, -5);
            assertThatThrownBy(() -> pool.map(plusOne, inputs)).isInstanceOf(WorkerException.class)
                    .hasMessageContaining("failed on input 777").hasMessageContaining("negative -5");
            assertThat(pool.map(plusOne, range(1000))).isEqualTo(range(1000).stream().map(x -> x + 1).toList());
        }
    }

    /**
     * Python's default chunking (about four chunks per worker) for a function the pool has not measured, or one
     * that is not cheap; once a function proved cheap, each worker gets its whole share as one chunk, which shows
     * as one unbroken run of the same pid per worker in the results.
     */
    @Test
    void aCheapFunctionGoesOutAsOneChunkPerWorkerAndAnExpensiveOneInFourEach() {
        SerializableFunction<Integer, Long> cheap = x -> ProcessHandle.current().pid();
        SerializableFunction<Integer, Long> expensive = x -> {
            long until = System.nanoTime() + 300_000;   // 0.3 ms per input: a share of 40 costs a worker 12 ms
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return ProcessHandle.current().pid();
        };
        SerializableFunction<Integer, Long> slow = x -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ProcessHandle.current().pid();
        };
        try (WorkerPool pool = new WorkerPool(2)) {
            // Which worker takes a chunk is only fixed once both are connected: a busy CI machine starts one late.
            Await.until("both workers take a chunk at once", T, () -> pool.map(slow, range(2), 1).stream().distinct().count() == 2);
            for (int i = 0; i < 3; i++) {
                pool.map(cheap, range(1000));   // measured now, and warm
            }
            List<Long> shares = pool.map(cheap, range(1000));
            assertThat(runsOfTheSamePid(shares)).isEqualTo(2);
            assertThat(shares.get(499)).isNotEqualTo(shares.get(500));
            pool.map(expensive, range(80));
            // chunks alternate between the workers, so several chunks each show as more than two runs
            assertThat(runsOfTheSamePid(pool.map(expensive, range(80)))).isGreaterThan(2);
            assertThat(runsOfTheSamePid(pool.map(cheap, range(1000), 125))).as("an explicit chunk size is kept")
                    .isGreaterThan(2);
        }
    }

    private static int runsOfTheSamePid(List<Long> pids) {
        int runs = 1;
        for (int i = 1; i < pids.size(); i++) {
            runs += pids.get(i).equals(pids.get(i - 1)) ? 0 : 1;
        }
        return runs;
    }

    @Test
    void poolWorkersHaveTheirNamesAndTagTheirLines() {
        try (WorkerPool pool = new WorkerPool(2)) {
            List<String> names = pool.map(x -> {
                System.out.println("hello from " + CurrentProcess.name());
                return CurrentProcess.name();
            }, range(8));
            assertThat(names).allMatch(n -> n.matches("PoolWorker-\\d+"));
            Await.until("8 lines", T, () -> host.lines().size() >= 8);
            assertThat(host.lines()).allMatch(l -> l.text().equals("hello from " + l.worker()));
        }
    }

    @Test
    void mapAsyncAndMapUnordered() throws Exception {
        try (WorkerPool pool = new WorkerPool(2)) {
            CompletableFuture<List<String>> f = pool.mapAsync(x -> "v" + x, range(10));
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(range(10).stream().map(x -> "v" + x).toList());
            List<Integer> got = new ArrayList<>();
            for (int r : pool.mapUnordered(x -> x + 1, range(20))) {
                got.add(r);
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(range(20).stream().map(x -> x + 1).toList());
        }
    }

    @Test
    void unorderedResultsComeInCompletionOrder() {
        // Input 0 finishes only once the caller has taken input 1's result, so no timing decides the order:
        // a mapUnordered that yielded in input order would hold 0 back until its bounded wait gave up (-1).
        WorkerEvent oneTaken = new WorkerEvent();
        try (WorkerPool pool = new WorkerPool(2)) {
            List<Integer> order = new ArrayList<>();
            for (int r : pool.<Integer, Integer>mapUnordered(x -> {
                if (x == 0 && !oneTaken.await(Duration.ofSeconds(10))) {
                    return -1;
                }
                return x;
            }, range(2))) {
                order.add(r);
                if (r == 1) {
                    oneTaken.set();
                }
            }
            assertThat(order).containsExactly(1, 0);
        }
    }

    @Test
    void anExceptionInTheFunctionFailsMapWithTheWorkersException() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThatThrownBy(() -> pool.map(x -> 10 / (x - 7), range(10)))
                    .isInstanceOfSatisfying(WorkerException.class, e -> {
                        assertThat(e.remoteClassName()).isEqualTo("java.lang.ArithmeticException");
                        assertThat(e.remoteMessage()).isEqualTo("/ by zero");
                        assertThat(e.inputIndex()).isEqualTo(7);
                        assertThat(e.getMessage()).contains("failed on input 7").contains("/ by zero");
                        assertThat(e.remoteStackTrace()).contains("WorkerPoolTest");
                        assertThat(e.getStackTrace()[0].getClassName()).contains("WorkerPoolTest");
                    });
            assertThat(pool.map(x -> x + 1, range(3))).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aWorkerCallingSystemExitFailsItsTaskClearlyAndIsReplaced() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThatThrownBy(() -> pool.map(x -> {
                if (x == 5) {
                    System.exit(3);
                }
                return x;
            }, range(10), 1)).isInstanceOfSatisfying(WorkerDiedException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(3);
                assertThat(e.getMessage()).matches("PoolWorker-\\d+ \\(pid \\d+\\) died with exit code 3 while running input 5");
            });
            Await.until("a replacement worker", T, () -> pool.size() == 2);
            assertThat(pool.map(x -> x * 2, range(4))).containsExactly(0, 2, 4, 6);
        }
    }

    @Test
    void aWorkerRunningOutOfMemoryDiesAndFailsItsTask() {
        System.setProperty("lessonbook.workers.xmx", "24m");
        try (WorkerPool pool = new WorkerPool(1)) {
            assertThatThrownBy(() -> pool.map(x -> {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[1 << 20]);
                }
            }, range(1))).isInstanceOf(WorkerDiedException.class)
                    .hasMessageContaining("ran out of memory (OutOfMemoryError: Java heap space; a worker's heap is -Xmx24m,"
                            + " and -Dlessonbook.workers.xmx gives it more) while running input 0");
            Await.until("the OOM report", T,
                    () -> host.lines().stream().anyMatch(l -> l.text().contains("OutOfMemoryError")));
        }
    }

    /** Workers that cannot start (java rejects an option) fail the call after a few tries, not start forever. */
    @Test
    void workersThatCannotStartFailTheCallInsteadOfRestartingForever() throws Exception {
        System.setProperty("lessonbook.workers.jvmOptions", "-XX:NoSuchOptionForLessonbook");
        try (WorkerPool pool = new WorkerPool(2)) {
            // the pool may have given up before the call: then the call fails at once, else when it gives up
            assertTimeoutPreemptively(T, () -> assertThatThrownBy(() -> pool.map(x -> x, range(4)))
                    .isInstanceOf(WorkerDiedException.class)
                    .hasMessageContaining("pool workers in a row failed to start, so the pool gives up"));
            Await.until("the worker's own complaint", T,
                    () -> host.lines().stream().anyMatch(l -> l.text().contains("NoSuchOptionForLessonbook")));
            long started = host.lines().stream().filter(l -> l.text().contains("Could not create the Java Virtual Machine"))
                    .map(l -> l.worker()).distinct().count();
            assertThat(started).as("workers started").isLessThanOrEqualTo(2 + 3);   // the pool's two, and a replacement for each failure until the third
        }
    }

    @Test
    void aWorkerKilledFromOutsideFailsTheMapWithinBoundedTime() throws Exception {
        try (WorkerPool pool = new WorkerPool(1)) {
            CompletableFuture<List<Integer>> running = pool.mapAsync(x -> {
                System.out.println("busy");
                while (true) {
                    Thread.onSpinWait();
                }
            }, range(1));
            long victim = pool.pids().get(0);
            Await.until("worker busy", T, () -> host.textsOf(victim).contains("busy"));
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();
            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(WorkerDiedException.class)
                    .hasMessageContaining("(pid " + victim + ") died with exit code");
        }
    }

    @Test
    void closingThePoolEndsItsWorkers() {
        List<Long> pids;
        try (WorkerPool pool = new WorkerPool(2)) {
            pool.map(x -> x, range(4));
            pids = pool.pids();
        }
        Await.until("pool workers gone", Duration.ofSeconds(3), 
                () -> pids.stream().noneMatch(ProcStat::running));
        assertThat(host.exits).extracting(RecordingHost.Exit::pid).containsAll(pids);
    }

    @Test
    void defaultSizeIsTheCpuCount() {
        try (WorkerPool pool = new WorkerPool()) {
            assertThat(pool.size()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }
}
