package lessonbook.bench;

/** Runs the worker benchmark alone: {@code java -cp target/lessonbook.jar lessonbook.bench.WorkerBenchMain}. */
public final class WorkerBenchMain {
    private WorkerBenchMain() {
    }

    public static void main(String[] args) {
        for (Figure f : new WorkerBench().run()) {
            System.out.println(f.line());
        }
        System.exit(0);
    }
}
