package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import lessonbook.process.ProcStat;
import lessonbook.testkit.Await;

import lessonbook.workers.runtime.WorkerRuntime;

class WorkerTest extends WithRecordingHost {


    static long triangle(long n) {
        long res = 1;
        for (long i = 1; i <= n; i++) {
            res += i;
        }
        System.out.println(res);
        return res;
    }

    @Test
    void workersAreDistinctProcessesAndTheirLinesAreTaggedWithNameAndPid() {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long arg = 1000 + i;
            workers.add(new Worker(() -> triangle(arg)).name("calc-" + i));
        }
        workers.forEach(Worker::start);
        workers.forEach(Worker::join);

        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            assertThat(w.exitCode()).isEqualTo(0);
            assertThat(w.isAlive()).isFalse();
            long n = 1000 + i;
            assertThat(host.textsOf(w.pid())).containsExactly(Long.toString(1 + n * (n + 1) / 2));
            assertThat(host.lines()).filteredOn(l -> l.pid() == w.pid()).allMatch(l -> l.worker().equals(w.name()));
            pids.add(w.pid());
        }
        assertThat(pids).hasSize(4).doesNotContain(ProcessHandle.current().pid());
        assertThat(host.startedPids).containsAll(pids);
        Await.until("exit events", T, () -> host.exits.size() >= 4);
    }

    @Test
    void theCpuTimeOfAWorkerCountsItsOwnLifeNotTheStartUpOfTheSpareJvmItRanIn() {
        Worker.prestart(1);
        Worker fromSpare = new Worker(() -> { });
        fromSpare.start();
        fromSpare.join();

        spares(0);
        WorkerRuntime.terminateAll();
        Worker cold = new Worker(() -> { });
        cold.start();
        cold.join();
        Await.until("both exit events", T, () -> host.exits.size() >= 2);
        long spareCpu = cpuOf(fromSpare.pid());
        long coldCpu = cpuOf(cold.pid());
        // the cold worker's JVM started within its life, the spare's before it: only the first counts it
        assertThat(spareCpu).as("spare %d ms, cold %d ms", spareCpu, coldCpu).isLessThan(coldCpu / 2);
    }

    private long cpuOf(long pid) {
        return host.exits.stream().filter(e -> e.pid() == pid).findFirst().orElseThrow().cpuMillis();
    }

    @Test
    void namesCountUpAndToStringReadsLikePython() {
        Worker w = new Worker(() -> { }).daemon(true);
        assertThat(w.name()).matches("Worker-\\d+");
        assertThat(w.toString()).isEqualTo("<Worker(" + w.name() + ", initial daemon)>");
        assertThat(w.exitCode()).isNull();
        assertThat(w.pid()).isNull();
        w.start();
        assertThat(w.pid()).isNotNull();
        w.join();
        assertThat(w.toString()).isEqualTo("<Worker(" + w.name() + ", stopped[0])>");
        assertThat(new Worker(() -> { }).name()).isNotEqualTo(w.name());
    }

    @Test
    void linesOfOneWorkerArriveInOrderAndAPartialLastLineIsKept() {
        Worker w = new Worker(() -> {
            for (int i = 0; i < 50; i++) {
                System.out.println("line " + i);
            }
            System.out.print("no newline at the end");
        });
        w.start();
        w.join();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("line " + i);
        }
        expected.add("no newline at the end");
        assertThat(host.textsOf(w.pid())).containsExactlyElementsOf(expected);
    }

    @Test
    void aFloodOfOutputNeitherBlocksNorLosesLines() {
        Worker w = new Worker(() -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 100_000; i++) {
                sb.append(i).append('\n');
                if (sb.length() > 60_000) {
                    System.out.print(sb);
                    sb.setLength(0);
                }
            }
            System.out.print(sb);
            for (int i = 0; i < 1000; i++) {
                System.err.println("err " + i);
            }
        });
        w.start();
        assertThat(w.join(T)).isTrue();
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        for (RecordingHost.Line l : host.lines()) {
            if (l.pid() == w.pid()) {
                (l.stderr() ? err : out).add(l.text());
            }
        }
        assertThat(out).hasSize(100_000);
        assertThat(out.get(0)).isEqualTo("0");
        assertThat(out.get(99_999)).isEqualTo("99999");
        assertThat(err).hasSize(1000).endsWith("err 999");
    }

    @Test
    void aWorkerEndsWithoutShutdownHooksWhenItsTaskReturnsButRunsThemOnSystemExitLikePython() {
        // Python's multiprocessing ends a child with os._exit(): its atexit handlers do not run either
        Worker returns = new Worker(() -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook ran")));
            System.out.println("task done");
        });
        Worker exits = new Worker(() -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook ran")));
            System.exit(3);
        });
        returns.start();
        exits.start();
        returns.join();
        exits.join();
        assertThat(returns.exitCode()).isZero();
        assertThat(host.textsOf(returns.pid())).containsExactly("task done");
        assertThat(exits.exitCode()).isEqualTo(3);
        Await.until("the hook's line", T, () -> host.textsOf(exits.pid()).contains("hook ran"));
    }

    @Test
    void anExceptionInATaskShowsItsStackTraceOnStderrAndExitsWithOne() {
        Worker w = new Worker(() -> {
            throw new IllegalStateException("boom in the worker");
        });
        w.start();
        w.join();
        assertThat(w.exitCode()).isEqualTo(1);
        List<String> err = host.lines().stream().filter(l -> l.pid() == w.pid() && l.stderr())
                .map(RecordingHost.Line::text).toList();
        assertThat(err.get(0)).contains("IllegalStateException: boom in the worker");
        assertThat(err).anyMatch(l -> l.contains("at lessonbook.workers.WorkerTest"));
        Await.until("exit event", T, () -> host.exitOf(w.pid()) != null);
        assertThat(host.exitOf(w.pid()).exitCode()).isEqualTo(1);
    }

    static int countDown(int n) {
        return countDown(n - 1);
    }

    @Test
    void aRunawayRecursionInAWorkerPrintsItsRepeatedFrameOnce() {
        Worker w = new Worker(() -> countDown(10));
        w.start();
        w.join();
        assertThat(w.exitCode()).isEqualTo(1);
        Await.until("exit event", T, () -> host.exitOf(w.pid()) != null);
        List<String> err = host.lines().stream().filter(l -> l.pid() == w.pid() && l.stderr())
                .map(RecordingHost.Line::text).toList();
        assertThat(err.get(0)).contains("java.lang.StackOverflowError");
        assertThat(err).filteredOn(l -> l.contains("WorkerTest.countDown")).hasSize(1);
        assertThat(err).anyMatch(l -> l.matches("\\t\\.\\.\\. the line above, repeated [\\d,]+ more times"));
        assertThat(err).hasSizeLessThan(10);
    }

    @Test
    void terminateEndsAWorkerThatWouldRunForever() {
        Worker w = new Worker(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
        w.start();
        assertThat(w.isAlive()).isTrue();
        assertThat(w.join(Duration.ofMillis(200))).isFalse();
        assertThat(w.exitCode()).isNull();
        w.terminate();
        assertThat(w.join(Duration.ofSeconds(2))).isTrue();
        assertThat(w.exitCode()).isNotEqualTo(0);
        assertThat(ProcStat.running(w.pid())).isFalse();
    }

    @Test
    void terminateAllLeavesNoWorkerPidAlive() {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Worker spinner = new Worker(() -> {
                while (true) {
                    Thread.onSpinWait();
                }
            });
            spinner.start();
            workers.add(spinner);
        }
        try (WorkerPool pool = new WorkerPool(2)) {
            List<Long> pids = new ArrayList<>(pool.pids());
            workers.forEach(w -> pids.add(w.pid()));
            pids.addAll(WorkerRuntime.livePids());
            long t0 = System.nanoTime();
            WorkerRuntime.terminateAll();
            Await.until("all workers gone", Duration.ofSeconds(2), 
                    () -> pids.stream().noneMatch(ProcStat::running));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aStartedWorkerCannotBeStartedAgainAndANotStartedOneCannotBeJoined() {
        Worker w = new Worker(() -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(w::join).isInstanceOf(IllegalStateException.class);
        w.start();
        org.assertj.core.api.Assertions.assertThatThrownBy(w::start).hasMessageContaining("only be started once");
        w.join();
    }

    @Test
    void aTaskCapturingSomethingNotSerializableIsRejectedClearly() {
        Object lock = new Object();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Worker(() -> lock.hashCode()).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void aWorkerCopiedIntoAnotherProcessKeepsWhatWasKnownButCannotControlTheProcess() throws Exception {
        Worker original = new Worker(() -> triangle(10)).name("original");
        original.start();
        original.join();

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of(original)));
        }
        Object read;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }
        Worker copy = (Worker) ((List<?>) read).get(0);

        assertThat(copy.name()).isEqualTo("original");
        assertThat(copy.pid()).isEqualTo(original.pid());
        assertThat(copy.exitCode()).isZero();
        assertThat(copy.toString()).contains("copy");
        org.assertj.core.api.Assertions.assertThatThrownBy(copy::join)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("copy");
        org.assertj.core.api.Assertions.assertThatThrownBy(copy::start)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only the process that created");
    }

    @Test
    void prestartLeavesThatManyWorkerJvmsReady() {
        Worker.prestart(3);

        List<Long> ready = WorkerRuntime.livePids();
        assertThat(ready).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ready.stream().allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)))
                .isTrue();
    }
}
