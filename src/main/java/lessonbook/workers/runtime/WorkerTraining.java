package lessonbook.workers.runtime;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import lessonbook.process.ClassDataArchive;

/**
 * Makes the workers' class-data archive ({@link WorkerJvmOptions#archive(Path)}) the way a worker really starts: one spare
 * JVM, launched as every spare is, warms up, connects, is told who it is, runs a small task and ends, and writes the
 * archive as it exits. Called by the kernel's training run (lessonbook.kernel.jvm.KernelTraining), so that both
 * archives are made together, in the background of the first start of a build, never beside a timed cell.
 */
public final class WorkerTraining {
    private static final long LIMIT_SECONDS = 60;

    /** The training worker's one line and its end are no one's business. */
    private static final WorkerEvents UNHEARD = new WorkerEvents() {
        @Override
        public void started(String worker, long pid, long epochMillis) {
        }

        @Override
        public void line(String worker, long pid, boolean stderr, String text) {
        }

        @Override
        public void exited(String worker, long pid, int exitCode, long epochMillis, long cpuMillis) {
        }
    };

    private WorkerTraining() {
    }

    /**
     * Makes the archive in {@code directory} (the kernel's cache folder) unless it exists there, or it cannot be used
     * here; returns whether it exists afterwards.
     */
    public static boolean makeArchive(Path directory) {
        if (!ClassDataArchive.usable()) {
            return false;
        }
        return WorkerJvmOptions.archive(directory).make(WorkerTraining::runOneWorker);
    }

    private static boolean runOneWorker(List<String> archiveAtExit) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(WorkerJvmOptions.base());
        options.addAll(archiveAtExit);
        ChildJvm worker = ChildJvm.launch(StandaloneHost.javaClassPath(), options, true);
        try {
            worker.bind("training", UNHEARD);
            worker.awaitConnected();
            worker.send(new Messages.Assign("training", false, List.of(), 0, List.of(), 1));
            Runnable task = (Runnable & Serializable) () -> System.out.println("trained");
            worker.send(new Messages.RunOnce(TaskCodec.encode(task)));
            return worker.ended().get(LIMIT_SECONDS, TimeUnit.SECONDS) == 0;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } finally {
            worker.kill();
        }
    }
}
