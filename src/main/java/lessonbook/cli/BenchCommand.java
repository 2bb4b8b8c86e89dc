package lessonbook.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import lessonbook.bench.Figure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lessonbook bench}: every figure of the project, each beside its peer measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Lessonbook and print `bench <name> <value> <unit>` lines (medians of several runs).")
final class BenchCommand implements Callable<Integer> {

    /** A group of figures measured together. */
    interface Suite {
        List<Figure> run() throws Exception;
    }

    @Option(names = "--only", split = ",", paramLabel = "SUITE",
            description = "Run only these suites: ${COMPLETION-CANDIDATES}.")
    List<String> only;

    static Map<String, Suite> suites() {
        Map<String, Suite> suites = new LinkedHashMap<>();
        suites.put("kernel", () -> new lessonbook.kernel.client.KernelBench().run());
        suites.put("ui", () -> new lessonbook.ui.UiBench().run());
        suites.put("app", () -> new lessonbook.bench.app.AppBench(DefaultLesson.find()).run());
        suites.put("workers", () -> new lessonbook.bench.WorkerBench().run());
        suites.put("lesson", () -> new lessonbook.kernel.client.LessonWorkloadBench(
                lessonbook.format.LessonFiles.read(DefaultLesson.find())).run());
        return suites;
    }

    @Override
    public Integer call() {
        int failures = 0;
        for (Map.Entry<String, Suite> suite : suites().entrySet()) {
            if (only != null && !only.contains(suite.getKey())) {
                continue;
            }
            try {
                for (Figure figure : new ArrayList<>(suite.getValue().run())) {
                    System.out.println(figure.line());
                }
            } catch (Exception e) {
                failures++;
                System.err.println("bench: suite " + suite.getKey() + " failed: " + e);
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
