package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import lessonbook.process.ProcStat;
import lessonbook.testkit.Await;

/** The pool's calls beyond map, its options, and its clear failures: real worker processes, told apart by pid. */
class WorkerPoolOptionsTest extends WithRecordingHost {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }

    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** Set by the initializer in each worker; read by the tasks there. */
    static final class Table {
        static int loads;
    }

    @Test
    void applyAndApplyAsyncRunInAPoolWorkerAndCallBack() throws Exception {
        try (WorkerPool pool = new WorkerPool(2)) {
            long where = pool.apply(x -> pid(), "ignored");
            assertThat(where).isNotEqualTo(pid());
            assertThat(pool.pids()).contains(where);
            assertThat(pool.<Integer, Integer>apply(x -> x * x, 12)).isEqualTo(144);

            CompletableFuture<String> called = new CompletableFuture<>();
            pool.applyAsync(x -> "result " + x + " from " + pid(), 7).thenAccept(called::complete);
            String got = called.get(30, TimeUnit.SECONDS);
            assertThat(got).startsWith("result 7 from ").doesNotEndWith(" " + pid());

            // a callback may itself use the pool: callbacks never run under the pool's lock
            CompletableFuture<Integer> nested = pool.applyAsync(x -> x + 1, 1)
                    .thenApply(x -> pool.apply(y -> y * 10, x));
            assertThat(nested.get(30, TimeUnit.SECONDS)).isEqualTo(20);

            assertThatThrownBy(() -> pool.applyAsync(x -> 1 / x, 0).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(WorkerException.class).hasMessageContaining("/ by zero");
        }
    }

    @Test
    void starmapSpreadsEachArgumentPairIntoTheCall() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThat(pool.starmap((a, b) -> a * b, List.of(List.of(2, 3), List.of(4, 5), List.of(6, 7))))
                    .containsExactly(6, 20, 42);
            assertThat(pool.starmap((word, n) -> word.repeat(n) + "@" + pid(),
                    List.of(Map.entry("ab", 2), Map.entry("c", 3))))
                    .satisfiesExactly(s -> assertThat(s).startsWith("abab@").doesNotEndWith("@" + pid()),
                            s -> assertThat(s).startsWith("ccc@"));
            assertThatThrownBy(() -> pool.starmap((a, b) -> a + b, List.of(List.of(1, 2), List.of(1, 2, 3))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("starmap's function takes 2 arguments, but argument list 1 has 3: [1, 2, 3]");
        }
    }

    @Test
    void mapWithAChunkSizeKeepsInputOrderAndRunsEachChunkInOneWorker() {
        try (WorkerPool pool = new WorkerPool(2)) {
            List<Long> pids = pool.map(x -> pid(), range(40), 10);
            for (int chunk = 0; chunk < 4; chunk++) {
                assertThat(new HashSet<>(pids.subList(chunk * 10, chunk * 10 + 10))).as("chunk " + chunk).hasSize(1);
            }
            assertThat(new HashSet<>(pids)).isSubsetOf(pool.pids());
            assertThat(pool.map(x -> x * 3, range(1000), 7)).isEqualTo(range(1000).stream().map(x -> x * 3).toList());
            assertThatThrownBy(() -> pool.map(x -> x, range(3), 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("chunkSize must be at least 1");
        }
    }

    @Test
    void mapsDefaultChunkSizeIsPythons() {
        try (WorkerPool pool = new WorkerPool(2)) {
            // 1000 inputs, 2 workers: ceil(1000 / 8) = 125 inputs a chunk, so the worker changes only at multiples of 125
            List<Long> pids = pool.map(x -> pid(), range(1000));
            for (int i = 1; i < pids.size(); i++) {
                if (!pids.get(i).equals(pids.get(i - 1))) {
                    assertThat(i % 125).as("worker changed at input " + i).isZero();
                }
            }
        }
    }

    @Test
    void imapYieldsInInputOrderAndReadsItsInputOnlyAWindowAhead() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicInteger read = new AtomicInteger();
            Iterator<Integer> endless = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    return read.getAndIncrement();
                }
            };
            Iterator<Integer> results = pool.<Integer, Integer>imap(x -> {
                if (x == 0) {
                    spin(800);   // the first result is the slowest: imap still yields it first
                }
                return x * 10;
            }, () -> endless).iterator();
            List<Integer> first = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                first.add(results.next());
            }
            assertThat(first).containsExactly(0, 10, 20, 30, 40, 50);
            // two chunks of one input per worker are read ahead of the reader, no more
            assertThat(read.get()).isBetween(6, 6 + 4);

            List<Integer> chunked = new ArrayList<>();
            for (int r : pool.imap(x -> x + 1, range(50), 5)) {
                chunked.add(r);
            }
            assertThat(chunked).isEqualTo(range(50).stream().map(x -> x + 1).toList());
        }
    }

    @Test
    void imapThrowsTheFailureWhereItIsAndEnds() {
        try (WorkerPool pool = new WorkerPool(2)) {
            Iterator<Integer> results = pool.imap(x -> 10 / (x - 3), range(8)).iterator();
            assertThat(results.next()).isEqualTo(-3);
            assertThat(results.next()).isEqualTo(-5);
            assertThat(results.next()).isEqualTo(-10);
            assertThatThrownBy(results::next).isInstanceOfSatisfying(WorkerException.class,
                    e -> assertThat(e.inputIndex()).isEqualTo(3));
            assertThat(results.hasNext()).isFalse();
        }
    }

    @Test
    void theInitializerRunsOnceInEachWorkerBeforeItsTasks() {
        PoolOptions options = new PoolOptions().initializer(() -> {
            Table.loads++;
            System.out.println("table loaded");
        });
        try (WorkerPool pool = new WorkerPool(2, options)) {
            List<String> seen = pool.map(x -> pid() + ":" + Table.loads, range(40), 1);
            Set<Long> workers = new HashSet<>();
            for (String s : seen) {
                assertThat(s).endsWith(":1");
                workers.add(Long.parseLong(s.substring(0, s.indexOf(':'))));
            }
            assertThat(pool.pids()).containsAll(workers);
            Await.until("both workers' initializer lines", T, 
                    () -> pool.pids().stream().allMatch(p -> host.textsOf(p).contains("table loaded")));
            pool.map(x -> x, range(10), 1);
            for (long p : pool.pids()) {
                assertThat(host.textsOf(p)).as("lines of " + p).containsOnlyOnce("table loaded");
            }
            assertThat(Table.loads).as("never in the caller").isZero();
        }
    }

    @Test
    void aFailingInitializerFailsEveryCallClearlyInsteadOfRestartingWorkers() {
        PoolOptions options = new PoolOptions().initializer(() -> {
            throw new IllegalStateException("no table here");
        });
        try (WorkerPool pool = new WorkerPool(2, options)) {
            List<Long> pids = pool.pids();
            assertThatThrownBy(() -> pool.map(x -> x, range(4)))
                    .isInstanceOf(WorkerException.class)
                    .hasMessageMatching("the pool's initializer failed in PoolWorker-\\d+ \\(pid \\d+\\): "
                            + "java.lang.IllegalStateException: no table here");
            assertThatThrownBy(() -> pool.apply(x -> x, 1)).hasMessageContaining("no table here");
            // no replacement that would fail again
            Await.until("the failed workers gone, none started in their place", T, 
                    () -> pool.size() == 0 && pids.stream().noneMatch(ProcStat::running));
            assertThat(host.startedPids).containsExactlyInAnyOrderElementsOf(pids);
        }
    }

    @Test
    void aWorkerIsReplacedByANewProcessAfterMaxTasks() {
        try (WorkerPool pool = new WorkerPool(1, new PoolOptions().maxTasksPerWorker(2))) {
            List<Long> pids = pool.map(x -> pid(), range(6), 1);
            assertThat(pids.get(0)).isEqualTo(pids.get(1));
            assertThat(pids.get(2)).isEqualTo(pids.get(3)).isNotEqualTo(pids.get(1));
            assertThat(pids.get(4)).isEqualTo(pids.get(5)).isNotIn(pids.get(1), pids.get(3));
            Await.until("retired workers exited", T, 
                    () -> host.exitOf(pids.get(0)) != null && host.exitOf(pids.get(2)) != null && pool.size() == 1);
            assertThat(host.exitOf(pids.get(0)).exitCode()).as("a retired worker exits normally").isZero();
            assertThat(ProcStat.running(pids.get(0))).isFalse();
        }
    }

    @Test
    void anArgumentThatCannotBeSerializedIsNamedAtOnce() {
        try (WorkerPool pool = new WorkerPool(1)) {
            List<Object> inputs = List.of(1, 2, new Object());
            assertThatThrownBy(() -> pool.map(x -> x.hashCode(), inputs))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("input 2 is a java.lang.Object, which is not Serializable");
            Object lock = new Object();
            assertThatThrownBy(() -> pool.apply(x -> lock.hashCode() + x, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the function captures a value that is not Serializable (java.lang.Object)");
        }
    }

    @Test
    void aResultThatCannotBeSerializedFailsTheCallNamingItsClass() {
        try (WorkerPool pool = new WorkerPool(1)) {
            assertThatThrownBy(() -> pool.map(x -> x == 2 ? new Thread() : "fine", range(4)))
                    .isInstanceOfSatisfying(WorkerException.class, e -> {
                        assertThat(e.inputIndex()).isEqualTo(2);
                        assertThat(e.remoteClassName()).isEqualTo("java.io.NotSerializableException");
                        assertThat(e.getMessage()).contains("failed on input 2")
                                .contains("the result is a java.lang.Thread, which is not Serializable");
                    });
            String after = pool.apply(x -> x + "!", "still usable");
            assertThat(after).isEqualTo("still usable!");
        }
    }

    @Test
    void aWorkerKilledMidTaskFailsTheCallClearlyAndLeavesNoProcessBehind() throws Exception {
        List<Long> everyPid = new ArrayList<>();
        try (WorkerPool pool = new WorkerPool(1)) {
            CompletableFuture<Object> running = pool.applyAsync(x -> {
                System.out.println("busy");
                while (true) {
                    Thread.onSpinWait();
                }
            }, 0);
            long victim = pool.pids().get(0);
            everyPid.add(victim);
            Await.until("worker busy", T, () -> host.textsOf(victim).contains("busy"));
            ProcessHandle.of(victim).orElseThrow().destroyForcibly();   // SIGKILL
            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(WorkerDiedException.class)
                    .hasMessageContaining("(pid " + victim + ") died with exit code 137 while running input 0");
            Await.until("a replacement", T, () -> pool.size() == 1 && !pool.pids().contains(victim));
            long replacement = pool.apply(x -> pid(), 0);
            assertThat(replacement).isNotEqualTo(victim).isEqualTo(pool.pids().get(0));
            everyPid.addAll(pool.pids());
        }
        Await.until("no pool process left", T, () -> everyPid.stream().noneMatch(ProcStat::running));
    }
}
