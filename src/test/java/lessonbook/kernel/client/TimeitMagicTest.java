package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Diagnostic;
import lessonbook.model.Output;
import lessonbook.testkit.KernelHarness;

/**
 * {@code %timeit} and {@code %%timeit} in a real kernel: the code runs as often as the line says, IPython's line
 * ends the cell, and the code's errors land on the cell's own lines.
 */
class TimeitMagicTest {
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    private static final String LINE = "[\\d.]+ (s|ms|µs|ns) ± [\\d.]+ (s|ms|µs|ns) per loop \\(mean ± std\\. dev\\. of "
            + "%d runs, %s loops? each\\)";

    /** The {@code %timeit} line: the cell's last standard output, as IPython prints it. */
    private static String lastInfo(KernelHarness.Ran ran) {
        List<String> lines = ran.stdout().lines().filter(m -> m.contains(" per loop (")).toList();
        assertThat(lines).as(ran.outputs().toString()).hasSize(1);
        return lines.get(0);
    }

    @Test
    void aTimedCellRunsItsCodeOncePerLoopAfterItsSetupAndKeepsNoVariable() {
        harness.run("int calls = 0;\nint setups = 0;");
        KernelHarness.Ran ran = harness.run("%%timeit -n 3 -r 2 setups++; int local = 41;\ncalls++;\nlocal++;");

        assertThat(ran.run().outcome()).isEqualTo(Outcome.OK);
        assertThat(lastInfo(ran)).matches(LINE.formatted(2, "3"));
        // the first call (one loop), then two runs of three: seven; the setup before each of the three
        assertThat(harness.run("calls").only(Output.Value.class).value()).isEqualTo("7");
        assertThat(harness.run("setups").only(Output.Value.class).value()).isEqualTo("3");
        assertThat(harness.run("local").only(Output.CompileError.class).diagnostics().get(0).message())
                .as("what the timed code declares stays inside the measurement, as in IPython").contains("cannot find symbol");
    }

    @Test
    void aTimedLineChoosesItsLoopsAndTheJavaAroundItRuns() {
        KernelHarness.Ran ran = harness.run("long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n"
                + "%timeit fib(15)\n"
                + "String after = \"ran\";");

        assertThat(ran.run().outcome()).isEqualTo(Outcome.OK);
        String line = lastInfo(ran);
        assertThat(line).matches(LINE.formatted(7, "[\\d,]+"));
        long loops = Long.parseLong(line.replaceAll(".*runs, ([\\d,]+) loops? each\\)", "$1").replace(",", ""));
        assertThat(loops).as("enough loops for a fifth of a second: fib(15) takes microseconds").isGreaterThan(10);
        assertThat(harness.run("after").only(Output.Value.class).value()).isEqualTo("\"ran\"");
        KernelHarness.Ran voidCall = harness.run("%timeit -n 2 -r 1 System.out.print(\"x\")");
        assertThat(voidCall.stdout()).contains(" per loop (mean of 1 run, 2 loops each)\n");
        assertThat(voidCall.stdout()).as("a void call: timed as a "
                + "statement, the first call and two loops").startsWith("xxx").doesNotStartWith("xxxx");
    }

    @Test
    void aLongMeasurementCanBeInterruptedAndTheNotebookGoesOn() throws Exception {
        harness.run("int kept = 42;");
        String cell = KernelHarness.newCellId();
        java.util.concurrent.CompletableFuture<CellRun> run = harness.startRunning(cell,
                "%%timeit -r 1000\nSystem.out.println(\"loop\");\nThread.sleep(20);");
        harness.awaitStdout(cell, "loop\nloop\n");

        harness.kernel.interrupt();
        CellRun ended = run.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(ended.outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(KernelHarness.streamText(harness.outputsOf(cell), lessonbook.model.StreamName.STDOUT))
                .as("no line for a stopped measurement").doesNotContain("per loop");
        KernelHarness.Ran next = harness.run("kept + 1");
        assertThat(next.only(Output.Value.class).value()).isEqualTo("43");
        assertThat(next.run().executionCount()).isEqualTo(ended.executionCount() + 1);
    }

    @Test
    void errorsAreTheCellsOwnAtItsLines() {
        KernelHarness.Ran typo = harness.run("%%timeit\nint a = 1;\nint b = a +* 2;");
        assertThat(typo.run().outcome()).isEqualTo(Outcome.ERROR);
        Diagnostic error = typo.only(Output.CompileError.class).diagnostics().get(0);
        assertThat(error.line()).as("the body's third line, not the kernel's template").isEqualTo(3);
        assertThat(error.excerpt()).contains("a +* 2");

        KernelHarness.Ran thrown = harness.run("%%timeit -n 1 -r 1\nint[] a = new int[2];\nint x = a[5];");
        Output.Error failure = thrown.only(Output.Error.class);
        assertThat(failure.exceptionType()).isEqualTo("java.lang.ArrayIndexOutOfBoundsException");
        assertThat(String.join("\n", failure.frames())).contains("line 3");
        assertThat(thrown.stdout()).as("no timing line for a failed measurement").isEmpty();
        assertThat(failure.frames()).as("the cell's lines, none of the measurement's own frames")
                .containsExactly("(In [%d], line 3)".formatted(thrown.run().executionCount()));

        assertThat(harness.run("%%timeit -q\nint a = 1;").only(Output.Notice.class).message())
                .isEqualTo("%timeit knows -n (loops per run) and -r (runs) only, not -q");
        assertThat(harness.run("%%timeit\n%maven a:b:1\nint a = 1;").only(Output.Notice.class).message())
                .startsWith("A %%timeit cell holds only the Java it times");
        assertThat(harness.run("%%timeit\nvoid f() { }").only(Output.Notice.class).message())
                .isEqualTo("%timeit times statements and expressions; a method belongs in a cell of its own, above "
                        + "this one.");
        assertThat(harness.run("%%timeit").only(Output.Notice.class).message())
                .startsWith("%%timeit times the Java below it");
    }
}
