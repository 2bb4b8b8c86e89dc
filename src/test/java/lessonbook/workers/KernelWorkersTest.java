package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import lessonbook.process.ProcStat;
import lessonbook.testkit.KernelHarness;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The teaching API end to end: cells in a real kernel start real worker JVMs. */
class KernelWorkersTest {
    private static final Duration T = Duration.ofSeconds(60);
    private KernelHarness h;

    @BeforeEach
    void start() {
        h = new KernelHarness().cellTimeout(T);
        run("import lessonbook.workers.*;");
        run("long factorial(long n) { long res = 1; for (long i = 1; i <= n; i++) { res += i; } "
                + "System.out.println(res); return res; }");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Runs a cell that must succeed; returns its id (its outputs go on arriving: worker lines come later). */
    private String run(String code) {
        KernelHarness.Ran ran = h.run(code);
        assertThat(ran.run().ok()).as("cell %s -> %s", code, ran.outputs()).isTrue();
        return ran.run().cellId();
    }

    private List<Output> outputsOf(String cell) {
        return h.outputsOf(cell);
    }

    private List<Output.WorkerLine> workerLines(String cell) {
        return outputsOf(cell).stream().filter(o -> o instanceof Output.WorkerLine).map(o -> (Output.WorkerLine) o)
                .collect(Collectors.toList());
    }

    private String stdout(String cell) {
        return KernelHarness.streamText(outputsOf(cell), StreamName.STDOUT);
    }

    private long printedPid(String cell) {
        String out = stdout(cell).strip();
        return Long.parseLong(out.substring(out.lastIndexOf(' ') + 1));
    }

    @Test
    void aFunctionFromACellRunsInWorkersAndARedefinitionReachesNewWorkers() {
        String first = run("var w = new Worker(() -> factorial(10));\nw.start();\nw.join();\n"
                + "System.out.println(\"exit \" + w.exitCode() + \" pid \" + w.pid());");
        long pid = printedPid(first);
        assertThat(pid).isNotEqualTo(h.kernel.pid());
        assertThat(stdout(first)).startsWith("exit 0 ");
        assertThat(workerLines(first)).extracting(Output.WorkerLine::line).containsExactly("56");
        assertThat(workerLines(first)).allMatch(l -> l.pid() == pid && l.worker().matches("Worker-\\d+"));
        assertThat(outputsOf(first)).anyMatch(o -> o instanceof Output.WorkerEvent e && e.pid() == pid
                && e.phase() == Output.WorkerEvent.Phase.EXITED && e.exitCode() == 0);

        run("long factorial(long n) { System.out.println(\"new body \" + n); return -n; }");
        String second = run("var w2 = new Worker(() -> factorial(10));\nw2.start();\nw2.join();");
        assertThat(workerLines(second)).extracting(Output.WorkerLine::line).containsExactly("new body 10");

        String pooled = run("try (var pool = new WorkerPool(2)) { System.out.println(pool.map(x -> factorial(x), "
                + "List.of(1L, 2L, 3L))); }");
        assertThat(stdout(pooled)).isEqualTo("[-1, -2, -3]\n");

        run("var keptPool = new WorkerPool(2);");
        String later = run("System.out.println(keptPool.map(x -> factorial(x), List.of(4L, 5L)));");
        assertThat(stdout(later)).isEqualTo("[-4, -5]\n");
        Await.until("the pool's lines in the calling cell", T, () -> workerLines(later).size() >= 2);
        assertThat(workerLines(later)).extracting(Output.WorkerLine::line)
                .containsExactlyInAnyOrder("new body 4", "new body 5");
        assertThat(workerLines(later)).allMatch(l -> l.worker().matches("PoolWorker-\\d+"));
        run("keptPool.close();");
    }

    @Test
    void workersSeeTopLevelVariablesAndAreWarnedAboutOnesThatCannotBeCopied() {
        run("String greeting = \"hello from the notebook\";");
        run("Object lock = new Object();");
        String cell = run("var w = new Worker(() -> System.out.println(greeting + \" / lock \" + lock));\nw.start();\nw.join();");
        assertThat(workerLines(cell)).extracting(Output.WorkerLine::line)
                .containsExactly("hello from the notebook / lock null");
        assertThat(outputsOf(cell)).contains(
                new Output.Notice("variable lock (java.lang.Object) is not Serializable; workers see null"));
    }

    /**
     * A worker gets copies of the variables its task can reach, directly, through a method, or through the class of
     * an object in a copy, and of no others: those cost nothing and raise no notice. {@code Counted} counts, in
     * the kernel, each time it is serialized.
     */
    @Test
    void aWorkerCopiesOnlyTheVariablesItsTaskCanReach() {
        run("int copies = 0;");
        run("class Counted implements java.io.Serializable { private void writeObject(java.io.ObjectOutputStream out)"
                + " throws java.io.IOException { copies++; out.defaultWriteObject(); } }");
        run("Counted apart = new Counted();");
        run("Object notSerializable = new Object();");
        run("Counted read = new Counted();");
        run("String readIt() { return \"read \" + (read != null); }");
        run("var things = new java.util.ArrayList<Object>();");
        run("class Peek implements java.io.Serializable { public String toString() { return \"peek sees apart: \""
                + " + (apart != null); } }");
        run("things.add(new Peek());");

        String none = run("var w = new Worker(() -> System.out.println(\"hi\"));\nw.start();\nw.join();");
        assertThat(workerLines(none)).extracting(Output.WorkerLine::line).containsExactly("hi");
        assertThat(outputsOf(none)).noneMatch(Output.Notice.class::isInstance);
        assertThat(stdout(run("System.out.println(copies);"))).isEqualTo("0\n");

        String viaMethod = run("var w = new Worker(() -> System.out.println(readIt()));\nw.start();\nw.join();");
        assertThat(workerLines(viaMethod)).extracting(Output.WorkerLine::line).containsExactly("read true");
        assertThat(outputsOf(viaMethod)).noneMatch(Output.Notice.class::isInstance);
        assertThat(stdout(run("System.out.println(copies);"))).as("read's copy only").isEqualTo("1\n");

        String viaCopy = run("var w = new Worker(() -> System.out.println(things.get(0)));\nw.start();\nw.join();");
        assertThat(workerLines(viaCopy)).extracting(Output.WorkerLine::line).containsExactly("peek sees apart: true");
        assertThat(stdout(run("System.out.println(copies);"))).as("apart's copy only").isEqualTo("2\n");
    }

    /**
     * A pool copies every variable when it starts, as Python's forks then; a notice names one that could not be
     * copied only when a function sent to the pool can reach it (the pool itself, which the calling statement names,
     * travels as a copy).
     */
    @Test
    void aPoolNamesAVariableItCouldNotCopyOnlyWhenAFunctionCanReachIt() {
        run("Object notSerializable = new Object();");
        run("int offset = 100;");
        run("var pool = new WorkerPool(1);");
        String apart = run("System.out.println(pool.map(x -> x + offset, java.util.List.of(1, 2)));");
        assertThat(stdout(apart)).isEqualTo("[101, 102]\n");
        assertThat(outputsOf(apart)).noneMatch(Output.Notice.class::isInstance);
        String reaching = run("System.out.println(pool.map(x -> x + \" \" + notSerializable, java.util.List.of(1)));");
        assertThat(stdout(reaching)).isEqualTo("[1 null]\n");
        assertThat(outputsOf(reaching)).contains(
                new Output.Notice("variable notSerializable (java.lang.Object) is not Serializable; workers see null"));

        // the pool itself travels as a copy, as a forked child's Pool object does: it knows its size, runs nothing
        String copied = run("var w = new Worker(() -> { System.out.println(\"a copy of a pool of \" + pool.size());"
                + " try { pool.map(x -> x, java.util.List.of(1)); } catch (IllegalStateException e) {"
                + " System.out.println(e.getMessage()); } });\nw.start();\nw.join();");
        Await.until("the worker's two lines", T, () -> workerLines(copied).size() >= 2);
        assertThat(workerLines(copied)).extracting(Output.WorkerLine::line).containsExactly("a copy of a pool of 1",
                "cannot map here: this pool is a copy made when this process started; only the process that created"
                        + " the pool can use it");
        assertThat(outputsOf(copied)).noneMatch(Output.Notice.class::isInstance);
        run("pool.close();");
    }

    @Test
    void aLinkedListTooDeepToCopyIsNamedAndWorkersStillStart() {
        run("class Node implements java.io.Serializable { Node next; }");
        run("Node head = new Node(); Node tail = head; for (int i = 0; i < 1_000_000; i++) { tail.next = new Node();"
                + " tail = tail.next; }");
        String cell = run("var w = new Worker(() -> System.out.println(\"head \" + head + \" / tail \" + (tail != null)));"
                + "\nw.start();\nw.join();");
        assertThat(workerLines(cell)).extracting(Output.WorkerLine::line).containsExactly("head null / tail true");
        assertThat(outputsOf(cell)).filteredOn(Output.Notice.class::isInstance)
                .extracting(o -> ((Output.Notice) o).message()).singleElement().asString()
                .matches("variable head \\(\\S+Node\\) is nested too deeply to copy to workers \\(copying it "
                        + "overflowed the stack\\); workers see null");
        run("head = null; tail = null;");   // the later tests' workers copy the notebook's variables too
    }

    @Test
    void aVariableTooLargeForAWorkersHeapIsNamedAndTheOthersStillTravel() {
        run("byte[] big = new byte[70_000_000];");
        run("int small = 5;");
        String cell = run("var w = new Worker(() -> System.out.println(\"big \" + (big == null ? \"null\" : big.length)"
                + " + \" / small \" + small));\nw.start();\nw.join();");
        assertThat(workerLines(cell)).extracting(Output.WorkerLine::line).containsExactly("big null / small 5");
        assertThat(outputsOf(cell)).contains(new Output.Notice("variable big (byte[]) is 67 MB as a copy, more than a worker"
                + " takes (64 MB for all variables, a quarter of its heap); workers see null. Share it with"
                + " SharedLongArray or SharedDoubleArray, or give a worker only the part it needs."));
        run("big = null;");   // the later tests' workers copy the notebook's variables too
    }

    @Test
    void aVariableThatCannotBeRebuiltInAWorkerTroublesOnlyTheWorkersThatUseIt() {
        run("class Fragile implements java.io.Serializable { private void readObject(java.io.ObjectInputStream in) "
                + "throws java.io.IOException { throw new java.io.InvalidObjectException(\"not here\"); } }");
        run("Fragile fragile = new Fragile();");
        run("int count = 7;");
        String unaffected = run("var w = new Worker(() -> System.out.println(\"count \" + count));\nw.start();\nw.join();");
        assertThat(workerLines(unaffected)).extracting(Output.WorkerLine::line).containsExactly("count 7");

        String affected = run("var w = new Worker(() -> System.out.println(\"fragile \" + fragile));\nw.start();\nw.join();");
        assertThat(workerLines(affected)).anyMatch(l -> l.stream() == StreamName.STDERR
                && l.line().contains("could not set variable fragile") && l.line().contains("not here"));
        assertThat(workerLines(affected)).anyMatch(l -> l.line().equals("fragile null"));
    }

    @Test
    void linesPrintedAfterTheCellEndedStillLandInIt() {
        String cell = run("new Worker(() -> { long end = System.nanoTime() + 500_000_000L; "
                + "while (System.nanoTime() < end) { Thread.onSpinWait(); } System.out.println(\"late line\"); }).start();");
        Await.until("the late line", T, 
                () -> workerLines(cell).stream().anyMatch(l -> l.line().equals("late line")));
    }

    @Test
    void interruptAndRestartLeaveNoWorkerAlive() throws Exception {
        String spin = "() -> { while (true) { Thread.onSpinWait(); } }";
        String started = run("var a = new Worker(" + spin + ");\na.start();\nvar pool = new WorkerPool(1);\n"
                + "System.out.println(\"pids \" + a.pid() + \" \" + pool.pids().get(0));");
        List<Long> pids = new ArrayList<>();
        for (String p : stdout(started).strip().split(" ")) {
            if (!p.equals("pids")) {
                pids.add(Long.parseLong(p));
            }
        }
        assertThat(pids).hasSize(2).allMatch(ProcStat::running);
        var running = h.startRunning(KernelHarness.newCellId(),
                "pool.mapAsync(x -> { while (true) { Thread.onSpinWait(); } }, List.of(1));\n"
                + "while (true) { Thread.onSpinWait(); }");
        h.kernel.interrupt();
        running.get(T.toMillis(), TimeUnit.MILLISECONDS);
        Await.until("workers gone after interrupt", Duration.ofSeconds(3), 
                () -> pids.stream().noneMatch(ProcStat::running));

        // fully qualified: on a loaded machine the interrupt may take longer than its grace and restart the kernel
        String again = run("var b = new lessonbook.workers.Worker(" + spin + ");\nb.start();\n"
                + "System.out.println(\"pid \" + b.pid());");
        long pid = printedPid(again);
        assertThat(ProcStat.running(pid)).isTrue();
        h.kernel.restart().get(T.toMillis(), TimeUnit.MILLISECONDS);
        Await.until("worker gone after restart", Duration.ofSeconds(3), () -> !ProcStat.running(pid));
    }

    @Test
    void aCallbackPrintsIntoTheCellThatRanItNotTheCellThatFirstUsedThePool() {
        // the first cell to use workers starts the runtime's shared threads (a worker that ends refills the spares)
        String first = run("var w = new Worker(() -> System.out.println(\"hi\"));\nw.start();\nw.join();");
        String later = run("try (var pool = new WorkerPool(1)) {\n"
                + "    pool.applyAsync((Integer x) -> { long end = System.nanoTime() + 300_000_000L;\n"
                + "        while (System.nanoTime() < end) { } return x * 10; }, 4)\n"
                + "        .thenAccept(r -> System.out.println(\"callback got \" + r)).join();\n"
                + "}");

        assertThat(stdout(later)).contains("callback got 40");
        assertThat(stdout(first)).doesNotContain("callback");
    }

    @Test
    void aWorkersStackTraceNamesTheCellsLinesAsTheKernelsOwnErrorsDo() {
        run("import java.util.*;\nint half(int x) {\n    if (x == 3) throw new IllegalArgumentException(\"odd\");\n"
                + "    return x / 2;\n}");
        String cell = run("// the worker\nWorker w = new Worker(() -> half(3));\nw.start();\nw.join();");
        Await.until("the worker's trace", T, () -> workerLines(cell).stream().anyMatch(l -> l.line().contains("lambda")));

        List<String> err = workerLines(cell).stream().filter(l -> l.stream() == StreamName.STDERR)
                .map(Output.WorkerLine::line).collect(Collectors.toList());
        assertThat(err.get(0)).contains("Exception in worker \"Worker-").contains("IllegalArgumentException: odd");
        assertThat(err).anyMatch(l -> l.matches("\\tat half \\(In \\[\\d+\\], line 3\\)"))
                .anyMatch(l -> l.matches("\\tat lambda \\(In \\[\\d+\\], line 2\\)"))
                .noneMatch(l -> l.contains("REPL.") || l.contains("lessonbook.workers.runtime"));
    }

    /**
     * A pool's failure reads as the cell's: the frames a student wrote (in the worker, or where the cell called the
     * pool), never the pool's dispatcher thread that completed the future or made the exception.
     */
    @Test
    void aPoolsFailuresShowTheCellsFramesNotThePoolsThreads() {
        run("int inverse(int x) { return 100 / x; }");
        KernelHarness.Ran async = h.run("try (var pool = new WorkerPool(1)) {\n"
                + "    pool.applyAsync((Integer n) -> inverse(n), 0).join();\n}");
        Output.Error joined = async.only(Output.Error.class);
        assertThat(joined.exceptionType()).isEqualTo("java.util.concurrent.CompletionException");
        assertThat(joined.frames()).first().asString().startsWith(Output.Error.CAUSE + "lessonbook.workers.WorkerException");
        assertThat(joined.frames()).anyMatch(f -> f.matches("inverse \\(In \\[\\d+\\], line 1\\)"))
                .noneMatch(f -> f.contains("PoolDispatcher") || f.contains("CompletableFuture"));

        KernelHarness.Ran died = h.run("try (var pool = new WorkerPool(1)) {\n"
                + "    pool.map((Integer n) -> { System.exit(3); return n; }, List.of(1));\n}");
        Output.Error error = died.only(Output.Error.class);
        assertThat(error.exceptionType()).isEqualTo("lessonbook.workers.WorkerDiedException");
        assertThat(error.frames()).hasSize(2);
        assertThat(error.frames().get(0)).matches("WorkerPool\\.map \\(WorkerPool\\.java:\\d+\\)");
        assertThat(error.frames().get(1)).isEqualTo("(In [" + died.run().executionCount() + "], line 2)");
    }

    /**
     * The kernel's sequential run and a worker compile a cell's loop alike: both JVMs unroll loops as far
     * (lessonbook.process.CompiledLoops), where a fresh worker's C2 used to stop at a quarter of the kernel's.
     */
    @Test
    void aWorkerUnrollsLoopsAsFarAsTheKernel() {
        run("String unrollLimit() {\n"
                + "    return java.lang.management.ManagementFactory.getPlatformMXBean(\n"
                + "            com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(\"LoopMaxUnroll\").getValue();\n"
                + "}");
        String inKernel = run("System.out.println(\"kernel \" + unrollLimit());");
        String inWorker = run("try (var pool = new WorkerPool(1)) {\n"
                + "    System.out.println(\"worker \" + pool.map((Integer n) -> unrollLimit(), List.of(1)).get(0));\n}");
        assertThat(stdout(inKernel).strip()).isEqualTo("kernel 64");
        assertThat(stdout(inWorker).strip()).isEqualTo("worker 64");
    }

    /**
     * A worker's compiled counted loop polls for safepoints (lessonbook.process.CompiledLoops): another thread of the
     * worker that needs one (here a collection) gets it within milliseconds, not after the loop. With the serial
     * collector's defaults the collection waited for the whole loop.
     */
    @Test
    void aWorkersCountedLoopLetsItsOtherThreadsReachASafepoint() {
        run("long sumTo(long n) {\n"
                + "    long s = 0;\n"
                + "    for (long i = 1; i <= n; i++) {\n"
                + "        s += i;\n"
                + "    }\n"
                + "    return s;\n"
                + "}\n"
                + "String collectWhileLooping() throws InterruptedException {\n"
                + "    long[] gcMillis = new long[1];\n"
                + "    Thread gc = new Thread(() -> {\n"
                + "        try { Thread.sleep(50); } catch (InterruptedException e) { return; }\n"
                + "        long t0 = System.nanoTime();\n"
                + "        System.gc();\n"
                + "        gcMillis[0] = (System.nanoTime() - t0) / 1_000_000;\n"
                + "    });\n"
                + "    gc.start();\n"
                + "    long t0 = System.nanoTime();\n"
                + "    long s = sumTo(3_000_000_000L);\n"
                + "    long loop = (System.nanoTime() - t0) / 1_000_000;\n"
                + "    gc.join();\n"
                + "    return \"loop \" + loop + \" gc \" + gcMillis[0] + \" sum \" + s;\n"
                + "}");
        String out = stdout(run("try (var pool = new WorkerPool(1)) {\n"
                + "    System.out.println(pool.map((Integer n) -> {\n"
                + "        try { return collectWhileLooping(); } catch (InterruptedException e) { return \"interrupted\"; }\n"
                + "    }, List.of(1)).get(0));\n}")).strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("loop (\\d+) gc (\\d+) sum (-?\\d+)").matcher(out);
        assertThat(m.matches()).as(out).isTrue();
        long loop = Long.parseLong(m.group(1));
        long gc = Long.parseLong(m.group(2));
        assertThat(loop).as("the loop ran long enough to tell: " + out).isGreaterThan(200);
        assertThat(gc).as("the collection did not wait for the loop: " + out).isLessThan(loop / 3);
    }
}
