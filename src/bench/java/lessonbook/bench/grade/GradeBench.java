package lessonbook.bench.grade;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import lessonbook.bench.Figure;
import lessonbook.bench.Median;
import lessonbook.bench.ScratchFolder;
import lessonbook.cli.grade.GradeRow;
import lessonbook.cli.grade.Grader;
import lessonbook.cli.grade.GradingKernels;
import lessonbook.format.files.LessonFiles;
import lessonbook.kernel.client.ClassDataCache;
import lessonbook.model.Notebook;

/**
 * {@code grade.per_submission}: milliseconds of wall time per submission when {@code lessonbook grade} grades 30
 * copies of a lesson with three exercises, one kernel per core at a time; its peer grades them one after another
 * ({@code .vs.one_at_a_time}), and {@code grade.speedup} is the ratio. Every row must pass (the copies are the
 * teacher's own solutions), so a grader that gets faster by failing is not measured.
 * {@code grade.kernel_cpu_per_submission} is the CPU the ended kernels used, per submission, in the parallel runs
 * (Linux: the children's CPU in /proc/self/stat); on a machine others share, wall-clock speedups are noisy and
 * this says whether a change made the work smaller. The kernels' class-data archive is made before measuring, so
 * that neither mode pays for the training run (the parallel runs, measured first, used to).
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
        try (ScratchFolder scratch = ScratchFolder.create("lessonbook-grade-bench")) {
            Path dir = scratch.path();
            Path lesson = Files.writeString(dir.resolve("lesson.md"), LESSON, StandardCharsets.UTF_8);
            List<Path> copies = new ArrayList<>();
            for (int i = 1; i <= submissions; i++) {
                copies.add(Files.writeString(dir.resolve(String.format("student%02d.md", i)), LESSON));
            }
            Notebook teacher = LessonFiles.read(lesson);
            int cores = Runtime.getRuntime().availableProcessors();
            ClassDataCache classData = GradingKernels.launcher().classDataCache();
            if (classData != null) {
                classData.trainInBackground().get(150, TimeUnit.SECONDS);
            }
            List<Double> parallel = new ArrayList<>();
            List<Double> oneAtATime = new ArrayList<>();
            List<Double> kernelCpu = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long cpuBefore = endedChildrenCpuMs();
                parallel.add(msPerSubmission(teacher, copies, cores));
                kernelCpu.add((endedChildrenCpuMs() - cpuBefore) / (double) copies.size());
                oneAtATime.add(msPerSubmission(teacher, copies, 1));
            }
            double perSubmission = Median.of(parallel);
            double sequential = Median.of(oneAtATime);
            return List.of(new Figure("grade.per_submission", perSubmission, "ms"),
                    new Figure("grade.per_submission.vs.one_at_a_time", sequential, "ms"),
                    new Figure("grade.speedup", sequential / perSubmission, "x"),
                    endedChildrenCpuMs() < 0
                            ? Figure.notMeasured("grade.kernel_cpu_per_submission", "ms", "no /proc/self/stat here")
                            : new Figure("grade.kernel_cpu_per_submission", Median.of(kernelCpu), "ms"));
        }
    }

    private static double msPerSubmission(Notebook teacher, List<Path> copies, int jobs) throws Exception {
        long start = System.nanoTime();
        List<GradeRow> rows = new Grader(teacher, GradingKernels.fresh(), Duration.ofSeconds(60), jobs).grade(copies);
        double ms = (System.nanoTime() - start) / 1e6 / copies.size();
        List<GradeRow> failed = rows.stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty() || rows.size() != copies.size() * 3) {
            throw new IllegalStateException("the teacher's own solutions did not all pass: " + failed);
        }
        return ms;
    }

    /** CPU of this JVM's ended (and reaped) children and theirs, from /proc/self/stat; -1 where there is none. */
    private static long endedChildrenCpuMs() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields from the state (3rd of the file): cutime and cstime are the file's 16th and 17th, in ticks
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return ticks * 10;   // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
