package lessonbook.kernel.jvm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import lessonbook.jit.Niceness;
import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.MessageStreams;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.workers.PoolOptions;
import lessonbook.workers.SerializableRunnable;
import lessonbook.workers.WorkerDiedException;
import lessonbook.workers.WorkerPool;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * Warms the kernel's own paths while it waits for its first cells, so that they are loaded and compiled now
 * instead of inside a cell's timed run of workers, where every core is meant for the workers: first what starting a
 * cell's first workers and pool loads (the worker runtime's host side, {@link #startPathStep}), then, for the JIT, a
 * lambda task and values out and back (as Worker, Variables and pool results use them) and output events onto an
 * object stream (as OutputHub sends them). Costs a few seconds of cpu once per kernel start.
 * <p>
 * Runs on one background thread in small steps, and a step starts only while no cell (or other request) is
 * queued or being evaluated and no worker a cell started is running. The first step, class loading only, starts
 * at the first such moment. A serialization step waits for the kernel to have been idle for {@link #QUIET_MS} ms,
 * and gives way between two of its round trips as soon as a cell arrives or a worker starts (the step is done
 * again later): during Run All, cells follow each other a few ms apart, and a step begun in such a gap ran on into
 * the next cell, its round trips sending the JIT's C1 and C2 compiles of the JDK's serialization into that cell's
 * timed run of workers (seen in a headless run of the lesson with JFR: the warm-up thread serializing inside the
 * "one worker per input" cell's timed run). On Linux the thread also lowers its own priority to nice 19, so the
 * app's window and other programs come first.
 * <p>
 * Not done: warming alongside cells (the JIT compiles at normal priority, inside timed runs) nor warming javac
 * and JShell with lesson-like snippets (costly, and each cell's own compile warms further javac methods anyway;
 * {@link KernelCompilers} keeps C2 off javac instead).
 */
final class KernelWarmUp {
    /** Serialization round trips per step; {@link #STEPS} of them pass the JIT's thresholds (C1 for java.io). */
    static final int ROUND_TRIPS = 250;
    static final int STEPS = 4;
    /** How long the kernel must have been idle before a serialization step starts: longer than Run All's gaps. */
    static final long QUIET_MS = 400;

    private final BooleanSupplier workersRunning;
    private final BooleanSupplier cellPending;
    private final Object wake = new Object();
    /** When a cell or a worker last ended (System.nanoTime); guarded by {@link #wake}. */
    private long lastActivityNanos = System.nanoTime();
    /** Serialization round trips done so far, all steps together: what a test reads to see a step give way. */
    private final AtomicInteger roundTripsDone = new AtomicInteger();

    /**
     * @param workersRunning whether a worker a cell started is running now
     * @param cellPending    whether a cell (or another request) is queued or being evaluated
     */
    KernelWarmUp(BooleanSupplier workersRunning, BooleanSupplier cellPending) {
        this.workersRunning = workersRunning;
        this.cellPending = cellPending;
    }

    /** Starts warming in the background; returns at once. */
    void start() {
        Thread thread = new Thread(this::run, "lessonbook-kernel-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** A cell finished or a worker ended: a paused warm-up may go on. */
    void mayGoOn() {
        synchronized (wake) {
            lastActivityNanos = System.nanoTime();
            wake.notifyAll();
        }
    }

    private void run() {
        // the warm-up then gets a core only when nothing else wants it, also when the app's window is busy
        Niceness.currentThread(19);
        try {
            awaitIdleFor(0);
            startPathStep();
            for (int done = 0; done < STEPS; ) {
                awaitIdleFor(QUIET_MS);
                if (serializationStep()) {
                    done++;
                }
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            // warming is an optimisation: a kernel that could not warm up still runs cells
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The first step: what a cell's first workers and first pool load on the kernel's side, loaded now. The worker
     * runtime's side ({@link WorkerRuntime#warmUpHostSide}), the API's pool types, a reflective read of a static
     * field of each kind, as {@link KernelWorkerHost} reads the notebook's variables (each kind has its own accessor
     * class, made on first use), and last the rewrite every cell's classes go through ({@link LoopRotation}).
     */
    private static void startPathStep() throws ReflectiveOperationException {
        WorkerRuntime.warmUpHostSide();
        for (Class<?> api : List.of(WorkerPool.class, PoolOptions.class, WorkerDiedException.class)) {
            Class.forName(api.getName(), true, api.getClassLoader());
        }
        for (Field field : VariablesOfEachKind.class.getDeclaredFields()) {
            field.get(null);
        }
        LoopRotation.warmUp();
    }

    /** Static fields as JShell declares a notebook's variables: one of each kind a lesson's variables have. */
    @SuppressWarnings("unused")
    private static final class VariablesOfEachKind {
        static int anInt;
        static long aLong;
        static double aDouble;
        static boolean aBoolean;
        static Object anObject;
    }

    /**
     * One step: round trips of a lambda task and of values, and output events written onto an object stream. False
     * if it gave way to a cell or a worker before its end.
     */
    private boolean serializationStep() throws IOException {
        long captured = 1_000_000_000L;
        SerializableRunnable task = () -> Long.toString(captured);
        List<Long> values = List.of(1L, 2L, 3L);
        ObjectOutputStream events = MessageStreams.writer(OutputStream.nullOutputStream());
        for (int i = 0; i < ROUND_TRIPS; i++) {
            if (mustGiveWay()) {
                return false;
            }
            roundTripsDone.incrementAndGet();
            roundTrip(task);
            roundTrip(values);
            MessageStreams.write(events, new KernelEvent.CellOutput("warm-up",
                    new Output.WorkerLine("Worker-1", 1, StreamName.STDOUT, "500000000500000001")));
            MessageStreams.write(events, new KernelEvent.CellOutput("warm-up", new Output.WorkerEvent("Worker-1", 1,
                    Output.WorkerEvent.Phase.EXITED, System.currentTimeMillis(), 0, 10)));
            MessageStreams.write(events, new KernelEvent.WorkerCpu("warm-up", "Worker-1", 1, 10));
        }
        return true;
    }

    private static void roundTrip(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    int roundTripsDone() {
        return roundTripsDone.get();
    }

    private boolean mustGiveWay() {
        return workersRunning.getAsBoolean() || cellPending.getAsBoolean();
    }

    /**
     * Until no cell is queued or being evaluated and no worker runs, and none has ended for {@code quietMillis}
     * ms; woken by {@link #mayGoOn()}, the 250 ms timeout only guards against a missed wake-up.
     */
    private void awaitIdleFor(long quietMillis) throws InterruptedException {
        synchronized (wake) {
            while (true) {
                if (mustGiveWay()) {
                    wake.wait(250);
                    continue;
                }
                long idleMillis = (System.nanoTime() - lastActivityNanos) / 1_000_000;
                if (idleMillis >= quietMillis) {
                    return;
                }
                wake.wait(quietMillis - idleMillis);
            }
        }
    }
}
