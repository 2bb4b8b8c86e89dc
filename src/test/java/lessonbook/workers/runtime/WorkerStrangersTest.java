package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lessonbook.process.Strangers;
import lessonbook.workers.CurrentProcess;
import lessonbook.workers.SerializableRunnable;
import lessonbook.workers.Worker;

/**
 * Another user on the machine against a worker: its secret is not on its command line, and connections to its
 * parent's port that do not prove themselves are dropped before anything is read from them, so a stranger
 * never receives the task or the notebook's variables, and the real worker still connects and runs its task.
 */
class WorkerStrangersTest {
    private static final Duration T = Duration.ofSeconds(30);

    @AfterEach
    void endWorkers() {
        WorkerRuntime.terminateAll();
    }

    @Test
    void strangersOnAWorkersPortAreDroppedAndItsTaskStillRuns() throws Exception {
        // a spare warms up before it connects: the strangers are there first
        ChildJvm child = ChildJvm.launch(StandaloneHost.javaClassPath(), WorkerJvmOptions.all(), true);
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Strangers strangers = Strangers.attack(child.port())) {
            child.bind("Worker-strangers", new WorkerEvents() {
                @Override
                public void started(String worker, long pid, long epochMillis) {
                }

                @Override
                public void line(String worker, long pid, boolean stderr, String text) {
                    lines.add(text);
                }

                @Override
                public void exited(String worker, long pid, int exitCode, long epochMillis, long cpuMillis) {
                }
            });
            assertThat(strangers.allDroppedUnanswered(Duration.ofSeconds(15))).isTrue();
            child.awaitConnected();
            assertThat(child.rejectedConnections()).isEqualTo(4);

            SerializableRunnable task = () -> System.out.println("task ran in " + CurrentProcess.name());
            child.send(new Messages.Assign("Worker-strangers", false, List.of(), 0, List.of(), 1));
            child.send(new Messages.RunOnce(TaskCodec.encode(task)));
            assertThat(child.receive()).isInstanceOf(Messages.Finished.class);
            assertThat(child.ended().get(T.toSeconds(), TimeUnit.SECONDS)).isZero();
            assertThat(lines).containsExactly("task ran in Worker-strangers");
        } finally {
            child.kill();
        }
    }

    @Test
    void aWorkersSecretIsNeitherOnItsCommandLineNorInItsEnvironment() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc (Linux)");
        Worker worker = new Worker(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        try {
            Strangers.assertNoSecretExposed(worker.pid());
        } finally {
            worker.terminate();
        }
    }
}
