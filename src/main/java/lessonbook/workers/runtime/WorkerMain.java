package lessonbook.workers.runtime;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import lessonbook.process.ChildProcess;
import lessonbook.process.ChildTicket;
import lessonbook.process.EndThisJvm;
import lessonbook.process.ParentWatch;
import lessonbook.workers.shared.Segment;

/**
 * The main class of a worker JVM. It connects back to the JVM that started it, waits to be told who it is,
 * then runs one task (a {@code Worker}'s) or chunks of a map (a {@code WorkerPool}'s). Its stdout and stderr carry only
 * what user code prints; everything else travels on the control socket.
 */
public final class WorkerMain {
    static final int EXIT_TASK_FAILED = 1;
    private static final long SETTLE_WINDOW_MS = 40;
    private static final long SETTLE_LIMIT_MS = 1500;
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(30);

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        ChildTicket ticket;
        try {
            ticket = ChildTicket.readFrom(new FileInputStream(FileDescriptor.in));
        } catch (IOException e) {
            System.err.println("lessonbook worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        // A worker must not outlive its parent (see ParentWatch); releasing the watch keeps our own exit quick.
        ParentWatch.start(EndThisJvm::parentGone);
        Runtime.getRuntime().addShutdownHook(new Thread(ParentWatch::release, "parent-watch-release"));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        // Unbuffered, UTF-8: a line is in the parent's hands as soon as it is printed, also without a newline.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        // a thread the task started that ends in an exception: printed as the kernel prints its cells' (bounded)
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (!(error instanceof ThreadDeath)) {
                System.err.print("Exception in thread \"" + thread.getName() + "\" " + PrintedTrace.of(error));
            }
        });

        if (args.length > 0 && args[0].equals("spare")) {
            // before connecting, so that a connected spare is idle; a worker started on demand skips this
            RuntimeWarmUp.workerSide();
            settle();
        }
        WorkerChannel channel = new WorkerChannel(ChildProcess.connectToHost(ticket, Messages.ALLOW_LIST,
                CONNECT_PATIENCE));
        Messages.Assign assign = (Messages.Assign) channel.receive();
        WorkerSelf self = new WorkerSelf(assign);
        WorkerRuntime.install(self);
        WaitReporter.start(channel);
        Object work = channel.receive();
        if (work instanceof Messages.RunOnce once) {
            int code = self.runOnce(once);
            WorkerRuntime.endOfProcess();
            channel.send(new Messages.Finished(code, cpuMillis()));
            leave(code);
        } else {
            int code = new PoolLoop(self, channel).run(work);
            WorkerRuntime.endOfProcess();
            leave(code);
        }
    }

    /**
     * Ends the worker once its task returned, as Python's multiprocessing ends a child ({@code os._exit}): without
     * the JVM's shutdown hooks, whose work {@link WorkerRuntime#endOfProcess()} has already done. Each hook runs
     * on a thread of its own; skipping them trims the exit that ten workers pay at the end of a timed run.
     */
    private static void leave(int code) {
        if (code == 0) {
            Segment.leavingNormally();   // a barrier still waiting must not take this end for a party's death
        }
        ParentWatch.release();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /**
     * Waits until this JVM's own background work (JIT compiles queued by start-up and warm-up) has died down, so
     * that a spare counted as ready is idle and a timed run started right after prestart() does not pay for it.
     */
    private static void settle() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_LIMIT_MS);
        long before = cpuMillis();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(SETTLE_WINDOW_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = cpuMillis();
            if (now - before < SETTLE_WINDOW_MS / 20) {
                return;   // under 5% of one core (or no CPU figure here): only periodic housekeeping is left
            }
            before = now;
        }
    }

    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }
}
