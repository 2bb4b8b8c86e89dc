package lessonbook.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import lessonbook.cli.DefaultLesson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code lessonbook bench}: every figure of the project, each beside its peer measured in the same run. Figures go
 * to stdout as {@code bench <name> <value> <unit>}; everything else (why a suite did not run, details) to stderr.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, modelTransformer = BenchCommand.SuiteHelp.class,
        description = "Measure Lessonbook and print `bench <name> <value> <unit>` lines (medians of several runs).")
public final class BenchCommand implements Callable<Integer> {

    /** A group of figures measured together. */
    public interface Suite {
        /** The figures; {@link SuiteCannotRun} when this machine lacks what the suite needs. */
        List<Figure> run() throws Exception;
    }

    /** A suite as {@code --only} names it and {@code --help} lists it. */
    record Named(String name, String about, Suite suite) {
    }

    static List<Named> standardSuites() {
        return List.of(
                new Named("kernel", "start to first result (vs no class-data archive); warm eval (vs JDI)",
                        () -> new lessonbook.bench.kernel.KernelBench().run()),
                new Named("ui", "the app: first frame, a 20,000-cell notebook, first output, a 1M-line flood (needs a display)",
                        () -> new lessonbook.bench.ui.UiBench().run()),
                new Named("app", "the lesson's first Run All in the real window: speedups *.in_app, app CPU (Xvfb if no display)",
                        () -> new lessonbook.bench.app.AppBench(DefaultLesson.find()).run()),
                new Named("workers", "the lesson's workload via the worker API (vs Python, with python3)",
                        () -> new WorkerBench().run()),
                new Named("ipc", "queue round trip and a shared counter across workers (vs Python's mp.Queue, Value)",
                        () -> new IpcBench().run()),
                new Named("lesson", "the lesson's own cells in a real kernel: speedups *.in_kernel",
                        () -> new lessonbook.bench.kernel.LessonWorkloadBench(DefaultLesson.find()).run()),
                new Named("flood", "a cell printing forever, -Xmx512m: app (needs a display), `run`",
                        () -> new lessonbook.bench.flood.FloodBench().run()),
                new Named("grade", "`grade` of 30 copies of a 3-exercise lesson: ms per submission (vs one at a time)",
                        () -> new lessonbook.bench.grade.GradeBench().run()));
    }

    @Option(names = "--only", split = ",", paramLabel = "SUITE",
            description = "Run only these suites (comma-separated): ${COMPLETION-CANDIDATES}.",
            completionCandidates = SuiteNames.class)
    List<String> only;

    private final List<Named> suites;
    private final PrintStream out;
    private final PrintStream err;

    /** Measures with C2, as the app runs: {@code false} only for suites made up by a test. */
    private final boolean realSuites;

    public BenchCommand() {
        this(standardSuites(), System.out, System.err, true);
    }

    BenchCommand(List<Named> suites, PrintStream out, PrintStream err) {
        this(suites, out, err, false);
    }

    private BenchCommand(List<Named> suites, PrintStream out, PrintStream err, boolean realSuites) {
        this.suites = suites;
        this.out = out;
        this.err = err;
        this.realSuites = realSuites;
    }

    @Override
    public Integer call() {
        if (realSuites && CompilersOfThisJvm.unlikeTheKernel()) {
            return CompilersOfThisJvm.rerunCompilingAsTheKernel(only);
        }
        List<String> names = suites.stream().map(Named::name).toList();
        if (only != null) {
            List<String> unknown = only.stream().filter(n -> !names.contains(n)).toList();
            if (!unknown.isEmpty()) {
                err.println("bench: no suite named " + String.join(", ", unknown) + "; the suites are "
                        + String.join(", ", names) + " (see bench --help)");
                return 2;
            }
        }
        List<String> notRun = new ArrayList<>();
        for (Named suite : suites) {
            if (only != null && !only.contains(suite.name())) {
                continue;
            }
            try {
                for (Figure figure : new ArrayList<>(suite.suite().run())) {
                    if (figure.measured()) {
                        out.println(figure.line());
                    } else {
                        notRun.add(figure.name());
                        err.println("bench: " + figure.name() + " not measured: " + figure.problem());
                    }
                }
            } catch (SuiteCannotRun e) {
                notRun.add(suite.name());
                err.println("bench: suite " + suite.name() + " cannot run here: " + e.getMessage());
            } catch (Exception | LinkageError e) {
                notRun.add(suite.name());
                err.println("bench: suite " + suite.name() + " failed: " + e);
            }
        }
        if (!notRun.isEmpty()) {
            err.println("bench: not measured: " + String.join(", ", notRun));
            return 1;
        }
        return 0;
    }

    /** The suites' names, for {@code ${COMPLETION-CANDIDATES}} in the help of {@code --only}. */
    static final class SuiteNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return standardSuites().stream().map(Named::name).iterator();
        }
    }

    /** Adds one line per suite to {@code bench --help}. */
    public static final class SuiteHelp implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            int width = standardSuites().stream().mapToInt(s -> s.name().length()).max().orElse(0);
            spec.usageMessage().footerHeading("%nSuites (all run when --only is not given):%n")
                    .footer(standardSuites().stream()
                            .map(s -> String.format("  %-" + width + "s  %s", s.name(), s.about()))
                            .collect(Collectors.joining("%n")));
            return spec;
        }
    }
}
