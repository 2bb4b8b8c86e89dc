package lessonbook.kernel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import jdk.jshell.JShell;
import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.MessageStreams;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.workers.SerializableRunnable;

/**
 * Warms the kernel's own code while it waits for its first cells, so the JIT compiles javac, JShell and the
 * serialization paths now instead of inside a cell's timed run (a cell starting ten workers right after start
 * paid ~95 ms of C2 compiling on 2 cores, with every core meant for the workers).
 * <p>
 * Runs on one background thread in small steps, and a step starts only while no cell (or other request) is
 * queued or being evaluated and no worker a cell started is running: a cell that arrives first wins, waiting
 * at most for the step in flight (tens of ms once javac is warm). Warming alongside cells at low priority was
 * tried and measured worse: the JIT compiles the warm-up's code on compiler threads of normal priority, and
 * that landed inside timed runs (up to 2 s of C2 time in a sequential run on a loaded 2-core machine). On
 * Linux the thread also lowers its own priority to nice 19, so the app's window and other programs come
 * first. Snippets run in a JShell of their own, so the notebook's snippets, numbering and class generations
 * are untouched; nothing is printed.
 */
final class KernelWarmUp {
    /** The kinds of code a lesson's cells hold; each round evaluates all of them and drops them again. */
    static final List<String> SNIPPETS = List.of(
            "import java.util.stream.*;",
            "long factorial(long n) { long r = 1; for (long i = 1; i <= n; i++) { r += i; } return r; }",
            "int count = 10;",
            "List<Long> inputs = LongStream.range(0, count).mapToObj(i -> 1_000L + i).toList();",
            "double timed() { long t0 = System.nanoTime(); for (long x : inputs) { factorial(x); }"
                    + " return (System.nanoTime() - t0) / 1e9; }",
            "record Point(int x, int y) { Point { if (x < 0) throw new IllegalArgumentException(); } }",
            "class Shape { String name() { return \"shape\"; } }",
            "String text = \"elapsed time = %.3f s\".formatted(timed());",
            "inputs.stream().map(i -> i * 2).filter(i -> i % 3 == 0).collect(Collectors.toList())",
            "Map<String, Integer> counts = new HashMap<>(); counts.merge(\"a\", 1, Integer::sum);",
            "int broken = \"not a number\";",
            "Integer.parseInt(\"not a number\")",
            "lessonbook.workers.SerializableRunnable task = () -> factorial(5);",
            "new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream()).writeObject(task);");
    static final int ROUNDS = 3;

    /** Serialization round trips per step; {@link #SERIALIZATION_STEPS} of them reach the JIT's C2 thresholds. */
    static final int ROUND_TRIPS = 250;
    static final int SERIALIZATION_STEPS = 8;

    private final List<Path> classpath;
    private final BooleanSupplier workersRunning;
    private final BooleanSupplier cellPending;
    private final Object wake = new Object();
    private volatile boolean done;

    /**
     * @param classpath      what the notebook's JShell has, so snippets using the worker API compile
     * @param workersRunning whether a worker a cell started is running now
     * @param cellPending    whether a cell (or another request) is queued or being evaluated
     */
    KernelWarmUp(List<Path> classpath, BooleanSupplier workersRunning, BooleanSupplier cellPending) {
        this.classpath = List.copyOf(classpath);
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
            wake.notifyAll();
        }
    }

    boolean done() {
        return done;
    }

    private void run() {
        lowerOwnPriority();
        try {
            for (int i = 0; i < SERIALIZATION_STEPS; i++) {
                awaitTurn();
                serializationStep();
            }
            Path dumpDir = Files.createTempDirectory("lessonbook-warm-up-");
            ClassDumpingExecutionControl control = new ClassDumpingExecutionControl(dumpDir);
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            try (JShell jshell = JShell.builder()
                    .executionEngine(ClassDumpingExecutionControl.provider(control), java.util.Map.of())
                    .in(InputStream.nullInputStream()).out(nowhere).err(nowhere).build()) {
                classpath.forEach(p -> jshell.addToClasspath(p.toString()));
                for (int round = 0; round < ROUNDS; round++) {
                    for (String snippet : SNIPPETS) {
                        awaitTurn();
                        evaluate(jshell, snippet);
                    }
                    awaitTurn();
                    serializationStep();
                }
            } finally {
                deleteTree(dumpDir);
            }
        } catch (IOException | RuntimeException e) {
            // warming is an optimisation: a kernel that could not warm up still runs cells
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
        }
    }

    /** What a cell does with a snippet: analysis (as cells are split), evaluation, then it is dropped again. */
    private static void evaluate(JShell jshell, String snippet) {
        jshell.sourceCodeAnalysis().analyzeCompletion(snippet);
        jshell.eval(snippet);
        jshell.sourceCodeAnalysis().completionSuggestions("inp", 3, new int[1]);
    }

    /**
     * The kernel's serialization paths, as a worker start and its output use them: a lambda task and values
     * out and back (Worker, Variables, pool results), and output events onto an object stream (OutputHub).
     */
    private void serializationStep() throws IOException {
        long captured = 1_000_000_000L;
        SerializableRunnable task = () -> Long.toString(captured);
        List<Long> values = List.of(1L, 2L, 3L);
        ObjectOutputStream events = MessageStreams.writer(OutputStream.nullOutputStream());
        for (int i = 0; i < ROUND_TRIPS; i++) {
            roundTrip(task);
            roundTrip(values);
            MessageStreams.write(events, new KernelEvent.CellOutput("warm-up",
                    new Output.WorkerLine("Worker-1", 1, StreamName.STDOUT, "500000000500000001")));
            MessageStreams.write(events, new KernelEvent.CellOutput("warm-up", new Output.WorkerEvent("Worker-1", 1,
                    Output.WorkerEvent.Phase.EXITED, System.currentTimeMillis(), 0, 10)));
        }
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

    private void awaitTurn() throws InterruptedException {
        synchronized (wake) {
            while (workersRunning.getAsBoolean() || cellPending.getAsBoolean()) {
                // woken by mayGoOn(); the timeout only guards against a missed wake-up
                wake.wait(250);
            }
        }
    }

    /**
     * Linux applies nice to a single thread (its task id): the warm-up then gets a core only when nothing else
     * wants it, also when other programs (the app's window) are busy. Elsewhere it runs at normal priority.
     */
    private static void lowerOwnPriority() {
        try {
            Path self = Path.of("/proc/thread-self");
            if (!Files.exists(self)) {
                return;
            }
            String task = Files.readSymbolicLink(self).getFileName().toString();
            new ProcessBuilder("renice", "-n", "19", "-p", task).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // normal priority then; the warm-up still only runs while the kernel is idle
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temp folder left behind is harmless
        }
    }
}
