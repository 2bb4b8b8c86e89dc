package lessonbook.bench.grade;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import lessonbook.bench.Figure;
import lessonbook.bench.Median;
import lessonbook.cli.grade.GradeRow;
import lessonbook.cli.grade.Grader;
import lessonbook.format.LessonFiles;
import lessonbook.kernel.client.JvmKernel;
import lessonbook.model.Notebook;

/**
 * {@code grade.per_submission}: milliseconds of wall time per submission when {@code lessonbook grade} grades 30
 * copies of a lesson with three exercises, one kernel per core at a time; its peer grades them one after another
 * ({@code .vs.one_at_a_time}), and {@code grade.speedup} is the ratio. Every row must pass (the copies are the
 * teacher's own solutions), so a grader that gets faster by failing is not measured.
 * {@code -Dlessonbook.bench.gradeSubmissions=N} and {@code -Dlessonbook.bench.gradeRuns=N} (default 30 and 3)
 * shorten it for a quick check.
 */
public final class GradeBench {
    static final String LESSON = """
            # Three exercises

            ```java
            int base = 10;
            ```

            ```java exercise id=twice
            int twice(int x) {
                // BEGIN SOLUTION
                return 2 * x;
                // END SOLUTION
            }
            ```

            ```java check
            Check.equal("twice(21)", 42, twice(21));
            ```

            ```java exercise id=factorial
            BigInteger factorial(int n) {
                // BEGIN SOLUTION
                BigInteger f = BigInteger.ONE;
                for (int i = 2; i <= n; i++) {
                    f = f.multiply(BigInteger.valueOf(i));
                }
                return f;
                // END SOLUTION
            }
            ```

            ```java check points=2
            Check.equal("factorial(25)", new BigInteger("15511210043330985984000000"), factorial(25));
            Check.equal("factorial(base)", 3628800, factorial(base));
            ```

            ```java exercise id=primes
            List<Integer> primesBelow(int n) {
                // BEGIN SOLUTION
                return IntStream.range(2, n).filter(k -> IntStream.rangeClosed(2, (int) Math.sqrt(k))
                        .noneMatch(d -> k % d == 0)).boxed().toList();
                // END SOLUTION
            }
            ```

            ```java check
            Check.equal("primesBelow(20)", List.of(2, 3, 5, 7, 11, 13, 17, 19), primesBelow(20));
            Check.equal("primes below 10,000", 1229, primesBelow(10_000).size());
            ```
            """;

    private final int submissions = Integer.getInteger("lessonbook.bench.gradeSubmissions", 30);
    private final int runs = Integer.getInteger("lessonbook.bench.gradeRuns", 3);

    public List<Figure> run() throws Exception {
        Path dir = Files.createTempDirectory("lessonbook-grade-bench");
        try {
            Path lesson = Files.writeString(dir.resolve("lesson.md"), LESSON, StandardCharsets.UTF_8);
            List<Path> copies = new ArrayList<>();
            for (int i = 1; i <= submissions; i++) {
                copies.add(Files.writeString(dir.resolve(String.format("student%02d.md", i)), LESSON));
            }
            Notebook teacher = LessonFiles.read(lesson);
            int cores = Runtime.getRuntime().availableProcessors();
            List<Double> parallel = new ArrayList<>();
            List<Double> oneAtATime = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                parallel.add(msPerSubmission(teacher, copies, cores));
                oneAtATime.add(msPerSubmission(teacher, copies, 1));
            }
            double perSubmission = Median.of(parallel);
            double sequential = Median.of(oneAtATime);
            return List.of(new Figure("grade.per_submission", perSubmission, "ms"),
                    new Figure("grade.per_submission.vs.one_at_a_time", sequential, "ms"),
                    new Figure("grade.speedup", sequential / perSubmission, "x"));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double msPerSubmission(Notebook teacher, List<Path> copies, int jobs) throws Exception {
        long start = System.nanoTime();
        List<GradeRow> rows = new Grader(teacher, JvmKernel::start, Duration.ofSeconds(60), jobs).grade(copies);
        double ms = (System.nanoTime() - start) / 1e6 / copies.size();
        List<GradeRow> failed = rows.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty() || rows.size() != copies.size() * 3) {
            throw new IllegalStateException("the teacher's own solutions did not all pass: " + failed);
        }
        return ms;
    }
}
