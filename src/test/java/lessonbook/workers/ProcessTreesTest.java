package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import lessonbook.process.ProcStat;
import lessonbook.testkit.Await;
import lessonbook.testkit.TestJvm;

/** Whole process trees: a killed parent, daemon children, nested workers. */
class ProcessTreesTest extends WithRecordingHost {


    @Test
    void workersEndWithinTwoSecondsWhenTheirParentIsKilledWithSigkill() throws Exception {
        Process parent = TestJvm.running(List.of("-Dlessonbook.workers.spares=0"), ParentProgram.class)
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    String l;
                    while ((l = out.readLine()) != null && !l.startsWith("pids")) {
                        // skip anything else the parent prints
                    }
                    return l;
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(line).startsWith("pids");
            List<Long> pids = new ArrayList<>();
            Arrays.stream(line.split(" ")).skip(1).forEach(p -> pids.add(Long.parseLong(p)));
            assertThat(pids).hasSize(3).allMatch(ProcStat::running).doesNotContain(parent.pid());

            parent.destroyForcibly();   // SIGKILL: no shutdown hook runs in the parent
            parent.waitFor(10, TimeUnit.SECONDS);
            Await.until("workers of the killed parent gone", Duration.ofSeconds(2), 
                    () -> pids.stream().noneMatch(ProcStat::running));
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aDaemonWorkerEndsWhenTheWorkerThatStartedItEnds() {
        Worker outer = new Worker(() -> {
            Worker daemon = new Worker(() -> {
                while (true) {
                    Thread.onSpinWait();
                }
            }).name("forever").daemon(true);
            daemon.start();
            System.out.println("daemon pid " + daemon.pid() + " " + CurrentProcess.name() + " " + CurrentProcess.isDaemon());
        }).name("starter");
        outer.start();
        outer.join();
        assertThat(outer.exitCode()).isZero();
        String line = host.textsOf(outer.pid()).stream().filter(l -> l.startsWith("daemon pid")).findFirst().orElseThrow();
        assertThat(line).endsWith(" starter false");
        long daemonPid = Long.parseLong(line.split(" ")[2]);
        assertThat(daemonPid).isNotEqualTo(outer.pid());
        Await.until("the daemon child gone", Duration.ofSeconds(2), () -> !ProcStat.running(daemonPid));
    }

    @Test
    void aNonDaemonWorkerIsWaitedForAndItsLinesReachTheCellTaggedThroughItsParent() {
        Worker outer = new Worker(() -> {
            Worker inner = new Worker(() -> {
                long end = System.nanoTime() + 300_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                System.out.println("inner done in " + CurrentProcess.name() + " parent " + CurrentProcess.parentPid());
            }).name("inner");
            inner.start();
            System.out.println("outer started " + inner.pid() + " and returns");
        }).name("outer");
        outer.start();
        outer.join();
        List<String> texts = host.textsOf(outer.pid());
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).startsWith("outer started ");
        String innerPid = texts.get(0).split(" ")[2];
        assertThat(texts.get(1)).isEqualTo("[inner " + innerPid + "] inner done in inner parent " + outer.pid());
    }

    @Test
    void currentProcessInTheStartingJvmIsTheMainProcess() {
        assertThat(CurrentProcess.name()).isEqualTo("MainProcess");
        assertThat(CurrentProcess.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(CurrentProcess.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(CurrentProcess.isDaemon()).isFalse();
    }
}
