package lessonbook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import lessonbook.testkit.TestJvm;

/** What {@code lessonbook bench} does with its suites: picks them, reports what could not be measured, goes on. */
class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final List<BenchCommand.Named> SUITES = List.of(
            new BenchCommand.Named("fast", "one figure", () -> List.of(new Figure("fast.one", 1.5, "ms"))),
            new BenchCommand.Named("needsx", "needs a display", () -> {
                throw new SuiteCannotRun("no display (DISPLAY is not set); run it under Xvfb");
            }),
            new BenchCommand.Named("broken", "one figure measured, one not", () -> List.of(
                    new Figure("broken.kept", 2, "MB"),
                    Figure.notMeasured("broken.heap", "MB", "the app ran out of memory at -Xmx512m"))),
            new BenchCommand.Named("last", "runs after the others", () -> List.of(new Figure("last.one", 3, "x"))));

    private int bench(String... args) {
        BenchCommand command = new BenchCommand(SUITES, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSuiteThatCannotRunSaysWhyInOneLineAndTheOthersStillRun() {
        int exit = bench();
        assertThat(stdout().lines()).containsExactly("bench fast.one 1.500 ms", "bench broken.kept 2.0 MB",
                "bench last.one 3.0 x");
        assertThat(stderr()).contains("bench: suite needsx cannot run here: no display (DISPLAY is not set); "
                + "run it under Xvfb\n");
        assertThat(stderr()).contains("bench: broken.heap not measured: the app ran out of memory at -Xmx512m\n");
        assertThat(stderr()).contains("bench: not measured: needsx, broken.heap");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void onlyRunsTheNamedSuites() {
        int exit = bench("--only", "last,fast");
        assertThat(stdout().lines()).containsExactly("bench fast.one 1.500 ms", "bench last.one 3.0 x");
        assertThat(stderr()).isEmpty();
        assertThat(exit).isZero();
    }

    @Test
    void anUnknownSuiteIsNamedWithTheOnesThatExistAndNothingRuns() {
        int exit = bench("--only", "fast,flod");
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEqualTo("bench: no suite named flod; the suites are fast, needsx, broken, last "
                + "(see bench --help)\n");
        assertThat(exit).isEqualTo(2);
    }

    /**
     * Started as the app image's launcher starts its JVM (C1 only), as {@code java -jar} starts it (C2 without the
     * kernel's loop-unroll limit), or with the serial collector and the limit but without the kernel's safepoint
     * polls in loops, the bench runs itself again in a JVM that compiles as the kernel does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-XX:TieredStopAtLevel=1", "-Dno.options=1", "-XX:+UseSerialGC -XX:LoopMaxUnroll=64"})
    void fromAJvmThatCompilesUnlikeTheKernelTheBenchRunsItselfAgain(String option) throws Exception {
        String errors = benchErrors(List.of(option.split(" ")));
        assertThat(errors).contains("bench: this JVM does not compile as the kernel does").contains(
                "running the bench again in one that does");
        assertThat(errors.lines().filter(l -> l.startsWith("bench: no suite named nosuch"))).hasSize(1);
    }

    @Test
    void inAJvmThatCompilesAsTheKernelTheBenchRunsInPlace() throws Exception {
        assertThat(benchErrors(lessonbook.process.CompiledLoops.OPTIONS))
                .doesNotContain("running the bench again").contains("bench: no suite named nosuch");
    }

    private static String benchErrors(List<String> options) throws Exception {
        Process bench = TestJvm.running(options, "lessonbook.Main", "bench", "--only=nosuch")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String errors = new String(bench.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bench.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(bench.exitValue()).isEqualTo(2);
        return errors;
    }
}
