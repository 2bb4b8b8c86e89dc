package lessonbook.kernel.jvm;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import lessonbook.display.Display;
import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelFolders;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.model.StreamName;
import lessonbook.process.ChildTicket;
import lessonbook.process.EndThisJvm;
import lessonbook.process.ParentWatch;
import lessonbook.process.ProcessTrees;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * The kernel JVM: {@code KernelMain}, with its {@link ChildTicket} as the first line of stdin (never on the
 * command line: see {@link lessonbook.process}). Connects back to the host, evaluates cells from its own main
 * thread (renamed "lessonbook-kernel": the snippets run on {@link CellMainThread}, the "main" cells see), handles
 * interrupts and input replies on the socket reader thread, and treats end of its stdin as the host's death (cells
 * read {@link CellInput} as System.in instead).
 */
public final class KernelMain {
    private static final PrintStream ORIGINAL_ERR = System.err;
    private static volatile boolean halting;
    /** Set by {@link KernelTraining}: there the "host" is this JVM's own driver, see {@link #hostGone()}. */
    private static volatile boolean trainingRun;

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        ChildTicket ticket;
        try {
            ticket = ChildTicket.readFrom(new FileInputStream(FileDescriptor.in));
        } catch (IOException e) {
            ORIGINAL_ERR.println("lessonbook kernel: " + e.getMessage());
            System.exit(2);
            return;
        }
        ParentWatch.start(KernelMain::hostGone);
        run(ticket);
    }

    /** The kernel proper, once it knows its host; a training run calls it in its own JVM, with no parent watch. */
    static void run(ChildTicket ticket) throws Exception {
        // "main" is the name of the thread cells run on (CellMainThread), as in jshell; this one only serves.
        Thread.currentThread().setName("lessonbook-kernel");
        // an OutOfMemoryError in the kernel's own threads ends it (KernelMemory); from now, not from the first cell
        KernelMemory.prepare();
        ClassDumpingExecutionControl.installKernelThreadsHandler();
        KernelChannel channel = new KernelChannel(ticket);
        OutputHub hub = new OutputHub(channel);
        PrintStream out = hub.printStream(StreamName.STDOUT);
        PrintStream err = hub.printStream(StreamName.STDERR);
        System.setOut(out);
        System.setErr(err);
        // The process's stdin is the parent-death pipe; a cell reading System.in asks the host for a line instead.
        CellInput input = new CellInput(hub, out);
        System.setIn(input);

        Path dumpDir = KernelFolders.CLASSES.mine();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.flushNow();
            if (!halting && calledSystemExit()) {
                channel.send(new KernelEvent.Exiting());
            }
            KernelFolders.CLASSES.deleteMine();
        }, "lessonbook-kernel-exit"));

        List<Path> classpath = List.of(ownClasspathEntry());
        CellEvaluator evaluator = new CellEvaluator(hub, dumpDir, classpath, out, err);
        KernelWorkerHost workerHost = new KernelWorkerHost(evaluator, hub);
        WorkerRuntime.install(workerHost);
        Display.install(output -> hub.enqueue(CellContext.current(), output));
        KernelWaitReporter.start(hub);
        evaluator.warmUp();

        BlockingQueue<KernelRequest> work = new LinkedBlockingQueue<>();
        // requests read from the socket and not yet answered: the warm-up waits while there is one
        AtomicInteger pending = new AtomicInteger();
        KernelWarmUp warmUp = new KernelWarmUp(workerHost::workersRunning, () -> pending.get() > 0);
        workerHost.onWorkerEnded(warmUp::mayGoOn);
        EditorQuestions questions = new EditorQuestions(evaluator.turns(), evaluator::answer, hub, () -> {
            pending.decrementAndGet();
            warmUp.mayGoOn();
        });
        questions.start();
        Thread reader = new Thread(() -> readRequests(channel, evaluator, input, work, questions, pending),
                "lessonbook-kernel-reader");
        reader.setDaemon(true);
        reader.start();
        channel.send(new KernelEvent.Ready(ProcessHandle.current().pid(), Runtime.version().toString()));
        KernelCompilers.javacAtC1InBackground();
        if (!trainingRun && !Boolean.getBoolean("lessonbook.kernel.noWarmUp")) {
            warmUp.start();
        }
        // the kernel's start-up threads took numbers: a lesson's first thread is "Thread-0", as in jshell
        ThreadNumbers.restartAtZero();
        serve(work, evaluator, input, hub, pending, warmUp);
    }

    private static void serve(BlockingQueue<KernelRequest> work, CellEvaluator evaluator, CellInput input,
            OutputHub hub, AtomicInteger pending, KernelWarmUp warmUp) throws InterruptedException {
        JShellTurns turns = evaluator.turns();
        while (true) {
            KernelRequest request = work.take();
            turns.beginRequest();
            try {
                if (request instanceof KernelRequest.Execute execute) {
                    if (execute.code().contains("lessonbook.workers") && !trainingRun) {
                        // its import, or a name in full (a training run makes the workers' archive itself)
                        WorkerRuntime.expectWorkers();
                    }
                    input.beginCell(execute.cellId());
                    try {
                        evaluator.execute(execute);
                    } finally {
                        input.endCell();
                    }
                } else if (request instanceof KernelRequest.Variables variables) {
                    hub.sendAfterPending(evaluator.variables(variables));
                }
            } catch (RuntimeException e) {
                e.printStackTrace(ORIGINAL_ERR);
            } catch (OutOfMemoryError e) {
                KernelMemory.endKernel(e);   // in listing the variables: JShell's own work, not a cell's
            } finally {
                turns.endRequest();
                pending.decrementAndGet();
                warmUp.mayGoOn();
            }
        }
    }

    private static void readRequests(KernelChannel channel, CellEvaluator evaluator, CellInput input,
            BlockingQueue<KernelRequest> work, EditorQuestions questions, AtomicInteger pending) {
        try {
            while (true) {
                KernelRequest request = channel.read();
                if (request instanceof KernelRequest.Interrupt) {
                    // Here, not queued: the main thread is busy with the very cell to stop.
                    // The evaluator first: it marks the cell interrupted before a read woken by the input's
                    // interrupt can end the cell, which would otherwise end as an error ("No line found").
                    evaluator.interrupt(() -> ProcessTrees.endDescendants(ProcessHandle.current()));
                    input.interrupt();
                    WorkerRuntime.terminateAll();
                    ProcessTrees.endDescendants(ProcessHandle.current());
                } else if (request instanceof KernelRequest.InputReply reply) {
                    // Here, not queued: the running cell waits for it.
                    input.answer(reply.inputId(), reply.line());
                } else if (request instanceof KernelRequest.Shutdown) {
                    hostGone();
                } else if (EditorQuestions.isQuestion(request)) {
                    // Not queued behind the cells: answered while one runs (JShellTurns).
                    pending.incrementAndGet();
                    questions.ask(request);
                } else {
                    pending.incrementAndGet();
                    evaluator.turns().queued();
                    work.add(request);
                }
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            hostGone();
        }
    }

    /** Marks this JVM as a training run: its driver, not the closing of the socket, decides when it ends. */
    static void markTrainingRun() {
        trainingRun = true;
    }

    /**
     * Ends every process this kernel started, then the kernel, without running cell code's shutdown hooks.
     * Not in a training run: that JVM must end with a normal exit, or it never writes its class-data archive
     * (a training JVM killed here when its driver closed the socket left the cache empty, and every launch
     * trained again).
     */
    static void hostGone() {
        if (trainingRun) {
            return;
        }
        halting = true;
        try {
            WorkerRuntime.terminateAll();
            WorkerRuntime.deleteSharedObjects();
            KernelFolders.CLASSES.deleteMine();
        } catch (RuntimeException | LinkageError e) {
            // ending the tree below covers the workers too
        }
        EndThisJvm.parentGone();
    }

    /** True when a thread is inside Runtime.exit (System.exit), as opposed to a signal ending the JVM. */
    private static boolean calledSystemExit() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                    return true;
                }
            }
        }
        return false;
    }

    static PrintStream originalErr() {
        return ORIGINAL_ERR;
    }

    /** The folder or jar holding the worker API, so cells can {@code import lessonbook.workers.*;}. */
    private static Path ownClasspathEntry() throws URISyntaxException {
        return Path.of(WorkerRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
